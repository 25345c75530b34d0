#pragma once

#include "app/cli/Command.h"

namespace kiln::cli {

// `kiln console [options] [TEMPLATE]`: packer console in HCL2 mode.
Command consoleCommand();

} // namespace kiln::cli

#pragma once

#include "app/cli/Command.h"

namespace kiln::cli {

// `kiln inspect [options] TEMPLATE`: packer inspect (HCL2 and legacy JSON modes).
Command inspectCommand();

} // namespace kiln::cli

#pragma once

#include "app/cli/Command.h"

namespace kiln::cli {

// `kiln validate [options] TEMPLATE`: packer validate.
Command validateCommand();

} // namespace kiln::cli

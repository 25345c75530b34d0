#pragma once

#include "app/cli/Command.h"

namespace kiln::cli {

// `kiln build [options] TEMPLATE` (also `kiln --build TEMPLATE`): packer build.
Command buildCommand();

} // namespace kiln::cli

#pragma once

#include "app/cli/Command.h"

namespace kiln::cli {

Command versionCommand();

} // namespace kiln::cli

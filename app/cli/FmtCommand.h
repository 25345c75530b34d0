#pragma once

#include "app/cli/Command.h"

namespace kiln::cli {

// `kiln fmt [-check] [-diff] [-write=false] [-recursive] PATH|-`: rewrites
// Packer HCL files (.pkr.hcl, .pkrvars.hcl) in canonical format, byte for
// byte as `packer fmt`. Exit status 0, 1 on errors, 3 with -check when a file
// is not formatted.
Command fmtCommand();

} // namespace kiln::cli

#pragma once

#include "app/cli/Command.h"

namespace kiln::cli {

// `kiln export --ci github|gitlab [--runner packer|kiln] [--output FILE] PATH`: a CI
// pipeline building every build of the template as its own job;
// `kiln export --format hcl|json [--output FILE] [--vars-file FILE] PATH`: the template
// itself, normalised for HashiCorp Packer, with Kiln's own components flagged.
Command exportCommand();

} // namespace kiln::cli

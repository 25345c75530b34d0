#pragma once

#include "app/cli/Command.h"

namespace kiln::cli {

// `kiln hcl2_upgrade [-output-file=path] [-with-annotations] TEMPLATE`:
// writes the HCL2 equivalent of a legacy JSON template (default
// TEMPLATE.pkr.hcl), byte for byte as `packer hcl2_upgrade` v1.9.5. Exit
// status 1 when the template cannot be read or a part could not be
// upgraded (the file is still written then).
Command hcl2UpgradeCommand();

} // namespace kiln::cli

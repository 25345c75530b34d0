#pragma once

#include "engine/registry/ConfigSchema.h"

namespace kiln::registry {

// Options Packer itself handles on every provisioner block (hcl2template's provisioner
// block and the legacy JSON "pause_before", "max_retries", ...), independent of the
// provisioner type. They are not part of any component's schema; the designer shows them
// alongside it.
ConfigSchema commonProvisionerFields();

// The same for post-processor blocks: name, only, except, keep_input_artifact.
ConfigSchema commonPostProcessorFields();

} // namespace kiln::registry

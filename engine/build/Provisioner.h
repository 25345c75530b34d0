#pragma once

#include "engine/build/Builder.h"

namespace kiln::comm {
class Communicator;
}

namespace kiln::build {

// Configures the machine through a communicator. Packer's packersdk.Provisioner.
//
// Threading: prepare() as Builder::prepare (no side effects; it is called again with the
// build's generated data right before provision()). provision() runs on the build's worker
// thread, blocks, and must honour ctx.cancel (which also fires on the provisioner's
// `timeout`). Returns an error message, empty on success.
class Provisioner : public registry::Component
{
public:
    virtual PrepareResult prepare(const ComponentConfig &config) = 0;
    virtual QString provision(BuildContext &ctx, comm::Communicator &comm) = 0;
};

} // namespace kiln::build

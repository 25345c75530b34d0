#pragma once

#include "engine/build/Builder.h"
#include "engine/communicator/SshConfig.h"

namespace kiln::components {

// Packer's null builder: creates nothing, connects to an existing machine (or to nothing
// with `communicator = "none"`) and runs the provisioners there. Useful to test
// provisioners and to configure machines that already exist.
class NullBuilder : public build::Builder
{
public:
    static constexpr const char *builderId = "fnoeding.null";

    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::ArtifactPtr run(build::BuildContext &ctx) override;

private:
    QString m_communicator;
    comm::SshConfig m_ssh;
    qint64 m_pauseBeforeConnectMs = 0;
};

} // namespace kiln::components

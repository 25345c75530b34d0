#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"
#include "engine/communicator/SshConfig.h"

#include <QString>

namespace kiln::components {

// The null builder's configuration (Packer's builder/null Config): the communicator to
// connect with and its SSH settings.
struct NullBuilderSettings
{
    QString communicator;
    comm::SshConfig ssh;
    qint64 pauseBeforeConnectMs = 0;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components

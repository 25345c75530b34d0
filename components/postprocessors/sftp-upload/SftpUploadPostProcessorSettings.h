#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"
#include "engine/communicator/SshConfig.h"

#include <QString>

namespace kiln::components {

// The sftp-upload post-processor's configuration: the SSH login (host, user, password or
// key, pinned host key), the known_hosts file, and where and how the files are written.
struct SftpUploadPostProcessorSettings
{
    comm::SshConfig ssh;
    QString remoteDir; // empty: the login directory
    QString knownHostsFile;
    bool resumable = true;
    int mode = 0644;
    qint64 timeoutMs = 30000;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components

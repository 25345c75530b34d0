#pragma once

#include "engine/build/CancelToken.h"
#include "engine/communicator/SshConfig.h"

#include <QString>
#include <functional>
#include <memory>

namespace kiln::comm {
class SshConnection;
}

namespace kiln::components {

// Logs in to the upload host once (no waiting for it to come up: it is not a machine being
// built) with the host key checked before authentication: against every key a known_hosts
// file lists for host:port (a host may be listed once per key type and the server shows
// only one), against a pinned key, or not at all — then the fingerprint is reported.
class SftpHostConnector
{
public:
    // The connection, or null with the reason in *error ("cancelled" when cancelled).
    // `say` reports an unchecked host key.
    static std::unique_ptr<comm::SshConnection> connect(comm::SshConfig config,
        const QString &knownHostsFile, qint64 timeoutMs, const build::CancelTokenPtr &cancel,
        const std::function<void(const QString &)> &say, QString *error);
};

} // namespace kiln::components

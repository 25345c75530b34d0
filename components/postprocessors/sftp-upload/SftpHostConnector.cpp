#include "components/postprocessors/sftp-upload/SftpHostConnector.h"

#include "components/postprocessors/sftp-upload/KnownHosts.h"
#include "engine/communicator/SshConnection.h"
#include "engine/communicator/SshConnector.h"

namespace kiln::components {

std::unique_ptr<comm::SshConnection> SftpHostConnector::connect(comm::SshConfig config,
    const QString &knownHostsFile, qint64 timeoutMs, const build::CancelTokenPtr &cancel,
    const std::function<void(const QString &)> &say, QString *error)
{
    for (QString problem : config.validate()) {
        *error = problem.replace(QLatin1String("ssh_"), QString());
        return nullptr;
    }
    QStringList candidates;
    if (!knownHostsFile.isEmpty()) {
        KnownHosts known;
        if (!known.load(knownHostsFile, error))
            return nullptr;
        candidates = known.keysFor(config.host, config.port);
        if (candidates.isEmpty()) {
            *error
                = QStringLiteral("%1 is not in known_hosts_file %2")
                      .arg(comm::SshConfig::joinHostPort(config.host, config.port), knownHostsFile);
            return nullptr;
        }
    } else {
        candidates << config.expectedHostKey; // empty: not checked
    }

    // A host may be listed with several key types; the server shows one, so each listed
    // key is tried in turn and only a mismatch moves on. The check precedes authentication.
    comm::SshDiagnosis diagnosis;
    QStringList mismatches;
    for (const QString &key : std::as_const(candidates)) {
        config.expectedHostKey = key;
        comm::SshConnector connector(config);
        auto connection = connector.connectOnce(cancel, QDeadlineTimer(timeoutMs), &diagnosis);
        if (connection) {
            if (key.isEmpty())
                say(QStringLiteral("Host key of %1 not checked (set known_hosts_file or "
                                   "host_key): %2")
                        .arg(comm::SshConfig::joinHostPort(config.host, config.port),
                            connection->session().hostKeyFingerprint()));
            return connection;
        }
        if (diagnosis.kind() != comm::SshDiagnosis::Kind::HostKey)
            break;
        mismatches << diagnosis.message();
    }
    if (diagnosis.kind() == comm::SshDiagnosis::Kind::Cancelled
        || (cancel && cancel->isCancelled()))
        *error = QStringLiteral("cancelled");
    else if (!mismatches.isEmpty() && diagnosis.kind() == comm::SshDiagnosis::Kind::HostKey)
        *error = knownHostsFile.isEmpty()
            ? mismatches.constFirst()
            : QStringLiteral("no key for %1 in %2 matches: %3")
                  .arg(comm::SshConfig::joinHostPort(config.host, config.port), knownHostsFile,
                      mismatches.join(QStringLiteral("; ")));
    else
        *error = QStringLiteral("cannot connect to %1: %2")
                     .arg(comm::SshConfig::joinHostPort(config.host, config.port),
                         diagnosis.message());
    return nullptr;
}

} // namespace kiln::components

#pragma once

#include "engine/build/CancelToken.h"
#include "engine/communicator/Communicator.h"

#include <QByteArray>
#include <QString>
#include <mutex>

namespace kiln::components {

// The build's communicator as the SSH proxy adapter uses it: one call at a time (the adapter
// serves several SSH sessions on their own threads, a Communicator serves one thread at a
// time), files moved between the machine and local files, and small commands whose output
// is parsed (stat, realpath).
class AdapterRemote
{
public:
    AdapterRemote(comm::Communicator &comm, build::CancelTokenPtr cancel)
        : m_comm(comm)
        , m_cancel(std::move(cancel))
    { }

    QString type() const { return m_comm.type(); }
    comm::CommandResult run(const comm::RemoteCommand &cmd);
    // Runs `command`, collecting its stdout. The exit status, -1 with *error when it did not run.
    int capture(const QString &command, QByteArray *out, QString *error);
    QString upload(const QString &remotePath, const QString &localFile, int mode);
    QString uploadDir(const QString &remoteDir, const QString &localDir);
    QString download(const QString &remotePath, const QString &localFile);

    // `text` as one word for the remote POSIX shell.
    static QString quote(const QString &text);

private:
    std::mutex m_mutex;
    comm::Communicator &m_comm;
    build::CancelTokenPtr m_cancel;
};

} // namespace kiln::components

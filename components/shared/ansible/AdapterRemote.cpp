#include "components/shared/ansible/AdapterRemote.h"

#include <QFile>

namespace kiln::components {

comm::CommandResult AdapterRemote::run(const comm::RemoteCommand &cmd)
{
    std::lock_guard lock(m_mutex);
    return m_comm.run(cmd, m_cancel);
}

int AdapterRemote::capture(const QString &command, QByteArray *out, QString *error)
{
    comm::RemoteCommand cmd;
    cmd.command = command;
    cmd.onStdout = [out](const QByteArray &chunk) { *out += chunk; };
    cmd.onStderr = [](const QByteArray &) {};
    const comm::CommandResult result = run(cmd);
    if (!result.ok()) {
        *error = result.error.isEmpty() ? QStringLiteral("remote end disconnected") : result.error;
        return -1;
    }
    return result.exitStatus;
}

QString AdapterRemote::upload(const QString &remotePath, const QString &localFile, int mode)
{
    QFile f(localFile);
    if (!f.open(QIODevice::ReadOnly))
        return f.errorString();
    std::lock_guard lock(m_mutex);
    return m_comm.upload(remotePath, f, f.size(), mode, {}, m_cancel);
}

QString AdapterRemote::uploadDir(const QString &remoteDir, const QString &localDir)
{
    std::lock_guard lock(m_mutex);
    return m_comm.uploadDir(remoteDir, localDir, {}, {}, m_cancel);
}

QString AdapterRemote::download(const QString &remotePath, const QString &localFile)
{
    QFile f(localFile);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return f.errorString();
    std::lock_guard lock(m_mutex);
    return m_comm.download(remotePath, f, {}, m_cancel);
}

QString AdapterRemote::quote(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

} // namespace kiln::components

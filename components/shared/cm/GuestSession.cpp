#include "components/shared/cm/GuestSession.h"

#include "components/shared/ShellRunner.h"
#include "engine/build/BuildContext.h"
#include "engine/communicator/Communicator.h"

#include <QBuffer>
#include <QFile>

namespace kiln::components {

GuestSession::GuestSession(
    build::BuildContext &ctx, comm::Communicator &comm, GuestCommands commands)
    : m_ctx(ctx)
    , m_comm(comm)
    , m_commands(std::move(commands))
{ }

QString GuestSession::run(const QString &command, int *exitStatus)
{
    const comm::CommandResult r = ShellRunner::runWithUi(m_comm, command, m_ctx.ui, m_ctx.cancel);
    if (!r.error.isEmpty())
        return r.error;
    *exitStatus = r.disconnected || r.exitStatus < 0 ? disconnectedStatus : r.exitStatus;
    return {};
}

QString GuestSession::runChecked(const QString &command, const QString &nonZero)
{
    int status = 0;
    const QString error = run(command, &status);
    if (!error.isEmpty())
        return error;
    if (status != 0)
        return nonZero.contains(QLatin1String("%1")) ? nonZero.arg(status) : nonZero;
    return {};
}

QString GuestSession::createDir(const QString &dir, bool openUp, const QString &mkdirFailure)
{
    m_ctx.ui.message(QStringLiteral("Creating directory: %1").arg(dir));
    QString error = runChecked(m_commands.createDir(dir), mkdirFailure);
    if (!error.isEmpty() || !openUp)
        return error;
    return runChecked(m_commands.chmod(dir, QStringLiteral("0777")), nonZeroExitSeeOutput());
}

QString GuestSession::removeDir(const QString &dir)
{
    return runChecked(m_commands.removeDir(dir), nonZeroExit());
}

QString GuestSession::uploadDirectory(
    const QString &dst, const QString &localDir, const QString &mkdirFailure)
{
    const QString error = createDir(dst, true, mkdirFailure);
    if (!error.isEmpty())
        return error;
    const QString source
        = localDir.endsWith(QLatin1Char('/')) ? localDir : localDir + QLatin1Char('/');
    return m_comm.uploadDir(dst, source, {}, {}, m_ctx.cancel);
}

QString GuestSession::uploadFile(const QString &remotePath, const QString &localPath)
{
    QFile file(localPath);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("open %1: %2").arg(localPath, file.errorString());
    return m_comm.upload(remotePath, file, file.size(), 0644, {}, m_ctx.cancel);
}

QString GuestSession::uploadBytes(const QString &remotePath, const QByteArray &content)
{
    QByteArray copy = content;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return m_comm.upload(remotePath, buffer, copy.size(), 0644, {}, m_ctx.cancel);
}

} // namespace kiln::components

#pragma once

#include "components/shared/cm/GuestCommands.h"

#include <QByteArray>
#include <QString>

namespace kiln::build {
class BuildContext;
}
namespace kiln::comm {
class Communicator;
}

namespace kiln::components {

// One provisioner's conversation with the guest: commands run with their output in the
// build's console (Packer's RemoteCmd.RunWithUi) and the staging uploads the Puppet, Salt and
// Chef provisioners share. Error texts are Packer's; callers wrap them in their own context
// ("Error creating staging directory: ...") exactly as the plugins do.
//
// Threading: used on the build's worker thread inside provision(); every call blocks and
// honours ctx.cancel through the communicator.
class GuestSession
{
public:
    // Packer's packersdk.CmdDisconnect: the status of a command whose connection went away.
    static constexpr int disconnectedStatus = 2300218;

    GuestSession(build::BuildContext &ctx, comm::Communicator &comm, GuestCommands commands);

    const GuestCommands &commands() const { return m_commands; }

    // Runs `command`, streaming stdout as messages and stderr as errors. Returns the error
    // when it could not be run at all (a non-zero exit is not an error: see *exitStatus).
    QString run(const QString &command, int *exitStatus);
    // Runs `command`; a non-zero exit becomes `nonZero` (which may use %1 for the status).
    QString runChecked(const QString &command, const QString &nonZero);

    // "Creating directory: DIR", mkdir -p, then (when `openUp`) chmod 0777 so the login user
    // can write into a directory sudo created. `mkdirFailure` is the plugin's text for a
    // failed mkdir (their wordings differ).
    QString createDir(const QString &dir, bool openUp, const QString &mkdirFailure);
    QString removeDir(const QString &dir);
    // createDir(dst) then the contents of `localDir` into it (a trailing "/" is added so the
    // directory itself is not nested, as the plugins do).
    QString uploadDirectory(
        const QString &dst, const QString &localDir, const QString &mkdirFailure);
    QString uploadFile(const QString &remotePath, const QString &localPath);
    QString uploadBytes(const QString &remotePath, const QByteArray &content);

    static QString nonZeroExit() { return QStringLiteral("Non-zero exit status."); }
    static QString nonZeroExitSeeOutput()
    {
        return QStringLiteral("Non-zero exit status. See output above for more info.");
    }

private:
    build::BuildContext &m_ctx;
    comm::Communicator &m_comm;
    GuestCommands m_commands;
};

} // namespace kiln::components

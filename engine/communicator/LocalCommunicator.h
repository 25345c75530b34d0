#pragma once

#include "engine/communicator/Communicator.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace kiln::comm {

// The machine running Kiln as a communicator: commands run with `/bin/sh -c` in a new
// process group (see ProcessGroup), transfers are local file copies. Used by shell-local,
// by builders whose "machine" is the host, and by tests that need real execution.
//
// Paths on the "remote" side are local paths. Transfers stream in 64 KiB chunks, report
// progress after each, stop between chunks when cancelled, and keep file modes (uploadDir,
// downloadDir) or apply the given one (upload).
//
// Threading: as Communicator. The setters configure later calls and are not synchronised
// with a call in progress.
class LocalCommunicator : public Communicator
{
public:
    LocalCommunicator() = default;

    QString type() const override { return QStringLiteral("local"); }

    // Environment changes for every command: set (or replace) and remove variables of the
    // inherited environment.
    void setEnv(const QString &name, const QString &value);
    void unsetEnv(const QString &name);
    void clearEnvOverrides();
    QMap<QString, QString> envOverrides() const { return m_setEnv; }
    // Where commands start; empty (the default) is Kiln's own working directory.
    void setWorkingDirectory(const QString &dir) { m_workingDirectory = dir; }
    QString workingDirectory() const { return m_workingDirectory; }
    // The shell that runs RemoteCommand::command (`<shell> -c <command>`); /bin/sh by default.
    void setShell(const QString &shell) { m_shell = shell; }
    // How long a cancelled command's group gets between SIGTERM and SIGKILL (default 5 s).
    void setKillGracePeriodMs(int ms) { m_killGraceMs = ms; }

    CommandResult run(const RemoteCommand &cmd, const build::CancelTokenPtr &cancel) override;
    // Runs `argv` without a shell, otherwise as run() (shell-local's execute_command is an
    // argument vector). `cmd.command` is ignored.
    CommandResult runArgv(
        const QStringList &argv, const RemoteCommand &cmd, const build::CancelTokenPtr &cancel);

    QString upload(const QString &path, QIODevice &source, qint64 size, int mode,
        const ProgressFn &progress, const build::CancelTokenPtr &cancel) override;
    QString uploadDir(const QString &remoteDir, const QString &localDir, const QStringList &exclude,
        const ProgressFn &progress, const build::CancelTokenPtr &cancel) override;
    QString download(const QString &path, QIODevice &target, const ProgressFn &progress,
        const build::CancelTokenPtr &cancel) override;
    QString downloadDir(const QString &remoteDir, const QString &localDir,
        const QStringList &exclude, const ProgressFn &progress,
        const build::CancelTokenPtr &cancel) override;

    // The rsync rule both directory transfers follow: "src/" copies the contents of src
    // into `destination`, "src" copies src itself to `destination`/src. Returns an error
    // message, empty on success.
    static QString copyTree(const QString &source, const QString &destination,
        const QStringList &exclude, const ProgressFn &progress,
        const build::CancelTokenPtr &cancel);
    // Streams `source` into `target` in chunks; `size` -1 reads to the end.
    static QString copyStream(QIODevice &source, QIODevice &target, qint64 size,
        const ProgressFn &progress, const build::CancelTokenPtr &cancel);

private:
    QMap<QString, QString> m_setEnv;
    QStringList m_unsetEnv;
    QString m_workingDirectory;
    QString m_shell = QStringLiteral("/bin/sh");
    int m_killGraceMs = 5000;
};

} // namespace kiln::comm

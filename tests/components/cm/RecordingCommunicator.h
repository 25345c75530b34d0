#pragma once

// A communicator for a machine the tests cannot reach (a Windows guest): it records every
// command and transfer in order, keeps uploaded files' contents, and answers each command
// with exit status 0 unless a rule names another one. What the CM provisioners would do on
// such a guest becomes a transcript the tests compare with Packer's sequence.

#include "engine/communicator/Communicator.h"

#include <QIODevice>
#include <QMap>
#include <QStringList>

namespace kiln::test {

class RecordingCommunicator : public comm::Communicator
{
public:
    QString type() const override { return QStringLiteral("winrm"); }

    // Commands containing `fragment` exit with `status` (first matching rule wins).
    void exitWith(const QString &fragment, int status) { m_rules.append({fragment, status}); }

    comm::CommandResult run(const comm::RemoteCommand &cmd, const build::CancelTokenPtr &) override
    {
        log << QStringLiteral("run: ") + cmd.command;
        comm::CommandResult result;
        result.exitStatus = 0;
        for (const auto &rule : std::as_const(m_rules)) {
            if (cmd.command.contains(rule.first)) {
                result.exitStatus = rule.second;
                break;
            }
        }
        return result;
    }

    QString upload(const QString &path, QIODevice &source, qint64 size, int,
        const comm::ProgressFn &, const build::CancelTokenPtr &) override
    {
        files.insert(path, size < 0 ? source.readAll() : source.read(size));
        log << QStringLiteral("upload: ") + path;
        return {};
    }

    QString uploadDir(const QString &remoteDir, const QString &localDir, const QStringList &,
        const comm::ProgressFn &, const build::CancelTokenPtr &) override
    {
        log << QStringLiteral("uploadDir: %1 <- %2").arg(remoteDir, localDir);
        return {};
    }

    QString download(const QString &path, QIODevice &, const comm::ProgressFn &,
        const build::CancelTokenPtr &) override
    {
        log << QStringLiteral("download: ") + path;
        return QStringLiteral("no downloads from a recorded machine");
    }

    QString downloadDir(const QString &remoteDir, const QString &, const QStringList &,
        const comm::ProgressFn &, const build::CancelTokenPtr &) override
    {
        log << QStringLiteral("downloadDir: ") + remoteDir;
        return QStringLiteral("no downloads from a recorded machine");
    }

    QStringList log;
    QMap<QString, QByteArray> files;

private:
    QList<QPair<QString, int>> m_rules;
};

} // namespace kiln::test

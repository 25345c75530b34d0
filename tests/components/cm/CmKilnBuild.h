#pragma once

// What the configuration-management tests share: `kiln build` of an HCL template against the
// test sshd (tests/support/SshServer) through a null source, and reading files back.

#include "support/SshServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QString>

namespace kiln::test {

struct KilnRun
{
    int exitCode = -1;
    QString out;
};

// A null source logging in to `sshd` as `user` with the fixture's client key, moving files
// with `transfer` ("scp" or "sftp").
inline QString nullSshSource(const SshServer &sshd, const QString &user, const QString &transfer)
{
    return QStringLiteral("source \"null\" \"box\" {\n"
                          "  ssh_host                 = \"%1\"\n"
                          "  ssh_port                 = %2\n"
                          "  ssh_username             = \"%3\"\n"
                          "  ssh_private_key_file     = \"%4\"\n"
                          "  ssh_file_transfer_method = \"%5\"\n"
                          "  ssh_timeout              = \"20s\"\n"
                          "}\n\n")
        .arg(sshd.host())
        .arg(sshd.port())
        .arg(user, sshd.clientKeyPath(), transfer);
}

// Writes `hcl` to DIR/`name` and runs `kiln build -color=false` there.
inline KilnRun kilnBuild(const QString &dir, const QString &hcl, const QStringList &flags = {},
    int timeoutMs = 120000, const QString &name = QStringLiteral("t.pkr.hcl"))
{
    KilnRun r;
    QFile f(dir + QLatin1Char('/') + name);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return r;
    f.write(hcl.toUtf8());
    f.close();
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(KILN_BINARY),
        QStringList{QStringLiteral("build"), QStringLiteral("-color=false")} + flags
            + QStringList{name});
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.out = QStringLiteral("TIMEOUT\n");
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out += QString::fromUtf8(p.readAll())
                 .remove(QRegularExpression(QStringLiteral("\x1b\\[[0-9;]*m")));
    return r;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

inline bool writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        return false;
    f.close();
    if (executable)
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
            | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    return true;
}

// Lets root log in with the fixture's client key (sshd reads DIR/authorized_keys/%u):
// Puppet must create a user, and this machine has no sudo.
inline bool authorizeRoot(const SshServer &sshd)
{
    const QString target = sshd.dir() + QStringLiteral("/authorized_keys/root");
    QFile::remove(target);
    return QFile::copy(sshd.clientKeyPath() + QStringLiteral(".pub"), target);
}

} // namespace kiln::test

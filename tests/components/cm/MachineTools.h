#pragma once

// Programs the test puts on the test machine's PATH (the sshd's sessions get it through
// SetEnv) where Salt and Chef cannot be installed: `salt-call`, `chef-solo`, `curl` and
// `sudo` record how they were called ("name|user|args" lines) so the test reads the exact
// command lines Kiln made the machine run. salt-call and chef-solo exit with the code in
// BIN/<name>.exit (0 without it; failing, they say so on stderr); curl hands out an
// installer that echoes its arguments; sudo runs its command.

#include "CmKilnBuild.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <sys/stat.h>

namespace kiln::test {

class MachineTools
{
public:
    MachineTools()
    {
        ::chmod(QFile::encodeName(m_dir.path()).constData(), 01777);
        tool(QStringLiteral("salt-call"), exitFromFile(QStringLiteral("salt-call")));
        tool(QStringLiteral("chef-solo"), exitFromFile(QStringLiteral("chef-solo")));
        tool(QStringLiteral("sudo"), QStringLiteral("exec \"$@\"\n"));
        tool(QStringLiteral("curl"),
            QStringLiteral(
                "out=\nwhile [ $# -gt 0 ]; do [ \"$1\" = -o ] && { out=$2; shift; }; shift; done\n"
                "script='echo \"installer ran with: $*\"'\n"
                "if [ -n \"$out\" ]; then printf '%s\\n' \"$script\" > \"$out\"; "
                "else printf '%s\\n' \"$script\"; fi\n"));
        clearCalls();
    }

    QString bin() const { return m_dir.path(); }
    // The sshd_config line that puts the tools first on the sessions' PATH.
    QString sshdSetEnv() const
    {
        return QStringLiteral(
            "SetEnv PATH=%1:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
            .arg(bin());
    }
    QStringList calls() const
    {
        const QString log = QString::fromUtf8(readFile(logPath()));
        return log == QLatin1String("<missing>") ? QStringList()
                                                 : log.split('\n', Qt::SkipEmptyParts);
    }
    // Empties the log; it is writable by every user the tests log in as.
    void clearCalls() const
    {
        writeFile(logPath(), {});
        ::chmod(QFile::encodeName(logPath()).constData(), 0666);
    }
    void setExitCode(const QString &tool, int code) const
    {
        if (code == 0)
            QFile::remove(bin() + '/' + tool + QStringLiteral(".exit"));
        else
            writeFile(bin() + '/' + tool + QStringLiteral(".exit"), QByteArray::number(code));
    }

private:
    QString logPath() const { return bin() + QStringLiteral("/calls.log"); }

    QString exitFromFile(const QString &name) const
    {
        // A failing tool says why on stderr, as the real one would, so the tests can check
        // that the tool's own words reach the console.
        return QStringLiteral("if [ -f %1/%2.exit ]; then code=$(cat %1/%2.exit)\n"
                              "  echo \"%2: simulated failure, exit $code\" >&2; exit $code\n"
                              "fi\nexit 0\n")
            .arg(bin(), name);
    }

    void tool(const QString &name, const QString &body) const
    {
        const QString script
            = QStringLiteral("#!/bin/sh\n"
                             "printf '%s|%s|%s\\n' %1 \"$(id -un)\" \"$*\" >> %2\n")
                  .arg(name, logPath())
            + body;
        writeFile(bin() + '/' + name, script.toUtf8(), true);
    }

    QTemporaryDir m_dir;
};

} // namespace kiln::test

#pragma once

// The designer's top-level window on an X display, driven with xdotool as a
// user would: found by its title, read, and closed with Ctrl+Q (File > Quit).

#include "PackagingProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <functional>

namespace kiln::packagingtest {

class DesignerWindow
{
public:
    explicit DesignerWindow(const QString &display)
        : m_env(QProcessEnvironment::systemEnvironment())
    {
        m_env.insert(QStringLiteral("DISPLAY"), display);
    }

    // Waits for a visible window titled "... Kiln" while keepWaiting() holds.
    bool waitForWindow(int timeoutMs, const std::function<bool()> &keepWaiting)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs && keepWaiting()) {
            const ProcessResult found
                = xdotool({QStringLiteral("search"), QStringLiteral("--onlyvisible"),
                    QStringLiteral("--name"), QStringLiteral("Kiln$")});
            m_window = found.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).value(0);
            if (!m_window.isEmpty())
                return true;
            QTest::qWait(250);
        }
        return false;
    }

    QString title() const
    {
        return xdotool({QStringLiteral("getwindowname"), m_window}).out.trimmed();
    }

    // The process that owns the window (_NET_WM_PID, which Qt sets).
    qint64 pid() const
    {
        return xdotool({QStringLiteral("getwindowpid"), m_window}).out.trimmed().toLongLong();
    }

    bool quitWithCtrlQ() const
    {
        return xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), m_window}).exitCode
            == 0
            && xdotool({QStringLiteral("key"), QStringLiteral("--clearmodifiers"),
                           QStringLiteral("ctrl+q")})
                   .exitCode
            == 0;
    }

    // For a process that is not our child: gone, or a zombie waiting for its reaper.
    static bool waitForExit(qint64 pid, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                return true;
            const QByteArray fields = stat.readAll();
            const qsizetype paren = fields.lastIndexOf(')');
            if (paren >= 0 && fields.mid(paren + 2, 1) == "Z")
                return true;
            QTest::qWait(200);
        }
        return false;
    }

private:
    ProcessResult xdotool(const QStringList &args) const
    {
        return runProcess(QStringLiteral("xdotool"), args, {}, m_env, 20000);
    }

    QProcessEnvironment m_env;
    QString m_window;
};

} // namespace kiln::packagingtest

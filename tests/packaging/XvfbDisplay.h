#pragma once

// A private X server (Xvfb) for launching the installed designer: the server
// picks a free display number and reports it (-displayfd), so tests running at
// the same time never collide; it is stopped when this object goes away.

#include <QProcess>
#include <QString>

namespace kiln::packagingtest {

class XvfbDisplay
{
public:
    XvfbDisplay() = default;
    XvfbDisplay(const XvfbDisplay &) = delete;
    XvfbDisplay &operator=(const XvfbDisplay &) = delete;
    ~XvfbDisplay()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.terminate();
            if (!m_server.waitForFinished(5000)) {
                m_server.kill();
                m_server.waitForFinished(5000);
            }
        }
    }

    // Starts the server; returns false with the reason in *error.
    bool start(QString *error)
    {
        m_server.setProcessChannelMode(QProcess::SeparateChannels);
        m_server.start(QStringLiteral("Xvfb"),
            {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                QStringLiteral("0"), QStringLiteral("1600x1000x24"), QStringLiteral("-nolisten"),
                QStringLiteral("tcp")});
        if (!m_server.waitForStarted(10000)) {
            *error = m_server.errorString();
            return false;
        }
        QByteArray number;
        while (!number.contains('\n')) {
            if (!m_server.waitForReadyRead(20000)) {
                *error = QStringLiteral("Xvfb reported no display: ")
                    + QString::fromLocal8Bit(m_server.readAllStandardError());
                return false;
            }
            number += m_server.readAllStandardOutput();
        }
        m_display = QLatin1Char(':') + QString::fromLatin1(number.trimmed());
        return true;
    }

    QString display() const { return m_display; }

private:
    QProcess m_server;
    QString m_display;
};

} // namespace kiln::packagingtest

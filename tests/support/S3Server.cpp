#include "support/S3Server.h"

#include "support/LoopbackPorts.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <csignal>

namespace kiln::test {

namespace {

QString s3rverScript()
{
    return QStringLiteral(KILN_SOURCE_DIR "/tests/tools/node_modules/s3rver/bin/s3rver.js");
}

} // namespace

S3Server::S3Server()
    : m_dir(
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/kiln-s3rver-XXXXXX")))
{ }

S3Server::~S3Server()
{
    stop();
}

QString S3Server::unavailableReason()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        return QStringLiteral("node is not installed");
    if (!QFileInfo::exists(s3rverScript()))
        return QStringLiteral("s3rver is not installed in tests/tools (npm ci there)");
    return {};
}

bool S3Server::start(QString *error)
{
    stop();
    m_port = freeLoopbackPort();
    QDir().mkpath(dataDir());
    QStringList args{s3rverScript(), QStringLiteral("-d"), dataDir(), QStringLiteral("-a"),
        QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port)};
    for (const QString &bucket : std::as_const(m_buckets))
        args << QStringLiteral("--configure-bucket") << bucket;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir->filePath(QStringLiteral("s3rver.log")));
    // Without colours its logger cuts the method off each line (it slices a fixed width
    // meant for coloured text).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FORCE_COLOR"), QStringLiteral("1"));
    m_process->setProcessEnvironment(env);
    m_process->start(QStringLiteral("node"), args);
    if (!m_process->waitForStarted(5000)) {
        if (error)
            *error = QStringLiteral("node did not start: %1").arg(m_process->errorString());
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000) {
        if (m_process->state() == QProcess::NotRunning)
            break;
        if (portAccepts(m_port))
            return true;
        QThread::msleep(50);
    }
    if (error)
        *error = QStringLiteral("s3rver did not come up: %1")
                     .arg(QString::fromUtf8(log().right(2000)));
    stop();
    return false;
}

void S3Server::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process->processId()), SIGTERM);
        if (!m_process->waitForFinished(5000)) {
            ::kill(pid_t(m_process->processId()), SIGKILL);
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

bool S3Server::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QByteArray S3Server::log() const
{
    QFile file(m_dir->filePath(QStringLiteral("s3rver.log")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList S3Server::requests() const
{
    // One "info: METHOD /path?query STATUS TIME SIZE" line per answered request.
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;]*m"));
    static const QRegularExpression line(QStringLiteral("^info: ([A-Z]+) (\\S+) (\\d{3}) "));
    QStringList out;
    QString text = QString::fromUtf8(log());
    text.remove(ansi);
    for (const QString &l : text.split(QLatin1Char('\n'))) {
        const auto m = line.match(l);
        if (m.hasMatch())
            out << QStringLiteral("%1 %2 %3").arg(m.captured(1), m.captured(2), m.captured(3));
    }
    return out;
}

bool S3Server::waitForRequest(const QString &request, int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    while (!requests().contains(request)) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QThread::msleep(20);
    }
    return true;
}

QStringList S3Server::pendingUploads(const QString &bucket) const
{
    // s3rver's filesystem store keeps each upload in <data>/<bucket>/._S3rver_uploads/<id>/.
    return QDir(dataDir() + QLatin1Char('/') + bucket + QStringLiteral("/._S3rver_uploads"))
        .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
}

} // namespace kiln::test

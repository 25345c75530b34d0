#include "components/shared/qemu/QmpClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace kiln::components {

namespace {
constexpr qint64 replyTimeoutMs = 30000;
}

QmpClient::~QmpClient()
{
    close();
}

void QmpClient::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_buffer.clear();
}

QString QmpClient::connectTo(const QString &socketPath, qint64 timeoutMs, const build::CancelTokenPtr &cancel)
{
    close();
    sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    const QByteArray path = socketPath.toLocal8Bit();
    if (size_t(path.size()) >= sizeof(addr.sun_path))
        return QStringLiteral("QMP socket path too long: %1").arg(socketPath);
    std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
    QElapsedTimer timer;
    timer.start();
    QString lastError;
    while (true) {
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd >= 0 && ::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0)
            break;
        lastError = QString::fromLocal8Bit(std::strerror(errno));
        close();
        if (timer.elapsed() > timeoutMs)
            return QStringLiteral("dial unix %1: connect: %2").arg(socketPath, lastError);
        if (cancel && !cancel->sleepFor(100))
            return QStringLiteral("cancelled");
    }
    QJsonObject greeting;
    QString error = readMessage(&greeting, replyTimeoutMs);
    if (error.isEmpty() && !greeting.contains(QLatin1String("QMP")))
        error = QStringLiteral("unexpected QMP greeting");
    if (error.isEmpty())
        error = execute(QStringLiteral("qmp_capabilities"));
    if (!error.isEmpty())
        close();
    return error;
}

QString QmpClient::readMessage(QJsonObject *message, qint64 timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (true) {
        const qsizetype nl = m_buffer.indexOf('\n');
        if (nl >= 0) {
            const QByteArray line = m_buffer.left(nl);
            m_buffer.remove(0, nl + 1);
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
            if (!doc.isObject())
                return QStringLiteral("invalid QMP message: %1").arg(pe.errorString());
            *message = doc.object();
            return {};
        }
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0)
            return QStringLiteral("timeout waiting for QMP");
        pollfd p {m_fd, POLLIN, 0};
        const int rc = ::poll(&p, 1, int(qMin<qint64>(left, 1000)));
        if (rc < 0 && errno != EINTR)
            return QString::fromLocal8Bit(std::strerror(errno));
        if (rc <= 0)
            continue;
        char buf[4096];
        const ssize_t n = ::read(m_fd, buf, sizeof(buf));
        if (n == 0)
            return QStringLiteral("QMP connection closed");
        if (n < 0 && errno != EINTR && errno != EAGAIN)
            return QString::fromLocal8Bit(std::strerror(errno));
        if (n > 0)
            m_buffer.append(buf, n);
    }
}

QString QmpClient::execute(const QString &command, const QJsonObject &arguments, QJsonObject *reply)
{
    if (m_fd < 0)
        return QStringLiteral("QMP not connected");
    QJsonObject request{{QStringLiteral("execute"), command}};
    if (!arguments.isEmpty())
        request.insert(QStringLiteral("arguments"), arguments);
    const QByteArray data = QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n';
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::send(m_fd, data.constData() + written, size_t(data.size() - written), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return QString::fromLocal8Bit(std::strerror(errno));
        written += n;
    }
    while (true) {
        QJsonObject message;
        const QString error = readMessage(&message, replyTimeoutMs);
        if (!error.isEmpty())
            return error;
        if (message.contains(QLatin1String("event")))
            continue; // asynchronous; not our answer
        if (message.contains(QLatin1String("error")))
            return message.value(QLatin1String("error")).toObject().value(QLatin1String("desc")).toString();
        if (reply)
            *reply = message.value(QLatin1String("return")).toObject();
        return {};
    }
}

} // namespace kiln::components

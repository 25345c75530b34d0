#include "components/shared/qemu/StaticHttpServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QUrl>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kiln::components {

namespace {

void sendAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.constData() + done, size_t(data.size() - done), MSG_NOSIGNAL);
        if (n <= 0)
            return;
        done += n;
    }
}

} // namespace

StaticHttpServer::~StaticHttpServer()
{
    stop();
}

QString StaticHttpServer::start(const QString &address, int minPort, int maxPort, const QString &directory,
                                const QMap<QString, QString> &content)
{
    m_directory = directory;
    m_content = content;
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    const QString host = address.isEmpty() ? QStringLiteral("0.0.0.0") : address;
    if (::inet_pton(AF_INET, host.toLatin1().constData(), &addr.sin_addr) != 1)
        return QStringLiteral("invalid http_bind_address %1").arg(host);
    const int span = maxPort - minPort + 1;
    const int first = span > 0 ? int(QRandomGenerator::global()->bounded(span)) : 0;
    for (int i = 0; i < span && m_port == 0; ++i) {
        const int port = minPort + (first + i) % span;
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        addr.sin_port = htons(quint16(port));
        if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0 && ::listen(fd, 16) == 0) {
            m_listenFd = fd;
            m_port = port;
        } else {
            ::close(fd);
        }
    }
    if (m_port == 0)
        return QStringLiteral("Cannot find an available port between %1 and %2").arg(minPort).arg(maxPort);
    if (::pipe2(m_wakePipe, O_CLOEXEC) != 0)
        return QStringLiteral("pipe failed");
    m_thread = std::thread([this] { serve(); });
    return {};
}

void StaticHttpServer::stop()
{
    if (m_thread.joinable()) {
        const char c = 'x';
        [[maybe_unused]] const ssize_t n = ::write(m_wakePipe[1], &c, 1);
        m_thread.join();
    }
    for (int *fd : {&m_listenFd, &m_wakePipe[0], &m_wakePipe[1]}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

QStringList StaticHttpServer::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

void StaticHttpServer::serve()
{
    while (true) {
        pollfd fds[2] = {{m_listenFd, POLLIN, 0}, {m_wakePipe[0], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0)
            continue;
        if (fds[1].revents)
            return;
        const int client = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            continue;
        answer(client);
        ::close(client);
    }
}

void StaticHttpServer::answer(int client)
{
    QByteArray request;
    while (!request.contains("\r\n\r\n") && request.size() < 65536) {
        pollfd p {client, POLLIN, 0};
        if (::poll(&p, 1, 5000) <= 0)
            return;
        char buf[4096];
        const ssize_t n = ::recv(client, buf, sizeof(buf), 0);
        if (n <= 0)
            return;
        request.append(buf, n);
    }
    const QList<QByteArray> first = request.left(request.indexOf("\r\n")).split(' ');
    if (first.size() < 2)
        return;
    const QByteArray method = first.at(0);
    const QString path = QUrl::fromPercentEncoding(first.at(1).split('?').first());
    {
        std::lock_guard lock(m_mutex);
        m_requests << path;
    }
    QByteArray body;
    int status = 200;
    if (method != "GET" && method != "HEAD") {
        status = 405;
    } else if (m_content.contains(path)) {
        body = m_content.value(path).toUtf8();
    } else {
        const QString clean = QDir::cleanPath(QStringLiteral("/") + path);
        QFile f(m_directory.isEmpty() ? QString() : QDir(m_directory).filePath(clean.mid(1)));
        if (!m_directory.isEmpty() && QFileInfo(f.fileName()).isFile() && f.open(QIODevice::ReadOnly))
            body = f.readAll();
        else
            status = 404;
    }
    if (status != 200)
        body = status == 404 ? QByteArray("404 page not found\n") : QByteArray("Method Not Allowed\n");
    const QByteArray reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Method Not Allowed";
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
    sendAll(client, method == "HEAD" ? head : head + body);
}

} // namespace kiln::components

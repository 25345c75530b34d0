#pragma once

// A one-shot HTTP listener on 127.0.0.1 for tests that need to see exactly what a client
// sent: accepts one connection, reads one request (headers and a Content-Length body),
// answers 200 with an empty body and keeps the raw request. Header-only: the test support
// library is not the place for one test folder's helper.

#include <QByteArray>
#include <QList>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace kiln::test {

class CapturingListener
{
public:
    CapturingListener()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        ::listen(m_fd, 1);
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { serveOne(); });
    }
    ~CapturingListener()
    {
        ::shutdown(m_fd, SHUT_RDWR);
        if (m_thread.joinable())
            m_thread.join();
        ::close(m_fd);
    }

    int port() const { return m_port; }
    // Waits for the request to have been read (up to 5 s) and returns it raw.
    QByteArray request()
    {
        if (m_thread.joinable())
            m_thread.join();
        return m_request;
    }
    // Every value of header `name` (case-insensitive) in the captured request.
    QList<QByteArray> headerValues(const QByteArray &name)
    {
        QList<QByteArray> out;
        const QByteArray raw = request();
        const QList<QByteArray> lines = raw.left(raw.indexOf("\r\n\r\n")).split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                out << line.mid(colon + 1).trimmed();
        }
        return out;
    }

private:
    void serveOne()
    {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, 5000) <= 0)
            return;
        const int c = ::accept(m_fd, nullptr, nullptr);
        if (c < 0)
            return;
        QByteArray data;
        char buf[4096];
        qsizetype need = -1;
        while (need < 0 || data.size() < need) {
            pollfd cp{c, POLLIN, 0};
            if (::poll(&cp, 1, 5000) <= 0)
                break;
            const ssize_t n = ::read(c, buf, sizeof buf);
            if (n <= 0)
                break;
            data.append(buf, n);
            const qsizetype end = data.indexOf("\r\n\r\n");
            if (need < 0 && end >= 0) {
                qsizetype length = 0;
                for (const QByteArray &line : data.left(end).split('\n'))
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                need = end + 4 + length;
            }
        }
        m_request = data;
        const char reply[] = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        (void)!::write(c, reply, sizeof reply - 1);
        ::close(c);
    }

    int m_fd = -1;
    int m_port = 0;
    std::thread m_thread;
    QByteArray m_request;
};

} // namespace kiln::test

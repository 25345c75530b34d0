#pragma once

// An HTTP server on 127.0.0.1 that answers each request with the next response of a
// script (status line, headers, body), whatever was asked, and records the requests: for
// the S3 client's retry and error paths, which a healthy s3rver never takes. Keep-alive
// connections are served until the script runs out. Header-only, like CapturingListener.

#include <QByteArray>
#include <QList>
#include <arpa/inet.h>
#include <atomic>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace kiln::test {

class ScriptedHttpServer
{
public:
    explicit ScriptedHttpServer(QList<QByteArray> responses)
        : m_responses(std::move(responses))
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        ::listen(m_fd, 4);
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~ScriptedHttpServer()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        ::close(m_fd);
    }

    // "HTTP/1.1 <status>" with the body and, for an XML error, its content type.
    static QByteArray response(
        int status, const QByteArray &body = {}, const QByteArray &extraHeaders = {})
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
    }

    int port() const { return m_port; }
    QList<QByteArray> requests() const
    {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }

private:
    // Reads one request (headers and a Content-Length body); empty when the peer closed.
    QByteArray readRequest(int c)
    {
        QByteArray data;
        char buf[65536];
        qsizetype need = -1;
        while (need < 0 || data.size() < need) {
            pollfd p{c, POLLIN, 0};
            if (::poll(&p, 1, 200) <= 0) {
                if (m_stop)
                    return {};
                continue;
            }
            const ssize_t n = ::read(c, buf, sizeof buf);
            if (n <= 0)
                return {};
            data.append(buf, n);
            const qsizetype end = data.indexOf("\r\n\r\n");
            if (need < 0 && end >= 0) {
                qsizetype length = 0;
                for (const QByteArray &line : data.left(end).split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                    if (line.toLower().startsWith("expect: 100-continue"))
                        (void)!::write(c, "HTTP/1.1 100 Continue\r\n\r\n", 25);
                }
                need = end + 4 + length;
            }
        }
        return data;
    }

    void serve()
    {
        while (!m_stop && m_next < m_responses.size()) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 200) <= 0)
                continue;
            const int c = ::accept(m_fd, nullptr, nullptr);
            if (c < 0)
                continue;
            while (!m_stop && m_next < m_responses.size()) {
                const QByteArray request = readRequest(c);
                if (request.isEmpty())
                    break;
                {
                    std::lock_guard lock(m_mutex);
                    m_requests << request;
                }
                const QByteArray reply = m_responses[m_next++];
                (void)!::write(c, reply.constData(), size_t(reply.size()));
            }
            ::close(c);
        }
    }

    int m_fd = -1;
    int m_port = 0;
    QList<QByteArray> m_responses;
    qsizetype m_next = 0;
    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex;
    QList<QByteArray> m_requests;
    std::thread m_thread;
};

} // namespace kiln::test

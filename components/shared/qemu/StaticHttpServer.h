#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <atomic>
#include <mutex>
#include <thread>

namespace kiln::components {

// The HTTP server a builder starts for http_directory / http_content so the guest can
// fetch preseed and kickstart files (Packer's commonsteps.StepHTTPServer). Serves GET and
// HEAD: a path of http_content verbatim, else a file below the directory (no escaping it
// with ".."), else 404. One thread accepts and answers connections one at a time, which is
// plenty for installers.
class StaticHttpServer
{
public:
    StaticHttpServer() = default;
    ~StaticHttpServer();
    StaticHttpServer(const StaticHttpServer &) = delete;
    StaticHttpServer &operator=(const StaticHttpServer &) = delete;

    // Listens on a free port in [minPort, maxPort] at `address`; returns an error message.
    QString start(const QString &address, int minPort, int maxPort, const QString &directory,
                  const QMap<QString, QString> &content);
    void stop();
    int port() const { return m_port; }
    // The paths requested so far, in order ("/preseed.cfg").
    QStringList requests() const;

private:
    void serve();
    void answer(int client);

    int m_listenFd = -1;
    int m_wakePipe[2] = {-1, -1};
    int m_port = 0;
    QString m_directory;
    QMap<QString, QString> m_content;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    QStringList m_requests;
};

} // namespace kiln::components

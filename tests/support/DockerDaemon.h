#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace kiln::test {

// A real Docker daemon on a private unix socket for docker tests (shared/TESTBED.md
// "Docker engine"): data-root, exec-root and pidfile in a temporary directory, no bridge
// and no iptables rules, so it neither needs nor touches the host's network setup and
// several can run side by side. Containers run with network "none". Optionally a local
// registry (`docker-registry serve`) on a free 127.0.0.1 port, which the daemon treats as
// insecure. Both are stopped by PID, the daemon's containers with it, when the object dies.
//
// The base image `kiln-test/busybox:latest` is imported from a busybox-static root
// filesystem, as no image can be pulled here.
class DockerDaemon
{
public:
    DockerDaemon();
    ~DockerDaemon();
    DockerDaemon(const DockerDaemon &) = delete;
    DockerDaemon &operator=(const DockerDaemon &) = delete;

    // Why no daemon can run here, or empty.
    static QString unavailableReason();

    // Starts dockerd and waits (up to 20 s) until it answers; false with *error otherwise.
    bool start(QString *error = nullptr);
    // Imports kiln-test/busybox:latest (once).
    bool importBusybox(QString *error = nullptr);
    // Starts a registry on 127.0.0.1; registryHost() is then "127.0.0.1:PORT".
    bool startRegistry(QString *error = nullptr);
    // SIGKILLs the daemon, as a crash would.
    void kill();
    void stop();

    QString socketPath() const;
    // "unix:///.../docker.sock": the value for DOCKER_HOST.
    QString dockerHost() const { return QStringLiteral("unix://") + socketPath(); }
    QString registryHost() const { return QStringLiteral("127.0.0.1:%1").arg(m_registryPort); }
    QString dir() const { return m_dir->path(); }
    static QString busyboxImage() { return QStringLiteral("kiln-test/busybox:latest"); }

    // Runs the docker CLI against this daemon; returns its exit code, stdout in *out
    // (stderr in *err when given).
    int docker(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr,
        const QByteArray &input = {}) const;
    // The ids of every container the daemon has, running or not.
    QStringList containers() const;

private:
    QList<qint64> leftovers() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_dockerd;
    std::unique_ptr<QProcess> m_registry;
    int m_registryPort = 0;
    bool m_busybox = false;
};

} // namespace kiln::test

#include "support/DockerDaemon.h"

#include "support/LoopbackPorts.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QStandardPaths>
#include <QThread>
#include <algorithm>
#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kiln::test {

namespace {

void stopProcess(std::unique_ptr<QProcess> &p)
{
    if (!p)
        return;
    if (p->state() != QProcess::NotRunning) {
        ::kill(pid_t(p->processId()), SIGTERM);
        if (!p->waitForFinished(15000)) {
            ::kill(pid_t(p->processId()), SIGKILL);
            p->waitForFinished(5000);
        }
    }
    p.reset();
}

} // namespace

DockerDaemon::DockerDaemon()
    // Under /tmp: a unix socket path must stay below 108 bytes.
    : m_dir(std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/kiln-dockerd-XXXXXX")))
{ }

DockerDaemon::~DockerDaemon()
{
    stop();
}

QString DockerDaemon::unavailableReason()
{
    if (::geteuid() != 0)
        return QStringLiteral("dockerd needs root");
    for (const char *tool : {"dockerd", "docker", "busybox"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            return QStringLiteral("%1 is not installed (docker.io, busybox-static)")
                .arg(QLatin1String(tool));
    return {};
}

QString DockerDaemon::socketPath() const
{
    return m_dir->filePath(QStringLiteral("docker.sock"));
}

bool DockerDaemon::start(QString *error)
{
    const QString d = m_dir->path();
    m_dockerd = std::make_unique<QProcess>();
    m_dockerd->setProcessChannelMode(QProcess::MergedChannels);
    m_dockerd->setStandardOutputFile(d + QStringLiteral("/dockerd.log"));
    m_dockerd->start(QStringLiteral("dockerd"),
        {QStringLiteral("--host"), dockerHost(), QStringLiteral("--data-root"),
            d + QStringLiteral("/root"), QStringLiteral("--exec-root"), d + QStringLiteral("/exec"),
            QStringLiteral("--pidfile"), d + QStringLiteral("/dockerd.pid"),
            QStringLiteral("--bridge=none"), QStringLiteral("--iptables=false"),
            QStringLiteral("--ip6tables=false"), QStringLiteral("--ip-masq=false")});
    if (!m_dockerd->waitForStarted(5000)) {
        if (error)
            *error = QStringLiteral("dockerd did not start");
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000) {
        if (m_dockerd->state() == QProcess::NotRunning)
            break;
        if (QFile::exists(socketPath()) && docker({QStringLiteral("version")}) == 0)
            return true;
        QThread::msleep(100);
    }
    if (error) {
        QFile log(d + QStringLiteral("/dockerd.log"));
        log.open(QIODevice::ReadOnly);
        *error = QStringLiteral("dockerd did not answer: ")
            + QString::fromUtf8(log.readAll().right(2000));
    }
    return false;
}

bool DockerDaemon::importBusybox(QString *error)
{
    if (m_busybox)
        return true;
    const QString rootfs = m_dir->filePath(QStringLiteral("busybox-rootfs"));
    QDir().mkpath(rootfs + QStringLiteral("/bin"));
    QDir().mkpath(rootfs + QStringLiteral("/tmp"));
    QFile::copy(QStandardPaths::findExecutable(QStringLiteral("busybox")),
        rootfs + QStringLiteral("/bin/busybox"));
    QProcess install;
    install.start(QStringLiteral("chroot"),
        {rootfs, QStringLiteral("/bin/busybox"), QStringLiteral("--install"), QStringLiteral("-s"),
            QStringLiteral("/bin")});
    if (!install.waitForFinished(30000) || install.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("busybox --install failed: ")
                + QString::fromUtf8(install.readAllStandardError());
        return false;
    }
    QDir().mkpath(rootfs + QStringLiteral("/etc"));
    QFile passwd(rootfs + QStringLiteral("/etc/passwd"));
    passwd.open(QIODevice::WriteOnly);
    passwd.write("root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
    passwd.close();
    QFile group(rootfs + QStringLiteral("/etc/group"));
    group.open(QIODevice::WriteOnly);
    group.write("root:x:0:\nnogroup:x:65534:\n");
    group.close();
    QProcess tar;
    tar.start(QStringLiteral("tar"),
        {QStringLiteral("-C"), rootfs, QStringLiteral("-cf"), QStringLiteral("-"),
            QStringLiteral(".")});
    tar.waitForFinished(30000);
    QByteArray err;
    const int rc = docker({QStringLiteral("import"), QStringLiteral("-"), busyboxImage()}, nullptr,
        &err, tar.readAllStandardOutput());
    if (rc != 0) {
        if (error)
            *error = QStringLiteral("docker import failed: ") + QString::fromUtf8(err);
        return false;
    }
    m_busybox = true;
    return true;
}

bool DockerDaemon::startRegistry(QString *error)
{
    const QString d = m_dir->path();
    m_registryPort = freeLoopbackPort();
    QFile config(d + QStringLiteral("/registry.yml"));
    config.open(QIODevice::WriteOnly);
    config.write(QStringLiteral(
        "version: 0.1\n"
        "log: { level: error }\n"
        "storage: { filesystem: { rootdirectory: %1/registry-data }, delete: { enabled: true } }\n"
        "http: { addr: %2 }\n")
                     .arg(d, registryHost())
                     .toUtf8());
    config.close();
    m_registry = std::make_unique<QProcess>();
    m_registry->setProcessChannelMode(QProcess::MergedChannels);
    m_registry->setStandardOutputFile(d + QStringLiteral("/registry.log"));
    m_registry->start(
        QStringLiteral("docker-registry"), {QStringLiteral("serve"), config.fileName()});
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        if (m_registry->state() == QProcess::NotRunning)
            break;
        if (portAccepts(m_registryPort))
            return true;
        QThread::msleep(50);
    }
    if (error)
        *error = QStringLiteral("docker-registry did not start");
    return false;
}

void DockerDaemon::kill()
{
    if (m_dockerd && m_dockerd->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_dockerd->processId()), SIGKILL);
        m_dockerd->waitForFinished(5000);
    }
}

// Processes started for this daemon that outlive it when it is killed: its containerd,
// the containerd shims (reparented to init) whose command lines name our directory, and
// everything below them (the containers' processes).
QList<qint64> DockerDaemon::leftovers() const
{
    QHash<qint64, qint64> parent;
    QList<qint64> roots;
    const QByteArray dir = m_dir->path().toLocal8Bit();
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        it.next();
        bool ok = false;
        const qint64 pid = it.fileName().toLongLong(&ok);
        if (!ok || pid == ::getpid())
            continue;
        QFile stat(it.filePath() + QStringLiteral("/stat"));
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray text = stat.readAll();
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            parent.insert(pid, fields.value(1).toLongLong());
        }
        QFile cmdline(it.filePath() + QStringLiteral("/cmdline"));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(dir))
            roots << pid;
    }
    QList<qint64> all = roots;
    for (qsizetype i = 0; i < all.size(); ++i)
        for (auto p = parent.cbegin(); p != parent.cend(); ++p)
            if (p.value() == all.at(i) && !all.contains(p.key()))
                all << p.key();
    return all;
}

void DockerDaemon::stop()
{
    stopProcess(m_registry);
    stopProcess(m_dockerd);
    for (qint64 pid : leftovers())
        ::kill(pid_t(pid), SIGKILL);
    // dockerd leaves its overlay and container mounts behind only when it was killed; take
    // them down so the temporary directory can go.
    QFile mounts(QStringLiteral("/proc/self/mounts"));
    if (mounts.open(QIODevice::ReadOnly)) {
        QStringList below;
        for (const QByteArray &line : mounts.readAll().split('\n')) {
            const QList<QByteArray> fields = line.split(' ');
            if (fields.size() > 1 && QString::fromUtf8(fields.at(1)).startsWith(m_dir->path()))
                below << QString::fromUtf8(fields.at(1));
        }
        std::sort(below.begin(), below.end(),
            [](const QString &a, const QString &b) { return a.size() > b.size(); });
        for (const QString &m : below)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m});
    }
}

int DockerDaemon::docker(
    const QStringList &args, QByteArray *out, QByteArray *err, const QByteArray &input) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), dockerHost());
    env.insert(QStringLiteral("DOCKER_CONFIG"), m_dir->filePath(QStringLiteral("docker-config")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("docker"), args);
    if (!p.waitForStarted(5000))
        return -1;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QStringList DockerDaemon::containers() const
{
    QByteArray out;
    docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--no-trunc")}, &out);
    return QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace kiln::test

#include "support/SshServer.h"

#include "support/LoopbackPorts.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QThread>
#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln::test {

SshServer::SshServer() = default;

SshServer::~SshServer()
{
    stop();
}

int SshServer::exec(
    const QString &program, const QStringList &args, QByteArray *out, const QByteArray &input)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return -1;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString SshServer::unavailableReason()
{
    if (::geteuid() != 0)
        return QStringLiteral("sshd tests need root (sshd switches to the test user)");
    if (!QFile::exists(QStringLiteral("/usr/sbin/sshd")))
        return QStringLiteral("openssh-server is not installed");
    return {};
}

void SshServer::enablePasswordAuth(const QString &password)
{
    m_password = password;
}

QString SshServer::userHome() const
{
    QByteArray out;
    exec(QStringLiteral("getent"), {QStringLiteral("passwd"), user()}, &out);
    return QString::fromLocal8Bit(out).trimmed().section(QLatin1Char(':'), 5, 5);
}

bool SshServer::prepare(QString *error)
{
    if (m_prepared)
        return true;
    const QString base = qEnvironmentVariable("KILN_TEST_TMP", QDir::tempPath());
    QDir().mkpath(base);
    m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/kiln-sshd-XXXXXX"));
    // sshd reads the authorized keys as the user: the directory must be traversable.
    ::chmod(QFile::encodeName(m_dir->path()).constData(), 0755);
    for (const char *key : {"hostkey", "clientkey"}) {
        if (exec(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                    QStringLiteral("-N"), QString(), QStringLiteral("-C"), QString(),
                    QStringLiteral("-f"), m_dir->filePath(QLatin1String(key))})
            != 0) {
            if (error)
                *error = QStringLiteral("ssh-keygen failed");
            return false;
        }
    }
    if (exec(QStringLiteral("id"), {user()}) != 0)
        exec(QStringLiteral("useradd"),
            {QStringLiteral("-m"), QStringLiteral("-s"), QStringLiteral("/bin/sh"), user()});
    if (!m_password.isEmpty())
        exec(QStringLiteral("chpasswd"), {}, nullptr,
            (user() + QLatin1Char(':') + m_password + QLatin1Char('\n')).toUtf8());
    else
        exec(QStringLiteral("usermod"), {QStringLiteral("-U"), user()});
    // A locked account ('!' in shadow) is refused even for keys; '*' unlocks it without a password.
    QByteArray shadow;
    exec(QStringLiteral("getent"), {QStringLiteral("shadow"), user()}, &shadow);
    if (shadow.split(':').value(1).startsWith('!'))
        exec(QStringLiteral("usermod"), {QStringLiteral("-p"), QStringLiteral("*"), user()});
    QDir().mkpath(QStringLiteral("/run/sshd"));
    QDir(m_dir->path()).mkpath(QStringLiteral("authorized_keys"));
    QDir(m_dir->path()).mkpath(QStringLiteral("shared"));
    ::chmod(QFile::encodeName(sharedDir()).constData(), 01777);
    QFile::copy(m_dir->filePath(QStringLiteral("clientkey.pub")),
        m_dir->filePath(QStringLiteral("authorized_keys/") + user()));
    m_prepared = true;
    return true;
}

void SshServer::writeConfig()
{
    const bool passwords = !m_password.isEmpty();
    QStringList lines = {
        QStringLiteral("Port %1").arg(m_port),
        QStringLiteral("ListenAddress 127.0.0.1"),
        QStringLiteral("HostKey %1").arg(m_dir->filePath(QStringLiteral("hostkey"))),
        QStringLiteral("PidFile %1").arg(m_dir->filePath(QStringLiteral("sshd.pid"))),
        QStringLiteral("AuthorizedKeysFile %1/authorized_keys/%u").arg(m_dir->path()),
        QStringLiteral("PasswordAuthentication %1").arg(passwords ? "yes" : "no"),
        QStringLiteral("KbdInteractiveAuthentication %1").arg(passwords ? "yes" : "no"),
        // Keyboard-interactive needs PAM on Linux; key-only servers do without it.
        QStringLiteral("UsePAM %1").arg(passwords ? "yes" : "no"),
        QStringLiteral("PermitRootLogin prohibit-password"),
        QStringLiteral("StrictModes no"),
        QStringLiteral("MaxStartups 100"),
        QStringLiteral("MaxSessions 100"),
        QStringLiteral("Subsystem sftp internal-sftp"),
    };
    lines << m_extraConfig;
    QFile f(m_dir->filePath(QStringLiteral("sshd_config")));
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
}

bool SshServer::start(QString *error)
{
    if (m_crashed)
        stop();
    if (isRunning())
        return true;
    if (!prepare(error))
        return false;
    if (m_port == 0)
        m_port = freeLoopbackPort();
    writeConfig();
    m_sshd = std::make_unique<QProcess>();
    m_sshd->setStandardErrorFile(m_dir->filePath(QStringLiteral("sshd.log")), QIODevice::Append);
    m_sshd->setStandardOutputFile(QProcess::nullDevice());
    m_sshd->start(QStringLiteral("/usr/sbin/sshd"),
        {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
            m_dir->filePath(QStringLiteral("sshd_config"))});
    if (!m_sshd->waitForStarted(5000)) {
        if (error)
            *error = QStringLiteral("cannot start sshd: %1").arg(m_sshd->errorString());
        return false;
    }
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 5000) {
        if (portAccepts(m_port))
            return true;
        if (m_sshd->state() != QProcess::Running)
            break;
        QThread::msleep(20);
    }
    if (error)
        *error = QStringLiteral("sshd did not come up on port %1: %2")
                     .arg(m_port)
                     .arg(QString::fromUtf8(log()));
    stop();
    return false;
}

QList<qint64> SshServer::descendants() const
{
    // Walk /proc for the tree below sshd: privilege-separation monitors, session processes
    // and the commands they run.
    QList<qint64> found;
    if (!m_sshd || m_sshd->processId() <= 0)
        return found;
    QHash<qint64, qint64> parentOf;
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        it.next();
        bool ok = false;
        const qint64 pid = it.fileName().toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(it.filePath() + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        parentOf.insert(pid, fields.value(1).toLongLong());
    }
    QList<qint64> frontier = {m_sshd->processId()};
    while (!frontier.isEmpty()) {
        const qint64 p = frontier.takeFirst();
        for (auto i = parentOf.cbegin(); i != parentOf.cend(); ++i) {
            if (i.value() == p) {
                found << i.key();
                frontier << i.key();
            }
        }
    }
    return found;
}

void SshServer::stop()
{
    if (!m_sshd)
        return;
    if (m_crashed) {
        m_sshd->waitForFinished(3000);
        m_sshd.reset();
        m_crashed = false;
        return;
    }
    const QList<qint64> children = descendants();
    ::kill(pid_t(m_sshd->processId()), SIGTERM);
    for (qint64 pid : children)
        ::kill(pid_t(pid), SIGTERM);
    if (!m_sshd->waitForFinished(3000)) {
        ::kill(pid_t(m_sshd->processId()), SIGKILL);
        m_sshd->waitForFinished(3000);
    }
    for (qint64 pid : children)
        ::kill(pid_t(pid), SIGKILL);
    m_sshd.reset();
}

void SshServer::crash()
{
    if (!m_sshd)
        return;
    QList<qint64> sshds;
    for (qint64 pid : descendants()) {
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "sshd")
            sshds << pid;
    }
    ::kill(pid_t(m_sshd->processId()), SIGKILL);
    for (qint64 pid : sshds)
        ::kill(pid_t(pid), SIGKILL);
    // Only signals here: a test may crash the server from another thread, and QProcess must
    // be reaped on its own thread (start() and stop() do it).
    m_crashed = true;
}

bool SshServer::restart(QString *error)
{
    stop();
    return start(error);
}

bool SshServer::isRunning() const
{
    return !m_crashed && m_sshd && m_sshd->state() == QProcess::Running;
}

QByteArray SshServer::clientKey() const
{
    QFile f(clientKeyPath());
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

QString SshServer::hostPublicKey() const
{
    QFile f(m_dir->filePath(QStringLiteral("hostkey.pub")));
    f.open(QIODevice::ReadOnly);
    return QString::fromLatin1(f.readAll()).simplified().section(QLatin1Char(' '), 0, 1);
}

QString SshServer::hostKeyFingerprint() const
{
    QByteArray out;
    exec(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"), QStringLiteral("-f"),
            m_dir->filePath(QStringLiteral("hostkey.pub"))},
        &out);
    return QString::fromLatin1(out).section(QLatin1Char(' '), 1, 1);
}

void SshServer::authorizeKey(const QByteArray &line)
{
    QFile f(m_dir->filePath(QStringLiteral("authorized_keys/") + user()));
    f.open(QIODevice::Append);
    f.write(line.trimmed() + '\n');
}

QString SshServer::sharedDir() const
{
    return m_dir->filePath(QStringLiteral("shared"));
}

QByteArray SshServer::log() const
{
    QFile f(m_dir->filePath(QStringLiteral("sshd.log")));
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

} // namespace kiln::test

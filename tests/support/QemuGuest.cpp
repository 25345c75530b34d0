#include "support/QemuGuest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <unistd.h>

namespace kiln::test {

namespace {

bool runTool(const QString &program, const QStringList &args, QString *error, QByteArray *out = nullptr,
             int timeoutMs = 60000)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed: %3").arg(program, args.join(QLatin1Char(' ')),
                                                        QString::fromUtf8(p.readAllStandardError()).trimmed());
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput();
    return true;
}

} // namespace

QString QemuGuest::unavailableReason()
{
    for (const char *tool : {"qemu-system-x86_64", "qemu-img", "debootstrap", "cpio", "debugfs", "mkfs.ext4", "flock"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()
            && QStandardPaths::findExecutable(QString::fromLatin1(tool), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}).isEmpty())
            return QStringLiteral("%1 is not installed (packaging/setup-debian.sh installs it)").arg(QLatin1String(tool));
    if (::geteuid() != 0)
        return QStringLiteral("preparing the QEMU guest (debootstrap, chroot) needs root");
    return {};
}

bool QemuGuest::prepare(QString *error)
{
    const QString base = QDir::homePath() + QStringLiteral("/.cache/kiln-testbed");
    m_dir = base + QStringLiteral("/qemu-guest-v3");
    if (QFileInfo::exists(m_dir + QStringLiteral("/READY")))
        return true;
    QDir().mkpath(base);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("flock"), {base + QStringLiteral("/qemu-guest-v3.lock"),
                                      QStringLiteral(KILN_FIXTURES_DIR "/qemu/prepare-guest.sh"), m_dir});
    // debootstrap takes a minute or two on a cold apt cache.
    if (!p.waitForFinished(15 * 60 * 1000) || p.exitCode() != 0) {
        *error = QStringLiteral("preparing the QEMU guest failed: %1").arg(QString::fromUtf8(p.readAll()).trimmed());
        return false;
    }
    return true;
}

bool QemuGuest::makeExt4Disk(const QString &path, int sizeMb, QString *error)
{
    const QString raw = path + QStringLiteral(".raw");
    QFile f(raw);
    if (!f.open(QIODevice::WriteOnly) || !f.resize(qint64(sizeMb) << 20)) {
        *error = QStringLiteral("cannot create %1").arg(raw);
        return false;
    }
    f.close();
    const bool ok = runTool(QStringLiteral("mkfs.ext4"), {QStringLiteral("-q"), QStringLiteral("-F"), raw}, error)
        && runTool(QStringLiteral("qemu-img"), {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("qcow2"), raw, path}, error);
    QFile::remove(raw);
    return ok;
}

QByteArray QemuGuest::readFileFromImage(const QString &image, const QString &name, QString *error)
{
    QTemporaryDir tmp;
    const QString raw = tmp.filePath(QStringLiteral("disk.raw"));
    QByteArray out;
    if (!runTool(QStringLiteral("qemu-img"), {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("raw"), image, raw}, error))
        return {};
    if (!runTool(QStringLiteral("debugfs"), {QStringLiteral("-R"), QStringLiteral("cat %1").arg(name), raw}, error, &out))
        return {};
    return out;
}

} // namespace kiln::test

#include "engine/communicator/LocalCommunicator.h"

#include "engine/communicator/ProcessGroup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln::comm {

namespace {

constexpr qint64 chunkSize = 64 * 1024;

QString cancelledText()
{
    return QStringLiteral("cancelled");
}

// Go's *PathError text: "open /x/y: no such file or directory".
QString pathError(const QString &op, const QString &path, int err)
{
    QString text = QString::fromLocal8Bit(std::strerror(err));
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return QStringLiteral("%1 %2: %3").arg(op, path, text);
}

QString openForWrite(QFile &file)
{
    const QByteArray path = QFile::encodeName(file.fileName());
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return pathError(QStringLiteral("open"), file.fileName(), errno);
    if (!file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return QStringLiteral("open %1: %2").arg(file.fileName(), file.errorString());
    }
    return {};
}

QString openForRead(QFile &file)
{
    const QByteArray path = QFile::encodeName(file.fileName());
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return pathError(QStringLiteral("open"), file.fileName(), errno);
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return QStringLiteral("open %1: %2").arg(file.fileName(), file.errorString());
    }
    return {};
}

bool excluded(const QString &relative, const QStringList &exclude)
{
    for (QString ex : exclude) {
        while (ex.endsWith(QLatin1Char('/')))
            ex.chop(1);
        if (ex.startsWith(QLatin1String("./")))
            ex = ex.mid(2);
        if (relative == ex || relative.startsWith(ex + QLatin1Char('/')))
            return true;
    }
    return false;
}

qint64 treeSize(const QString &dir)
{
    qint64 total = 0;
    const QFileInfoList entries = QDir(dir).entryInfoList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &e : entries) {
        if (e.isSymLink())
            continue;
        if (e.isDir())
            total += treeSize(e.filePath());
        else
            total += e.size();
    }
    return total;
}

// One recursive copy with shared progress. Symlinks are recreated, not followed: a link
// loop cannot make the copy endless, and the tree arrives as it was.
class TreeCopy
{
public:
    TreeCopy(const QStringList &exclude, const ProgressFn &progress,
        const build::CancelTokenPtr &cancel, qint64 total)
        : m_exclude(exclude)
        , m_progress(progress)
        , m_cancel(cancel)
        , m_total(total)
    { }

    QString copyDir(const QString &from, const QString &to, const QString &relative)
    {
        struct stat st;
        if (::stat(QFile::encodeName(from).constData(), &st) != 0)
            return pathError(QStringLiteral("stat"), from, errno);
        if (::mkdir(QFile::encodeName(to).constData(), 0700) != 0 && errno != EEXIST)
            return pathError(QStringLiteral("mkdir"), to, errno);
        const QFileInfoList entries = QDir(from).entryInfoList(
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &e : entries) {
            const QString rel
                = relative.isEmpty() ? e.fileName() : relative + QLatin1Char('/') + e.fileName();
            if (excluded(rel, m_exclude))
                continue;
            const QString target = to + QLatin1Char('/') + e.fileName();
            QString err;
            if (e.isSymLink())
                err = copyLink(e.filePath(), target);
            else if (e.isDir())
                err = copyDir(e.filePath(), target, rel);
            else
                err = copyFile(e.filePath(), target);
            if (!err.isEmpty())
                return err;
        }
        // Modes last: a read-only directory must first receive its contents.
        ::chmod(QFile::encodeName(to).constData(), st.st_mode & 07777);
        return {};
    }

    QString copyFile(const QString &from, const QString &to)
    {
        if (m_cancel && m_cancel->isCancelled())
            return cancelledText();
        struct stat st;
        if (::stat(QFile::encodeName(from).constData(), &st) != 0)
            return pathError(QStringLiteral("stat"), from, errno);
        QFile in(from), out(to);
        QString err = openForRead(in);
        if (err.isEmpty())
            err = openForWrite(out);
        if (!err.isEmpty())
            return err;
        const qint64 base = m_done;
        err = LocalCommunicator::copyStream(
            in, out, -1,
            [this, base](qint64 done, qint64) {
                m_done = base + done;
                if (m_progress)
                    m_progress(m_done, m_total);
            },
            m_cancel);
        out.close();
        ::chmod(QFile::encodeName(to).constData(), st.st_mode & 07777);
        return err;
    }

    QString copyLink(const QString &from, const QString &to)
    {
        QByteArray target(4096, Qt::Uninitialized);
        const ssize_t n
            = ::readlink(QFile::encodeName(from).constData(), target.data(), size_t(target.size()));
        if (n < 0)
            return pathError(QStringLiteral("readlink"), from, errno);
        target.truncate(n);
        ::unlink(QFile::encodeName(to).constData());
        if (::symlink(target.constData(), QFile::encodeName(to).constData()) != 0)
            return pathError(QStringLiteral("symlink"), to, errno);
        return {};
    }

private:
    QStringList m_exclude;
    ProgressFn m_progress;
    build::CancelTokenPtr m_cancel;
    qint64 m_total = 0;
    qint64 m_done = 0;
};

} // namespace

void LocalCommunicator::setEnv(const QString &name, const QString &value)
{
    m_unsetEnv.removeAll(name);
    m_setEnv.insert(name, value);
}

void LocalCommunicator::unsetEnv(const QString &name)
{
    m_setEnv.remove(name);
    if (!m_unsetEnv.contains(name))
        m_unsetEnv << name;
}

void LocalCommunicator::clearEnvOverrides()
{
    m_setEnv.clear();
    m_unsetEnv.clear();
}

CommandResult LocalCommunicator::run(const RemoteCommand &cmd, const build::CancelTokenPtr &cancel)
{
    return runArgv({m_shell, QStringLiteral("-c"), cmd.command}, cmd, cancel);
}

CommandResult LocalCommunicator::runArgv(
    const QStringList &argv, const RemoteCommand &cmd, const build::CancelTokenPtr &cancel)
{
    ProcessGroup::Options options;
    options.argv = argv;
    options.setEnv = m_setEnv;
    options.unsetEnv = m_unsetEnv;
    options.workingDirectory = m_workingDirectory;
    options.stdinData = cmd.stdinData;
    options.stdinSource = cmd.stdinSource;
    options.onStdout = cmd.onStdout;
    options.onStderr = cmd.onStderr;
    options.killGraceMs = m_killGraceMs;
    return ProcessGroup::run(options, cancel);
}

QString LocalCommunicator::copyStream(QIODevice &source, QIODevice &target, qint64 size,
    const ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    qint64 done = 0;
    if (progress)
        progress(0, size);
    while (size < 0 || done < size) {
        if (cancel && cancel->isCancelled())
            return cancelledText();
        const qint64 want = size < 0 ? chunkSize : qMin(chunkSize, size - done);
        const qint64 n = source.read(buffer.data(), want);
        if (n < 0)
            return QStringLiteral("read: %1").arg(source.errorString());
        if (n == 0) {
            // A sequential device may not have its next bytes yet.
            if (source.isSequential() && !source.atEnd() && source.waitForReadyRead(1000))
                continue;
            break;
        }
        for (qint64 written = 0; written < n;) {
            const qint64 w = target.write(buffer.constData() + written, n - written);
            if (w < 0)
                return QStringLiteral("write: %1").arg(target.errorString());
            written += w;
        }
        done += n;
        if (progress)
            progress(done, size);
    }
    if (size >= 0 && done < size)
        return QStringLiteral("unexpected EOF: %1 of %2 bytes").arg(done).arg(size);
    return {};
}

QString LocalCommunicator::upload(const QString &path, QIODevice &source, qint64 size, int mode,
    const ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    if (cancel && cancel->isCancelled())
        return cancelledText();
    QFile out(path);
    QString err = openForWrite(out);
    if (!err.isEmpty())
        return err;
    err = copyStream(source, out, size, progress, cancel);
    if (err.isEmpty() && !out.flush())
        err = QStringLiteral("write %1: %2").arg(path, out.errorString());
    out.close();
    if (::chmod(QFile::encodeName(path).constData(), mode_t(mode > 0 ? mode : 0644)) != 0
        && err.isEmpty())
        err = pathError(QStringLiteral("chmod"), path, errno);
    return err;
}

QString LocalCommunicator::download(const QString &path, QIODevice &target,
    const ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    if (cancel && cancel->isCancelled())
        return cancelledText();
    QFile in(path);
    const QString err = openForRead(in);
    if (!err.isEmpty())
        return err;
    return copyStream(in, target, in.size(), progress, cancel);
}

QString LocalCommunicator::copyTree(const QString &source, const QString &destination,
    const QStringList &exclude, const ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    if (cancel && cancel->isCancelled())
        return cancelledText();
    QString from = source;
    const bool contentsOnly = from.endsWith(QLatin1Char('/'));
    while (from.size() > 1 && from.endsWith(QLatin1Char('/')))
        from.chop(1);
    const QFileInfo info(from);
    if (!info.exists())
        return pathError(QStringLiteral("stat"), from, ENOENT);
    if (!info.isDir())
        return pathError(QStringLiteral("readdir"), from, ENOTDIR);
    // Like `mkdir -p` before scp: the destination's parents are created.
    if (!QDir().mkpath(destination))
        return pathError(QStringLiteral("mkdir"), destination, errno ? errno : EACCES);
    QString to = destination;
    while (to.size() > 1 && to.endsWith(QLatin1Char('/')))
        to.chop(1);
    if (!contentsOnly)
        to += QLatin1Char('/') + info.fileName();
    const qint64 total = treeSize(from);
    TreeCopy copy(exclude, progress, cancel, total);
    if (progress)
        progress(0, total);
    return copy.copyDir(from, to, {});
}

QString LocalCommunicator::uploadDir(const QString &remoteDir, const QString &localDir,
    const QStringList &exclude, const ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    return copyTree(localDir, remoteDir, exclude, progress, cancel);
}

QString LocalCommunicator::downloadDir(const QString &remoteDir, const QString &localDir,
    const QStringList &exclude, const ProgressFn &progress, const build::CancelTokenPtr &cancel)
{
    return copyTree(remoteDir, localDir, exclude, progress, cancel);
}

} // namespace kiln::comm

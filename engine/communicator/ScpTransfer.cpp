#include "engine/communicator/ScpTransfer.h"

#include "engine/communicator/SshChannel.h"
#include "engine/communicator/SshLocalTree.h"

#include <QDir>
#include <QFile>
#include <QTemporaryFile>
#include <sys/stat.h>
#include <vector>

namespace kiln::comm {

namespace {

constexpr qint64 kChunk = 1 << 20;

QByteArray octal(int mode)
{
    return QByteArray::number(mode & 07777, 8).rightJustified(4, '0');
}

} // namespace

ScpTransfer::ScpTransfer(SshSession &session, build::CancelTokenPtr cancel)
    : m_session(session)
    , m_cancel(std::move(cancel))
{
    m_session.clearInterrupt();
    if (m_cancel)
        m_cancelId = m_cancel->onCancel([s = &m_session] { s->interrupt(); });
}

ScpTransfer::~ScpTransfer()
{
    if (m_cancel && m_cancelId)
        m_cancel->removeCallback(m_cancelId);
    // A transfer cut short leaves the remote scp mid-protocol: start afresh next time.
    if (m_session.isInterrupted())
        m_session.markBroken();
    m_session.clearInterrupt();
}

QString ScpTransfer::failed(SshChannel &channel, int rc, const QString &what)
{
    if (rc == SshSession::kCancelled)
        return QStringLiteral("cancelled");
    if (SshSession::isConnectionError(rc))
        m_session.markBroken();
    return QStringLiteral("scp: %1: %2").arg(what, channel.describe(rc));
}

QString ScpTransfer::sendBody(SshChannel &channel, QIODevice &source, qint64 size, qint64 base,
    qint64 total, const ProgressFn &progress)
{
    std::vector<char> buffer(size_t(qMin(size, kChunk)) + 1);
    qint64 done = 0;
    while (done < size) {
        const qint64 n = source.read(buffer.data(), qMin(size - done, kChunk));
        if (n <= 0)
            return QStringLiteral("reading the upload source: %1")
                .arg(n < 0 ? source.errorString()
                           : QStringLiteral("it ended after %1 of %2 bytes").arg(done).arg(size));
        if (const int rc = channel.writeAll(buffer.data(), n); rc != 0)
            return failed(channel, rc, QStringLiteral("sending data"));
        done += n;
        if (progress)
            progress(base + done, total);
    }
    return {};
}

QString ScpTransfer::upload(
    const QString &path, QIODevice &source, qint64 size, int mode, const ProgressFn &progress)
{
    QIODevice *input = &source;
    QTemporaryFile spool;
    if (size < 0 || source.isSequential()) {
        if (!spool.open())
            return QStringLiteral("Error creating temporary file for upload: %1")
                .arg(spool.errorString());
        std::vector<char> buffer(kChunk);
        qint64 copied = 0;
        for (;;) {
            qint64 want = size < 0 ? kChunk : qMin(kChunk, size - copied);
            if (want <= 0)
                break;
            const qint64 n = source.read(buffer.data(), want);
            if (n < 0)
                return QStringLiteral("Error copying input data into local temporary file: %1")
                    .arg(source.errorString());
            if (n == 0 && (source.atEnd() || !source.waitForReadyRead(-1)))
                break;
            if (spool.write(buffer.data(), n) != n)
                return QStringLiteral(
                    "Error copying input data into local temporary file. Check that TMPDIR "
                    "has enough space: %1")
                    .arg(spool.errorString());
            copied += n;
        }
        spool.seek(0);
        size = copied;
        input = &spool;
    }
    const QByteArray remote = path.toUtf8();
    int rc = 0;
    LIBSSH2_CHANNEL *raw = m_session.callPtr<LIBSSH2_CHANNEL>(
        [&] {
            return libssh2_scp_send64(m_session.handle(), remote.constData(),
                (mode > 0 ? mode : 0644) & 0777, size, 0, 0);
        },
        &rc);
    SshChannel channel(m_session, raw);
    if (!raw)
        return failed(channel, rc, QStringLiteral("cannot create %1").arg(path));
    if (QString e = sendBody(channel, *input, size, 0, size, progress); !e.isEmpty())
        return e;
    // The protocol's end-of-file byte, then the sink's verdict on the whole file.
    if ((rc = channel.writeAll("", 1)) != 0)
        return failed(channel, rc, QStringLiteral("finishing %1").arg(path));
    if (QString e = readAck(channel); !e.isEmpty())
        return QStringLiteral("scp: %1: %2").arg(path, e);
    channel.sendEof();
    channel.closeAndWait();
    return {};
}

QString ScpTransfer::readLine(SshChannel &channel, QByteArray *line)
{
    line->clear();
    char c = 0;
    for (;;) {
        const int rc = channel.readExactly(&c, 1);
        if (rc != 0)
            return failed(channel, rc, QStringLiteral("reading the server's reply"));
        if (c == '\n')
            return {};
        line->append(c);
    }
}

QString ScpTransfer::readAck(SshChannel &channel)
{
    char c = 0;
    const int rc = channel.readExactly(&c, 1);
    if (rc != 0) {
        // The remote scp died: its stderr usually says why ("scp: command not found").
        char err[1024];
        const ssize_t n = libssh2_channel_read_stderr(channel.handle(), err, sizeof err);
        if (n > 0)
            return QString::fromUtf8(err, int(n)).trimmed();
        return failed(channel, rc, QStringLiteral("reading the server's reply"));
    }
    if (c == 0)
        return {};
    QByteArray message;
    if (QString e = readLine(channel, &message); !e.isEmpty())
        return e;
    return QString::fromUtf8(message);
}

QString ScpTransfer::runSimple(const QByteArray &command)
{
    SshChannel channel(m_session);
    int rc = channel.openSession();
    if (rc == 0)
        rc = channel.exec(command);
    if (rc != 0)
        return failed(channel, rc, QString::fromUtf8(command));
    QByteArray err(4096, '\0');
    QByteArray collected;
    while (true) {
        const qint64 n = channel.readSome(err.data(), err.size(), 1);
        if (n <= 0)
            break;
        collected += err.left(int(n));
    }
    channel.closeAndWait();
    if (channel.exitStatus() != 0)
        return QStringLiteral("'%1' failed: %2")
            .arg(QString::fromUtf8(command), QString::fromUtf8(collected).trimmed());
    return {};
}

QString ScpTransfer::uploadDir(const QString &remoteDir, const QString &localDir,
    const QStringList &exclude, const ProgressFn &progress)
{
    QList<SshLocalTree::Entry> entries;
    qint64 total = 0;
    QString error;
    if (!SshLocalTree::scan(localDir, exclude, &entries, &total, &error))
        return error;
    // scp -t names a missing target after the first record, not after the source: make it.
    if (QString e = runSimple("mkdir -p " + SshLocalTree::shellQuote(remoteDir)); !e.isEmpty())
        return e;
    SshChannel channel(m_session);
    int rc = channel.openSession();
    if (rc == 0)
        rc = channel.exec("scp -rt " + SshLocalTree::shellQuote(remoteDir));
    if (rc != 0)
        return failed(channel, rc, QStringLiteral("starting scp on the remote"));
    if (QString e = readAck(channel); !e.isEmpty())
        return QStringLiteral("scp: %1").arg(e);

    auto send = [&](const QByteArray &record) -> QString {
        if (const int r = channel.writeAll(record.constData(), record.size()); r != 0)
            return failed(
                channel, r, QStringLiteral("sending %1").arg(QString::fromUtf8(record.trimmed())));
        if (QString e = readAck(channel); !e.isEmpty())
            return QStringLiteral("scp: %1").arg(e);
        return {};
    };
    QStringList open; // directories entered, as relative paths
    if (!localDir.endsWith(QLatin1Char('/'))) {
        const QString name = SshLocalTree::destinationRoot(localDir, QStringLiteral("x")).mid(2);
        if (QString e
            = send("D" + octal(SshLocalTree::modeOf(localDir)) + " 0 " + name.toUtf8() + "\n");
            !e.isEmpty())
            return e;
    }
    qint64 done = 0;
    for (const SshLocalTree::Entry &e : entries) {
        const QString parent = e.relativePath.contains(QLatin1Char('/'))
            ? e.relativePath.section(QLatin1Char('/'), 0, -2)
            : QString();
        while (!open.isEmpty() && open.last() != parent) {
            if (QString err = send("E\n"); !err.isEmpty())
                return err;
            open.removeLast();
        }
        const QByteArray name = e.relativePath.section(QLatin1Char('/'), -1).toUtf8();
        if (e.isDir) {
            if (QString err = send("D" + octal(e.mode) + " 0 " + name + "\n"); !err.isEmpty())
                return err;
            open << e.relativePath;
            continue;
        }
        QFile file(e.absolutePath);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("open %1: %2").arg(e.absolutePath, file.errorString());
        if (QString err = send(
                "C" + octal(e.mode & 0777) + ' ' + QByteArray::number(e.size) + ' ' + name + "\n");
            !err.isEmpty())
            return err;
        if (QString err = sendBody(channel, file, e.size, done, total, progress); !err.isEmpty())
            return err;
        done += e.size;
        if (QString err = send(QByteArray(1, '\0')); !err.isEmpty())
            return err;
    }
    for (int i = open.size() + (localDir.endsWith(QLatin1Char('/')) ? 0 : 1); i > 0; --i) {
        if (QString err = send("E\n"); !err.isEmpty())
            return err;
    }
    channel.sendEof();
    channel.closeAndWait();
    return {};
}

QString ScpTransfer::download(const QString &path, QIODevice &target, const ProgressFn &progress)
{
    const QByteArray remote = path.toUtf8();
    libssh2_struct_stat st{};
    int rc = 0;
    LIBSSH2_CHANNEL *raw = m_session.callPtr<LIBSSH2_CHANNEL>(
        [&] { return libssh2_scp_recv2(m_session.handle(), remote.constData(), &st); }, &rc);
    SshChannel channel(m_session, raw);
    if (!raw)
        return failed(channel, rc, QStringLiteral("cannot read %1").arg(path));
    const qint64 size = qint64(st.st_size);
    std::vector<char> buffer(static_cast<size_t>(kChunk));
    qint64 done = 0;
    while (done < size) {
        const qint64 n = channel.readSome(buffer.data(), qMin(kChunk, size - done));
        if (n < 0)
            return failed(channel, int(n), QStringLiteral("reading %1").arg(path));
        if (n == 0)
            return QStringLiteral("scp: %1: the transfer ended after %2 of %3 bytes")
                .arg(path)
                .arg(done)
                .arg(size);
        if (target.write(buffer.data(), n) != n)
            return QStringLiteral("writing the download of %1: %2").arg(path, target.errorString());
        done += n;
        if (progress)
            progress(done, size);
    }
    channel.closeAndWait();
    return {};
}

QString ScpTransfer::downloadDir(const QString &remoteDir, const QString &localDir,
    const QStringList &exclude, const ProgressFn &progress)
{
    const bool contentsOnly = remoteDir.endsWith(QLatin1Char('/'));
    if (!QDir().mkpath(localDir))
        return QStringLiteral("cannot create directory %1").arg(localDir);
    SshChannel channel(m_session);
    int rc = channel.openSession();
    if (rc == 0)
        rc = channel.exec("scp -rf " + SshLocalTree::shellQuote(remoteDir));
    if (rc != 0)
        return failed(channel, rc, QStringLiteral("starting scp on the remote"));
    auto ack = [&]() -> QString {
        if (const int r = channel.writeAll("", 1); r != 0)
            return failed(channel, r, QStringLiteral("acknowledging"));
        return {};
    };
    // Local directory per open D record; the first (the source itself) maps to localDir
    // with a trailing slash, to localDir/<name> without.
    QStringList stack;
    QStringList relStack;
    std::vector<char> buffer(static_cast<size_t>(kChunk));
    qint64 done = 0;
    if (QString e = ack(); !e.isEmpty())
        return e;
    for (;;) {
        QByteArray line;
        char kind = 0;
        rc = channel.readExactly(&kind, 1);
        if (rc == LIBSSH2_ERROR_CHANNEL_CLOSED && stack.isEmpty())
            break;
        if (rc != 0)
            return failed(channel, rc, QStringLiteral("reading %1").arg(remoteDir));
        if (QString e = readLine(channel, &line); !e.isEmpty())
            return e;
        if (kind == 1 || kind == 2)
            return QStringLiteral("scp: %1").arg(QString::fromUtf8(line));
        if (kind == 'E') {
            stack.removeLast();
            relStack.removeLast();
            if (QString e = ack(); !e.isEmpty())
                return e;
            if (stack.isEmpty())
                break;
            continue;
        }
        if (kind != 'C' && kind != 'D')
            return QStringLiteral("scp: unexpected server response (%1)")
                .arg(int(uchar(kind)), 0, 16);
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 3)
            return QStringLiteral("scp: can't parse server response (%1)")
                .arg(QString::fromUtf8(line));
        const int mode = fields[0].toInt(nullptr, 8);
        const qint64 size = fields[1].toLongLong();
        const QString name = QString::fromUtf8(line.mid(fields[0].size() + fields[1].size() + 2));
        const QString rel = relStack.isEmpty()
            ? QString()
            : (relStack.last().isEmpty() ? name : relStack.last() + QLatin1Char('/') + name);
        const bool skip = !relStack.isEmpty() && SshLocalTree::isExcluded(rel, exclude);
        if (kind == 'D') {
            const QString dir = stack.isEmpty()
                ? (contentsOnly ? localDir : localDir + QLatin1Char('/') + name)
                : stack.last() + QLatin1Char('/') + name;
            if (!skip && !QDir().mkpath(dir))
                return QStringLiteral("cannot create directory %1").arg(dir);
            if (!skip)
                SshLocalTree::applyMode(dir, mode);
            stack << dir;
            relStack << rel;
            if (QString e = ack(); !e.isEmpty())
                return e;
            continue;
        }
        if (stack.isEmpty())
            return QStringLiteral("scp: %1 is not a directory").arg(remoteDir);
        const QString path = stack.last() + QLatin1Char('/') + name;
        QFile file(path);
        if (!skip && !file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return QStringLiteral("open %1: %2").arg(path, file.errorString());
        if (QString e = ack(); !e.isEmpty())
            return e;
        qint64 got = 0;
        while (got < size) {
            const qint64 n = channel.readSome(buffer.data(), qMin(kChunk, size - got));
            if (n <= 0)
                return n < 0 ? failed(channel, int(n), QStringLiteral("reading %1").arg(rel))
                             : QStringLiteral("scp: %1: the transfer ended early").arg(rel);
            if (!skip && file.write(buffer.data(), n) != n)
                return QStringLiteral("writing %1: %2").arg(path, file.errorString());
            got += n;
            done += n;
            if (progress && !skip)
                progress(done, -1);
        }
        if (!skip) {
            file.close();
            SshLocalTree::applyMode(path, mode);
        }
        if (QString e = readAck(channel); !e.isEmpty())
            return QStringLiteral("scp: %1").arg(e);
        if (QString e = ack(); !e.isEmpty())
            return e;
    }
    channel.closeAndWait();
    return {};
}

} // namespace kiln::comm

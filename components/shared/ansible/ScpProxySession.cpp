#include "components/shared/ansible/ScpProxySession.h"

#include "components/shared/ansible/AdapterChannel.h"
#include "components/shared/ansible/AdapterRemote.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

namespace kiln::components {

namespace {

const QByteArray scpOk("\0", 1);
const QByteArray scpEmptyError("\x02\n");

// The client's answer after a message: 0, or 1/2 followed by a message line.
QString response(AdapterChannel &channel)
{
    char code = 0;
    if (!channel.readByte(&code))
        return QStringLiteral("EOF");
    if (code == 0)
        return {};
    QByteArray message;
    if (!channel.readLine(&message))
        return QStringLiteral("Error reading error message: EOF");
    return code > 1 ? QString::fromUtf8(message) : QString();
}

// "C0644 12 name\n" or "D0755 0 name\n" without the leading letter.
bool parseEntry(const QByteArray &line, int *mode, qint64 *size, QString *name)
{
    const QList<QByteArray> parts = line.trimmed().split(' ');
    if (parts.size() < 3)
        return false;
    bool okMode = false;
    bool okSize = false;
    *mode = parts.at(0).toInt(&okMode, 8);
    *size = parts.at(1).toLongLong(&okSize);
    *name = QString::fromUtf8(parts.mid(2).join(' '));
    return okMode && okSize && !name->isEmpty();
}

} // namespace

QString ScpProxySession::options(const QString &arguments, QString *rest)
{
    QString opts;
    qsizetype end = 0;
    bool inOption = false;
    for (; end < arguments.size(); ++end) {
        const QChar c = arguments.at(end);
        if (c == QLatin1Char(' '))
            inOption = false;
        else if (c == QLatin1Char('-'))
            inOption = true;
        else if (inOption)
            opts += c;
        else
            break;
    }
    *rest = arguments.mid(end);
    return opts;
}

bool ScpProxySession::handles(const QString &arguments)
{
    QString rest;
    const QString opts = options(arguments, &rest);
    return opts.contains(QLatin1Char('t')) || opts.contains(QLatin1Char('f'));
}

QString ScpProxySession::run(
    const QString &arguments, AdapterChannel &channel, AdapterRemote &remote)
{
    QString rest;
    const QString opts = options(arguments, &rest);
    // Ansible quotes the path for a shell; undo it as Packer does with shlex.
    const QString path = QProcess::splitCommand(rest.trimmed()).join(QString());
    if (opts.contains(QLatin1Char('t'))) {
        if (path.isEmpty()) {
            channel.write(scpEmptyError);
            return QStringLiteral("no scp target specified");
        }
        return receive(path, channel, remote);
    }
    if (path.isEmpty()) {
        channel.write(scpEmptyError);
        return QStringLiteral("no scp source specified");
    }
    if (opts.contains(QLatin1Char('d'))) {
        channel.write(scpEmptyError);
        return QStringLiteral("directory downloads not supported");
    }
    return send(path, channel, remote);
}

QString ScpProxySession::receive(
    const QString &target, AdapterChannel &channel, AdapterRemote &remote)
{
    QTemporaryDir staging(QDir::temp().filePath(QStringLiteral("ansible-upload")));
    if (!staging.isValid()) {
        channel.write(scpEmptyError);
        return staging.errorString();
    }
    channel.write(scpOk); // the sink is ready: the client starts sending
    QString dir; // relative to the target while inside D ... E
    while (true) {
        char kind = 0;
        if (!channel.readByte(&kind))
            return {}; // the client is done
        QByteArray line;
        if (!channel.readLine(&line)) {
            channel.write(scpEmptyError);
            return QStringLiteral("invalid message: EOF");
        }
        int mode = 0;
        qint64 size = 0;
        QString name;
        switch (kind) {
        case 'T':
            channel.write(scpOk);
            break;
        case 'E':
            dir = QFileInfo(dir).path() == QLatin1String(".") ? QString() : QFileInfo(dir).path();
            channel.write(scpOk);
            break;
        case 'D': {
            if (!parseEntry(line, &mode, &size, &name)) {
                channel.write(scpEmptyError);
                return QStringLiteral("invalid directory message: %1").arg(QString::fromUtf8(line));
            }
            dir = dir.isEmpty() ? name : dir + QLatin1Char('/') + name;
            const QString local = QDir(staging.path()).filePath(dir);
            QDir().mkpath(local);
            const QString error
                = remote.uploadDir(QDir(target).filePath(QFileInfo(dir).path()), local);
            if (!error.isEmpty()) {
                channel.write(scpEmptyError);
                return error;
            }
            channel.write(scpOk);
            break;
        }
        case 'C': {
            if (!parseEntry(line, &mode, &size, &name)) {
                channel.write(scpEmptyError);
                return QStringLiteral("invalid file message: %1").arg(QString::fromUtf8(line));
            }
            channel.write(scpOk);
            const QString local = QDir(staging.path()).filePath(QStringLiteral("file"));
            QFile f(local);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                channel.write(scpEmptyError);
                return f.errorString();
            }
            qint64 left = size;
            while (left > 0) {
                QByteArray chunk;
                if (!channel.readExact(std::min<qint64>(left, 65536), &chunk)) {
                    channel.write(scpEmptyError);
                    return QStringLiteral("unexpected EOF");
                }
                f.write(chunk);
                left -= chunk.size();
            }
            f.close();
            // Ansible only sends single files, so the target names the file itself
            // (Packer's targetIsDir is never set).
            const QString dest
                = dir.isEmpty() ? target : QDir(target).filePath(dir + QLatin1Char('/') + name);
            const QString error = remote.upload(dest, local, mode & 07777);
            QFile::remove(local);
            if (!error.isEmpty()) {
                channel.write(scpEmptyError);
                return error;
            }
            const QString ack = response(channel);
            if (!ack.isEmpty())
                return ack;
            channel.write(scpOk);
            break;
        }
        default:
            channel.write(scpEmptyError);
            return QStringLiteral("unexpected message: %1").arg(QLatin1Char(kind));
        }
    }
}

QString ScpProxySession::send(const QString &source, AdapterChannel &channel, AdapterRemote &remote)
{
    QTemporaryDir staging(QDir::temp().filePath(QStringLiteral("ansible-download")));
    if (!staging.isValid()) {
        channel.write(scpEmptyError);
        return staging.errorString();
    }
    const QString name = QFileInfo(source).fileName();
    const QString local = QDir(staging.path()).filePath(name);
    QString error = remote.download(source, local);
    if (!error.isEmpty()) {
        channel.write(scpEmptyError);
        return error;
    }
    error = response(channel); // the client's 0 that starts the transfer
    if (!error.isEmpty())
        return error;
    QFile f(local);
    if (!f.open(QIODevice::ReadOnly))
        return f.errorString();
    // Packer sends the mode of its local copy, created 0666 less the usual umask.
    const QByteArray header = QStringLiteral("C0644 %1 %2\n").arg(f.size()).arg(name).toUtf8();
    channel.write(header);
    error = response(channel);
    if (!error.isEmpty())
        return error;
    while (!f.atEnd()) {
        if (!channel.write(f.read(65536)))
            return QStringLiteral("write failed");
    }
    channel.write(scpOk);
    return response(channel);
}

} // namespace kiln::components

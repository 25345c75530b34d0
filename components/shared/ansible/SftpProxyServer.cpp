#include "components/shared/ansible/SftpProxyServer.h"

#include "components/shared/ansible/AdapterChannel.h"
#include "components/shared/ansible/AdapterRemote.h"

#include <QFile>
#include <QtEndian>

namespace kiln::components {

namespace {

// Packet types and codes of SFTP version 3.
enum : quint8 {
    FxpInit = 1,
    FxpVersion = 2,
    FxpOpen = 3,
    FxpClose = 4,
    FxpRead = 5,
    FxpWrite = 6,
    FxpLstat = 7,
    FxpFstat = 8,
    FxpSetstat = 9,
    FxpFsetstat = 10,
    FxpOpendir = 11,
    FxpReaddir = 12,
    FxpRemove = 13,
    FxpMkdir = 14,
    FxpRmdir = 15,
    FxpRealpath = 16,
    FxpStat = 17,
    FxpRename = 18,
    FxpReadlink = 19,
    FxpStatus = 101,
    FxpHandle = 102,
    FxpData = 103,
    FxpName = 104,
    FxpAttrs = 105
};
enum : quint32 {
    FxOk = 0,
    FxEof = 1,
    FxNoSuchFile = 2,
    FxFailure = 4,
    FxBadMessage = 5,
    FxOpUnsupported = 8
};
enum : quint32 {
    AttrSize = 0x1,
    AttrUidGid = 0x2,
    AttrPermissions = 0x4,
    AttrAcModTime = 0x8,
    AttrExtended = 0x80000000
};
enum : quint32 {
    OpenRead = 0x1,
    OpenWrite = 0x2,
    OpenAppend = 0x4,
    OpenCreate = 0x8,
    OpenTruncate = 0x10,
    OpenExclusive = 0x20
};

constexpr quint32 maxPacket = 256 * 1024 + 1024;
constexpr quint32 maxRead = 256 * 1024;

void putU32(QByteArray &out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

void putU64(QByteArray &out, quint64 v)
{
    char b[8];
    qToBigEndian(v, b);
    out.append(b, 8);
}

void putString(QByteArray &out, const QByteArray &s)
{
    putU32(out, quint32(s.size()));
    out.append(s);
}

// The command that prints one line of `stat` fields the server turns into attributes.
QString statCommand(const QString &path, bool follow)
{
    return QStringLiteral("stat %1-c '%s %f %u %g %X %Y' -- %2")
        .arg(follow ? QStringLiteral("-L ") : QString(), AdapterRemote::quote(path));
}

} // namespace

// Reads the fields of one request; a short packet sets `bad`.
class SftpProxyServer::Reader
{
public:
    explicit Reader(const QByteArray &data)
        : m_data(data)
    { }
    quint8 u8()
    {
        if (!need(1))
            return 0;
        return quint8(m_data.at(m_pos++));
    }
    quint32 u32()
    {
        if (!need(4))
            return 0;
        const quint32 v = qFromBigEndian<quint32>(m_data.constData() + m_pos);
        m_pos += 4;
        return v;
    }
    quint64 u64()
    {
        if (!need(8))
            return 0;
        const quint64 v = qFromBigEndian<quint64>(m_data.constData() + m_pos);
        m_pos += 8;
        return v;
    }
    QByteArray bytes()
    {
        const quint32 n = u32();
        if (!need(n))
            return {};
        const QByteArray s = m_data.mid(m_pos, n);
        m_pos += n;
        return s;
    }
    QString path() { return QString::fromUtf8(bytes()); }
    Attrs attrs()
    {
        Attrs a;
        a.flags = u32();
        if (a.flags & AttrSize)
            a.size = u64();
        if (a.flags & AttrUidGid) {
            a.uid = u32();
            a.gid = u32();
        }
        if (a.flags & AttrPermissions)
            a.permissions = u32();
        if (a.flags & AttrAcModTime) {
            a.atime = u32();
            a.mtime = u32();
        }
        if (a.flags & AttrExtended) {
            const quint32 count = u32();
            for (quint32 i = 0; i < count && !bad; ++i) {
                bytes();
                bytes();
            }
        }
        return a;
    }
    bool bad = false;

private:
    bool need(qsizetype n)
    {
        if (m_pos + n > m_data.size())
            bad = true;
        return !bad;
    }
    const QByteArray &m_data;
    qsizetype m_pos = 0;
};

SftpProxyServer::SftpProxyServer(AdapterChannel &channel, AdapterRemote &remote)
    : m_channel(channel)
    , m_remote(remote)
{ }

SftpProxyServer::~SftpProxyServer() = default;

void SftpProxyServer::serve()
{
    while (true) {
        QByteArray header;
        if (!m_channel.readExact(4, &header))
            return;
        const quint32 length = qFromBigEndian<quint32>(header.constData());
        if (length == 0 || length > maxPacket)
            return; // not an SFTP client: OpenSSH's server drops it too
        QByteArray packet;
        if (!m_channel.readExact(length, &packet) || !handlePacket(packet))
            return;
    }
}

bool SftpProxyServer::handlePacket(const QByteArray &packet)
{
    Reader r(packet);
    const quint8 type = r.u8();
    if (type == FxpInit) {
        QByteArray version;
        putU32(version, 3);
        send(FxpVersion, version);
        return true;
    }
    const quint32 id = r.u32();
    switch (type) {
    case FxpOpen:
        open(id, r);
        break;
    case FxpClose:
        close(id, r);
        break;
    case FxpRead:
        read(id, r);
        break;
    case FxpWrite:
        write(id, r);
        break;
    case FxpLstat:
    case FxpStat: {
        const QString path = r.path();
        stat(id, path, type == FxpStat);
        break;
    }
    case FxpFstat:
        fstat(id, r);
        break;
    case FxpSetstat: {
        const QString path = r.path();
        setstat(id, path, r.attrs());
        break;
    }
    case FxpFsetstat:
        fsetstat(id, r);
        break;
    case FxpOpendir:
        opendir(id, r.path());
        break;
    case FxpReaddir:
        readdir(id, r);
        break;
    case FxpRemove:
        simple(id, QStringLiteral("rm -f -- %1").arg(AdapterRemote::quote(r.path())));
        break;
    case FxpMkdir: {
        const QString path = r.path();
        const Attrs a = r.attrs();
        const QString mode = (a.flags & AttrPermissions)
            ? QStringLiteral("-m %1 ").arg(a.permissions & 07777, 0, 8)
            : QString();
        simple(id, QStringLiteral("mkdir %1-- %2").arg(mode, AdapterRemote::quote(path)));
        break;
    }
    case FxpRmdir:
        simple(id, QStringLiteral("rmdir -- %1").arg(AdapterRemote::quote(r.path())));
        break;
    case FxpRealpath:
        realpath(id, r.path());
        break;
    case FxpRename: {
        const QString from = r.path();
        const QString to = r.path();
        simple(id,
            QStringLiteral("mv -- %1 %2")
                .arg(AdapterRemote::quote(from), AdapterRemote::quote(to)));
        break;
    }
    case FxpReadlink:
        readlink(id, r.path());
        break;
    default:
        sendStatus(id, FxOpUnsupported, QStringLiteral("Operation unsupported"));
        return true;
    }
    if (r.bad)
        sendStatus(id, FxBadMessage, QStringLiteral("Bad message"));
    return true;
}

void SftpProxyServer::open(quint32 id, Reader &r)
{
    const QString path = r.path();
    const quint32 flags = r.u32();
    const Attrs attrs = r.attrs();
    if (r.bad)
        return;
    Handle h;
    h.path = path;
    h.writable = flags & (OpenWrite | OpenAppend);
    if (attrs.flags & AttrPermissions)
        h.mode = int(attrs.permissions & 07777);
    const QByteArray name = QByteArray::number(m_nextHandle++);
    h.file = std::make_unique<QFile>(m_dir.filePath(QString::fromLatin1(name)));
    if (!h.file->open(QIODevice::ReadWrite | QIODevice::Truncate)) {
        sendStatus(id, FxFailure, h.file->errorString());
        return;
    }
    h.file->close();
    Attrs existing;
    QString error;
    const bool exists = remoteStat(path, true, &existing, &error);
    if (h.writable && (flags & OpenExclusive) && exists) {
        sendStatus(id, FxFailure, QStringLiteral("Failure"));
        return;
    }
    if (h.writable && !(flags & OpenCreate) && !exists) {
        sendStatus(id, FxNoSuchFile, QStringLiteral("No such file"));
        return;
    }
    if (h.writable && exists && !(attrs.flags & AttrPermissions))
        h.mode = int(existing.permissions & 07777);
    // Reading, or writing into what is there: start from the file's current content.
    if (exists && (!h.writable || !(flags & OpenTruncate))) {
        error = m_remote.download(path, h.file->fileName());
        if (!error.isEmpty()) {
            sendStatus(id, FxFailure, error);
            return;
        }
    } else if (!h.writable) {
        sendStatus(id, FxNoSuchFile, QStringLiteral("No such file"));
        return;
    }
    if (!h.file->open(QIODevice::ReadWrite)) {
        sendStatus(id, FxFailure, h.file->errorString());
        return;
    }
    m_handles.emplace(name, std::move(h));
    QByteArray payload;
    putU32(payload, id);
    putString(payload, name);
    send(FxpHandle, payload);
}

void SftpProxyServer::read(quint32 id, Reader &r)
{
    const QByteArray handle = r.bytes();
    const quint64 offset = r.u64();
    const quint32 length = std::min(r.u32(), maxRead);
    Handle *h = findHandle(handle);
    if (r.bad)
        return;
    if (!h || !h->file) {
        sendStatus(id, FxFailure, QStringLiteral("Failure"));
        return;
    }
    if (!h->file->seek(qint64(offset))) {
        sendStatus(id, FxFailure, h->file->errorString());
        return;
    }
    const QByteArray data = h->file->read(length);
    if (data.isEmpty()) {
        sendStatus(id, FxEof, QStringLiteral("End of file"));
        return;
    }
    QByteArray payload;
    putU32(payload, id);
    putString(payload, data);
    send(FxpData, payload);
}

void SftpProxyServer::write(quint32 id, Reader &r)
{
    const QByteArray handle = r.bytes();
    const quint64 offset = r.u64();
    const QByteArray data = r.bytes();
    Handle *h = findHandle(handle);
    if (r.bad)
        return;
    if (!h || !h->file || !h->writable) {
        sendStatus(id, FxFailure, QStringLiteral("Failure"));
        return;
    }
    if (!h->file->seek(qint64(offset)) || h->file->write(data) != data.size()) {
        sendStatus(id, FxFailure, h->file->errorString());
        return;
    }
    sendStatus(id, FxOk, QStringLiteral("Success"));
}

void SftpProxyServer::close(quint32 id, Reader &r)
{
    const QByteArray handle = r.bytes();
    if (r.bad)
        return;
    auto it = m_handles.find(handle);
    if (it == m_handles.end()) {
        sendStatus(id, FxFailure, QStringLiteral("Failure"));
        return;
    }
    Handle h = std::move(it->second);
    m_handles.erase(it);
    QString error;
    if (h.file) {
        h.file->close();
        if (h.writable)
            error = m_remote.upload(h.path, h.file->fileName(), h.mode);
        h.file->remove();
    }
    if (!error.isEmpty())
        sendStatus(id, FxFailure, error);
    else
        sendStatus(id, FxOk, QStringLiteral("Success"));
}

void SftpProxyServer::stat(quint32 id, const QString &path, bool follow)
{
    Attrs attrs;
    QString error;
    if (!remoteStat(path, follow, &attrs, &error)) {
        sendStatus(id, error.isEmpty() ? FxNoSuchFile : FxFailure,
            error.isEmpty() ? QStringLiteral("No such file") : error);
        return;
    }
    sendAttrs(id, attrs);
}

void SftpProxyServer::fstat(quint32 id, Reader &r)
{
    Handle *h = findHandle(r.bytes());
    if (r.bad)
        return;
    if (!h) {
        sendStatus(id, FxFailure, QStringLiteral("Failure"));
        return;
    }
    if (!h->file) {
        stat(id, h->path, true);
        return;
    }
    Attrs attrs;
    attrs.flags = AttrSize | AttrPermissions;
    attrs.size = quint64(h->file->size());
    attrs.permissions = 0100000 | quint32(h->mode);
    sendAttrs(id, attrs);
}

void SftpProxyServer::setstat(quint32 id, const QString &path, const Attrs &attrs)
{
    QStringList commands;
    const QString quoted = AdapterRemote::quote(path);
    if (attrs.flags & AttrUidGid)
        commands << QStringLiteral("chown %1:%2 -- %3").arg(attrs.uid).arg(attrs.gid).arg(quoted);
    if (attrs.flags & AttrPermissions)
        commands
            << QStringLiteral("chmod %1 -- %2").arg(attrs.permissions & 07777, 0, 8).arg(quoted);
    if (attrs.flags & AttrAcModTime)
        commands << QStringLiteral("touch -m -d @%1 -- %2").arg(attrs.mtime).arg(quoted);
    if (commands.isEmpty()) {
        sendStatus(id, FxOk, QStringLiteral("Success"));
        return;
    }
    simple(id, commands.join(QStringLiteral(" && ")));
}

void SftpProxyServer::fsetstat(quint32 id, Reader &r)
{
    Handle *h = findHandle(r.bytes());
    const Attrs attrs = r.attrs();
    if (r.bad)
        return;
    if (!h) {
        sendStatus(id, FxFailure, QStringLiteral("Failure"));
        return;
    }
    if (h->writable) {
        // The file reaches the machine when it is closed: keep its mode for the upload.
        if (attrs.flags & AttrPermissions)
            h->mode = int(attrs.permissions & 07777);
        sendStatus(id, FxOk, QStringLiteral("Success"));
        return;
    }
    setstat(id, h->path, attrs);
}

void SftpProxyServer::opendir(quint32 id, const QString &path)
{
    // One command lists the directory with each entry's attributes.
    const QString command
        = QStringLiteral("cd -- %1 && for f in .* *; do if [ -e \"$f\" ] || [ -L \"$f\" ]; then "
                         "stat -c '%s %f %u %g %X %Y %n' -- \"$f\"; fi; done")
              .arg(AdapterRemote::quote(path));
    QByteArray out;
    QString error;
    if (m_remote.capture(command, &out, &error) != 0) {
        sendStatus(id, error.isEmpty() ? FxNoSuchFile : FxFailure,
            error.isEmpty() ? QStringLiteral("No such file") : error);
        return;
    }
    Handle h;
    h.path = path;
    h.directory = true;
    for (const QByteArray &line : out.split('\n')) {
        Attrs attrs;
        QString name;
        if (!parseStat(line, &attrs, &name))
            continue;
        putString(h.listing, name.toUtf8());
        putString(h.listing, name.toUtf8());
        h.listing += encodeAttrs(attrs);
        ++h.entries;
    }
    const QByteArray name = QByteArray::number(m_nextHandle++);
    m_handles.emplace(name, std::move(h));
    QByteArray payload;
    putU32(payload, id);
    putString(payload, name);
    send(FxpHandle, payload);
}

void SftpProxyServer::readdir(quint32 id, Reader &r)
{
    Handle *h = findHandle(r.bytes());
    if (r.bad)
        return;
    if (!h || !h->directory) {
        sendStatus(id, FxFailure, QStringLiteral("Failure"));
        return;
    }
    if (h->listed || h->entries == 0) {
        sendStatus(id, FxEof, QStringLiteral("End of file"));
        return;
    }
    h->listed = true;
    QByteArray payload;
    putU32(payload, id);
    putU32(payload, quint32(h->entries));
    payload += h->listing;
    send(FxpName, payload);
}

void SftpProxyServer::realpath(quint32 id, const QString &path)
{
    const QString target = path.isEmpty() ? QStringLiteral(".") : path;
    const QString quoted = AdapterRemote::quote(target);
    QByteArray out;
    QString error;
    const int status = m_remote.capture(
        QStringLiteral("if [ -d %1 ]; then cd -- %1 && pwd -P; else readlink -f -- %1; fi")
            .arg(quoted),
        &out, &error);
    const QString resolved = QString::fromUtf8(out).trimmed();
    if (status != 0 || resolved.isEmpty()) {
        sendStatus(id, error.isEmpty() ? FxNoSuchFile : FxFailure,
            error.isEmpty() ? QStringLiteral("No such file") : error);
        return;
    }
    sendName(id, resolved, Attrs{});
}

void SftpProxyServer::readlink(quint32 id, const QString &path)
{
    QByteArray out;
    QString error;
    const int status = m_remote.capture(
        QStringLiteral("readlink -- %1").arg(AdapterRemote::quote(path)), &out, &error);
    const QString target = QString::fromUtf8(out).chopped(out.endsWith('\n') ? 1 : 0);
    if (status != 0 || target.isEmpty()) {
        sendStatus(id, error.isEmpty() ? FxNoSuchFile : FxFailure,
            error.isEmpty() ? QStringLiteral("No such file") : error);
        return;
    }
    sendName(id, target, Attrs{});
}

void SftpProxyServer::simple(quint32 id, const QString &command)
{
    QByteArray out;
    QString error;
    const int status = m_remote.capture(command, &out, &error);
    if (status == 0)
        sendStatus(id, FxOk, QStringLiteral("Success"));
    else
        sendStatus(id, FxFailure, error.isEmpty() ? QStringLiteral("Failure") : error);
}

bool SftpProxyServer::remoteStat(const QString &path, bool follow, Attrs *attrs, QString *error)
{
    QByteArray out;
    if (m_remote.capture(statCommand(path, follow), &out, error) != 0)
        return false;
    QString name;
    return parseStat(out.trimmed() + " x", attrs, &name);
}

bool SftpProxyServer::parseStat(const QByteArray &line, Attrs *attrs, QString *name)
{
    // "<size> <raw mode, hex> <uid> <gid> <atime> <mtime> <name>"
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() < 7)
        return false;
    bool ok[6];
    attrs->size = parts.at(0).toULongLong(&ok[0]);
    attrs->permissions = parts.at(1).toUInt(&ok[1], 16);
    attrs->uid = parts.at(2).toUInt(&ok[2]);
    attrs->gid = parts.at(3).toUInt(&ok[3]);
    attrs->atime = parts.at(4).toUInt(&ok[4]);
    attrs->mtime = parts.at(5).toUInt(&ok[5]);
    for (bool b : ok)
        if (!b)
            return false;
    attrs->flags = AttrSize | AttrUidGid | AttrPermissions | AttrAcModTime;
    *name = QString::fromUtf8(line).section(QLatin1Char(' '), 6);
    return true;
}

SftpProxyServer::Handle *SftpProxyServer::findHandle(const QByteArray &handle)
{
    auto it = m_handles.find(handle);
    return it == m_handles.end() ? nullptr : &it->second;
}

void SftpProxyServer::sendStatus(quint32 id, quint32 code, const QString &message)
{
    QByteArray payload;
    putU32(payload, id);
    putU32(payload, code);
    putString(payload, message.toUtf8());
    putString(payload, QByteArrayLiteral("en"));
    send(FxpStatus, payload);
}

void SftpProxyServer::sendName(quint32 id, const QString &name, const Attrs &attrs)
{
    QByteArray payload;
    putU32(payload, id);
    putU32(payload, 1);
    putString(payload, name.toUtf8());
    putString(payload, name.toUtf8());
    payload += encodeAttrs(attrs);
    send(FxpName, payload);
}

void SftpProxyServer::sendAttrs(quint32 id, const Attrs &attrs)
{
    QByteArray payload;
    putU32(payload, id);
    payload += encodeAttrs(attrs);
    send(FxpAttrs, payload);
}

QByteArray SftpProxyServer::encodeAttrs(const Attrs &attrs)
{
    QByteArray out;
    const quint32 flags = attrs.flags & (AttrSize | AttrUidGid | AttrPermissions | AttrAcModTime);
    putU32(out, flags);
    if (flags & AttrSize)
        putU64(out, attrs.size);
    if (flags & AttrUidGid) {
        putU32(out, attrs.uid);
        putU32(out, attrs.gid);
    }
    if (flags & AttrPermissions)
        putU32(out, attrs.permissions);
    if (flags & AttrAcModTime) {
        putU32(out, attrs.atime);
        putU32(out, attrs.mtime);
    }
    return out;
}

void SftpProxyServer::send(quint8 type, const QByteArray &payload)
{
    QByteArray packet;
    putU32(packet, quint32(payload.size() + 1));
    packet.append(char(type));
    packet += payload;
    m_channel.write(packet);
}

} // namespace kiln::components

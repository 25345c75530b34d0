#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <map>
#include <memory>

class QFile;

namespace kiln::components {

class AdapterChannel;
class AdapterRemote;

// The proxy adapter's `sftp` subsystem: an SFTP version 3 server (draft-ietf-secsh-filexfer-02,
// what OpenSSH's sftp and scp clients speak) whose operations are carried out on the machine
// through the build's communicator.
//
// Packer runs sftp_command on the machine with the channel piped to its stdin and stdout;
// Kiln's Communicator takes a command's stdin up front, so an interactive sftp-server cannot
// be driven through it. Instead each request becomes a communicator call: files opened for
// reading are downloaded into a local temporary file when opened and read from it, files
// opened for writing are written to one and uploaded when closed, and metadata comes from
// small POSIX commands (`stat -c`, `readlink -f`, `mkdir`, `rm`, `mv`, `chmod`) run on the
// machine. That is everything Ansible (sftp `put`/`get`, scp in SFTP mode) asks for.
//
// Threading: serve() blocks the connection thread that owns the channel.
class SftpProxyServer
{
public:
    SftpProxyServer(AdapterChannel &channel, AdapterRemote &remote);
    ~SftpProxyServer();

    // Answers requests until the client closes the channel.
    void serve();

private:
    struct Attrs
    {
        quint32 flags = 0;
        quint64 size = 0;
        quint32 uid = 0;
        quint32 gid = 0;
        quint32 permissions = 0;
        quint32 atime = 0;
        quint32 mtime = 0;
    };
    struct Handle
    {
        QString path;
        bool writable = false;
        bool directory = false;
        int mode = 0644;
        std::unique_ptr<QFile> file;
        QByteArray listing; // a directory's NAME entries, sent by the first READDIR
        int entries = 0;
        bool listed = false;
    };
    class Reader;

    bool handlePacket(const QByteArray &packet);
    void open(quint32 id, Reader &r);
    void read(quint32 id, Reader &r);
    void write(quint32 id, Reader &r);
    void close(quint32 id, Reader &r);
    void stat(quint32 id, const QString &path, bool follow);
    void fstat(quint32 id, Reader &r);
    void setstat(quint32 id, const QString &path, const Attrs &attrs);
    void fsetstat(quint32 id, Reader &r);
    void opendir(quint32 id, const QString &path);
    void readdir(quint32 id, Reader &r);
    void realpath(quint32 id, const QString &path);
    void readlink(quint32 id, const QString &path);
    void simple(quint32 id, const QString &command);

    bool remoteStat(const QString &path, bool follow, Attrs *attrs, QString *error);
    Handle *findHandle(const QByteArray &handle);
    void sendStatus(quint32 id, quint32 code, const QString &message = {});
    void sendName(quint32 id, const QString &name, const Attrs &attrs);
    void sendAttrs(quint32 id, const Attrs &attrs);
    void send(quint8 type, const QByteArray &payload);
    static QByteArray encodeAttrs(const Attrs &attrs);
    static bool parseStat(const QByteArray &line, Attrs *attrs, QString *name);

    AdapterChannel &m_channel;
    AdapterRemote &m_remote;
    QTemporaryDir m_dir;
    std::map<QByteArray, Handle> m_handles;
    quint32 m_nextHandle = 1;
};

} // namespace kiln::components

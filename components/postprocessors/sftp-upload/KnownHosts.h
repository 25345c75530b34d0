#pragma once

#include <QString>
#include <QStringList>

namespace kiln::components {

// An OpenSSH known_hosts file, read for the keys of one host: plain host patterns (with *
// and ? wildcards, `[host]:port` for other ports than 22, `!` negations) and hashed
// entries (`|1|salt|hmac`, HashKnownHosts yes). @revoked and @cert-authority lines are not
// host keys and are skipped.
class KnownHosts
{
public:
    // False with *error when the file cannot be read.
    bool load(const QString &path, QString *error);
    void parse(const QByteArray &text);

    // "ssh-ed25519 AAAA..." lines for host:port, in file order.
    QStringList keysFor(const QString &host, int port) const;

private:
    struct Entry
    {
        QString hosts; // the comma-separated pattern list, or a |1| hash
        QString key; // "type base64"
    };
    static bool matches(const QString &patterns, const QString &name);

    QList<Entry> m_entries;
};

} // namespace kiln::components

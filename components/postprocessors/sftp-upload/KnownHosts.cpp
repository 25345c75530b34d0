#include "components/postprocessors/sftp-upload/KnownHosts.h"

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

namespace kiln::components {

bool KnownHosts::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("known_hosts_file %1: %2").arg(path, file.errorString());
        return false;
    }
    parse(file.readAll());
    return true;
}

void KnownHosts::parse(const QByteArray &text)
{
    m_entries.clear();
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = line.split(QRegularExpression(QStringLiteral("\\s+")));
        if (fields.size() < 3 || fields[0].startsWith(QLatin1Char('@')))
            continue;
        m_entries.append({fields[0], fields[1] + QLatin1Char(' ') + fields[2]});
    }
}

bool KnownHosts::matches(const QString &patterns, const QString &name)
{
    if (patterns.startsWith(QLatin1String("|1|"))) {
        // HMAC-SHA1 of the name keyed with the salt, both base64 (OpenSSH hostfile.c).
        const QStringList parts = patterns.split(QLatin1Char('|'));
        if (parts.size() != 4)
            return false;
        const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
        const QByteArray mac
            = QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1);
        return mac == QByteArray::fromBase64(parts[3].toLatin1());
    }
    bool matched = false;
    for (const QString &raw : patterns.split(QLatin1Char(','))) {
        const bool negated = raw.startsWith(QLatin1Char('!'));
        const QString pattern = negated ? raw.mid(1) : raw;
        // OpenSSH patterns know only * and ?; brackets are literal ("[host]:2222").
        QString regex = QStringLiteral("\\A");
        for (const QChar c : pattern) {
            if (c == QLatin1Char('*'))
                regex += QStringLiteral(".*");
            else if (c == QLatin1Char('?'))
                regex += QLatin1Char('.');
            else
                regex += QRegularExpression::escape(QString(c));
        }
        regex += QStringLiteral("\\z");
        const QRegularExpression re(regex, QRegularExpression::CaseInsensitiveOption);
        if (re.match(name).hasMatch()) {
            if (negated)
                return false;
            matched = true;
        }
    }
    return matched;
}

QStringList KnownHosts::keysFor(const QString &host, int port) const
{
    const QString name
        = port == 22 ? host : QStringLiteral("[%1]:%2").arg(host, QString::number(port));
    QStringList keys;
    for (const Entry &e : m_entries)
        if (matches(e.hosts, name))
            keys << e.key;
    return keys;
}

} // namespace kiln::components

#include "engine/build/SecretFilter.h"

#include <algorithm>

namespace kiln::build {

void SecretFilter::add(const QString &secret)
{
    QStringList pieces { secret };
    if (secret.contains(QLatin1Char('\n'))) {
        for (const QString &line : secret.split(QLatin1Char('\n'))) {
            const QString trimmed = line.trimmed();
            // Lines like "-----END-----" framing a key are not secret; a short line inside a
            // key body gives nothing away either, and would only blank unrelated output.
            if (trimmed.size() >= 8 && !trimmed.startsWith(QLatin1String("-----")))
                pieces << trimmed;
        }
    }
    QWriteLocker lock(&m_lock);
    for (const QString &p : std::as_const(pieces)) {
        // An empty or blank "secret" would blank every space of the output and hide nothing.
        if (p.trimmed().isEmpty() || m_secrets.contains(p))
            continue;
        m_secrets << p;
    }
    std::stable_sort(m_secrets.begin(), m_secrets.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void SecretFilter::add(const QStringList &secrets)
{
    for (const QString &s : secrets)
        add(s);
}

bool SecretFilter::isEmpty() const
{
    QReadLocker lock(&m_lock);
    return m_secrets.isEmpty();
}

bool SecretFilter::isShort(const QString &secret)
{
    return secret.size() < 4;
}

bool SecretFilter::wordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

QString SecretFilter::scrub(const QString &text) const
{
    QReadLocker lock(&m_lock);
    if (m_secrets.isEmpty() || text.isEmpty())
        return text;
    // Fast path: most lines contain no secret at all.
    bool any = false;
    for (const QString &secret : m_secrets) {
        if (text.contains(secret)) {
            any = true;
            break;
        }
    }
    if (!any)
        return text;
    // One left-to-right pass over the original text, longest secret first at each
    // position: a placeholder already written is never matched again, whatever the
    // secrets look like ("sensitive", ">", ...).
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype matched = 0;
        for (const QString &secret : m_secrets) {
            if (!QStringView(text).mid(i).startsWith(secret))
                continue;
            if (isShort(secret)) {
                const qsizetype end = i + secret.size();
                const bool boundedLeft = i == 0 || !wordCharacter(text.at(i - 1)) || !wordCharacter(secret.front());
                const bool boundedRight = end >= text.size() || !wordCharacter(text.at(end)) || !wordCharacter(secret.back());
                if (!boundedLeft || !boundedRight)
                    continue;
            }
            matched = secret.size();
            break;
        }
        if (matched) {
            out += placeholder();
            i += matched;
        } else {
            out += text.at(i);
            ++i;
        }
    }
    return out;
}

} // namespace kiln::build

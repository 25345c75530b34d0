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
        if (p.isEmpty() || m_secrets.contains(p))
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
    QString out = text;
    for (const QString &secret : m_secrets) {
        if (!isShort(secret)) {
            out.replace(secret, placeholder());
            continue;
        }
        qsizetype from = 0;
        while ((from = out.indexOf(secret, from)) >= 0) {
            const qsizetype end = from + secret.size();
            const bool boundedLeft = from == 0 || !wordCharacter(out.at(from - 1))
                || !wordCharacter(secret.front());
            const bool boundedRight = end >= out.size() || !wordCharacter(out.at(end))
                || !wordCharacter(secret.back());
            // "<sensitive>" itself must never be matched again by a later short secret.
            const bool insidePlaceholder = from > 0 && out.at(from - 1) == QLatin1Char('<')
                && out.mid(from - 1, placeholder().size()) == placeholder();
            if (boundedLeft && boundedRight && !insidePlaceholder) {
                out.replace(from, secret.size(), placeholder());
                from += placeholder().size();
            } else {
                from = end;
            }
        }
    }
    return out;
}

} // namespace kiln::build

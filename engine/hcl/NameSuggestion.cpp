#include "engine/hcl/NameSuggestion.h"

#include <QList>
#include <algorithm>

namespace kiln::hcl {

namespace {

// Packer compares runes, not UTF-16 units, so a character outside the BMP counts once.
QList<char32_t> codePoints(const QString &s)
{
    QList<char32_t> out;
    out.reserve(s.size());
    for (char32_t c : s.toUcs4())
        out.append(c);
    return out;
}

} // namespace

int levenshteinDistance(const QString &a, const QString &b)
{
    const QList<char32_t> s = codePoints(a);
    const QList<char32_t> t = codePoints(b);
    if (s.isEmpty())
        return int(t.size());
    if (t.isEmpty())
        return int(s.size());

    // Two-row dynamic programme: row[j] is the distance between s[0..i) and t[0..j).
    QList<int> previous(t.size() + 1);
    QList<int> current(t.size() + 1);
    for (qsizetype j = 0; j <= t.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= s.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= t.size(); ++j) {
            const int substitution = previous[j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[t.size()];
}

QString nameSuggestion(const QString &given, const QStringList &candidates)
{
    // Threshold 3 is hcl's and Packer's ("determined experimentally").
    for (const QString &candidate : candidates) {
        if (levenshteinDistance(given, candidate) < 3)
            return candidate;
    }
    return {};
}

} // namespace kiln::hcl

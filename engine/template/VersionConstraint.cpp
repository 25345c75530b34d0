#include "engine/template/VersionConstraint.h"

#include <QRegularExpression>

namespace kiln::tmpl {

std::optional<SemVersion> SemVersion::parse(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^v?([0-9]+(?:\\.[0-9]+)*?)"
        "(-([0-9]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)|(-?([A-Za-z\\-~]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)))?"
        "(\\+([0-9A-Za-z\\-~]+(\\.[0-9A-Za-z\\-~]+)*))?$"));
    QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    SemVersion v;
    for (const QString &part : m.captured(1).split(QLatin1Char('.'))) {
        bool ok = false;
        v.segments << part.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
    }
    v.specifiedSegments = int(v.segments.size());
    while (v.segments.size() < 3)
        v.segments << 0;
    v.prerelease = !m.captured(3).isEmpty() ? m.captured(3) : m.captured(6);
    return v;
}

int SemVersion::compare(const SemVersion &other) const
{
    const qsizetype n = std::max(segments.size(), other.segments.size());
    for (qsizetype i = 0; i < n; ++i) {
        qint64 a = i < segments.size() ? segments[i] : 0;
        qint64 b = i < other.segments.size() ? other.segments[i] : 0;
        if (a != b)
            return a < b ? -1 : 1;
    }
    // A pre-release sorts before its release; two pre-releases compare by their
    // dot-separated parts, numeric parts numerically.
    if (prerelease == other.prerelease)
        return 0;
    if (prerelease.isEmpty())
        return 1;
    if (other.prerelease.isEmpty())
        return -1;
    const QStringList pa = prerelease.split(QLatin1Char('.'));
    const QStringList pb = other.prerelease.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < std::max(pa.size(), pb.size()); ++i) {
        if (i >= pa.size())
            return -1;
        if (i >= pb.size())
            return 1;
        bool na = false, nb = false;
        qint64 ia = pa[i].toLongLong(&na), ib = pb[i].toLongLong(&nb);
        if (na && nb) {
            if (ia != ib)
                return ia < ib ? -1 : 1;
        } else if (na != nb) {
            return na ? -1 : 1;
        } else if (pa[i] != pb[i]) {
            return pa[i] < pb[i] ? -1 : 1;
        }
    }
    return 0;
}

std::optional<VersionConstraint> VersionConstraint::parse(const QString &text)
{
    static const QRegularExpression termRe(QStringLiteral("^\\s*(=|!=|>=|<=|>|<|~>)?\\s*(\\S+)\\s*$"));
    VersionConstraint c;
    for (const QString &part : text.split(QLatin1Char(','))) {
        QRegularExpressionMatch m = termRe.match(part);
        if (!m.hasMatch())
            return std::nullopt;
        std::optional<SemVersion> v = SemVersion::parse(m.captured(2));
        if (!v)
            return std::nullopt;
        c.m_terms.append({m.captured(1).isEmpty() ? QStringLiteral("=") : m.captured(1), *v});
    }
    return c;
}

bool VersionConstraint::checkTerm(const Term &term, const SemVersion &v)
{
    const SemVersion &c = term.version;
    const bool vPre = !v.prerelease.isEmpty();
    const bool cPre = !c.prerelease.isEmpty();
    // go-version: a pre-release version only satisfies constraints naming a
    // pre-release of the same base version.
    if (vPre && (!cPre || c.segments != v.segments))
        return false;
    const int cmp = v.compare(c);
    if (term.op == QLatin1String("="))
        return cmp == 0;
    if (term.op == QLatin1String("!="))
        return cmp != 0;
    if (term.op == QLatin1String(">"))
        return cmp > 0;
    if (term.op == QLatin1String("<"))
        return cmp < 0;
    if (term.op == QLatin1String(">="))
        return cmp >= 0;
    if (term.op == QLatin1String("<="))
        return cmp <= 0;
    // ~>: at least the constraint, and the same leading segments except the last written one.
    if (cmp < 0)
        return false;
    const int cs = c.specifiedSegments;
    for (int i = 0; i < cs - 1; ++i)
        if (v.segments[i] != c.segments[i])
            return false;
    return c.segments[cs - 1] <= v.segments[cs - 1];
}

bool VersionConstraint::check(const SemVersion &version) const
{
    for (const Term &t : m_terms)
        if (!checkTerm(t, version))
            return false;
    return true;
}

} // namespace kiln::tmpl

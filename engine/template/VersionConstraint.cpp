#include "engine/template/VersionConstraint.h"

#include <algorithm>

namespace kiln::tmpl {

namespace {

// go-version's identifier characters in pre-release and metadata parts.
bool identifierChar(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
        || c == u'-' || c == u'~';
}

bool digit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Dot-separated, non-empty identifier parts from `pos`; false when a part is empty.
bool identifiers(QStringView text, qsizetype &pos)
{
    while (true) {
        const qsizetype start = pos;
        while (pos < text.size() && identifierChar(text[pos]))
            ++pos;
        if (pos == start)
            return false;
        if (pos == text.size() || text[pos] != u'.')
            return true;
        ++pos;
    }
}

} // namespace

std::optional<SemVersion> SemVersion::parse(const QString &text)
{
    // go-version's pattern, read by hand (a regular expression cost a JIT compilation
    // at every start of `kiln validate`):
    //   v? N(.N)* ( -PRE | -?ALPHA_PRE )? ( +META )?
    // where PRE starts with a digit and ALPHA_PRE with [A-Za-z-~], all dot-separated
    // identifiers; tests/engine/template/tst_versionconstraint checks it against the pattern.
    const QString trimmed = text.trimmed();
    const QStringView t(trimmed);
    qsizetype pos = 0;
    if (pos < t.size() && t[pos] == u'v')
        ++pos;
    SemVersion v;
    while (true) {
        const qsizetype start = pos;
        while (pos < t.size() && digit(t[pos]))
            ++pos;
        if (pos == start)
            return std::nullopt;
        bool ok = false;
        v.segments << t.mid(start, pos - start).toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        if (pos + 1 < t.size() && t[pos] == u'.' && digit(t[pos + 1]))
            ++pos;
        else
            break;
    }
    if (pos < t.size() && t[pos] != u'+') {
        // A pre-release. After '-': its identifiers, or when none follows, the '-' itself
        // starts them ("1-" has the pre-release "-"). Without '-': identifiers starting
        // with a letter or '~'.
        qsizetype start = pos;
        if (t[pos] == u'-') {
            if (pos + 1 < t.size() && identifierChar(t[pos + 1]))
                start = ++pos;
        } else if (digit(t[pos]) || !identifierChar(t[pos])) {
            return std::nullopt;
        }
        if (!identifiers(t, pos))
            return std::nullopt;
        v.prerelease = t.mid(start, pos - start).toString();
    }
    if (pos < t.size() && t[pos] == u'+') {
        ++pos;
        if (!identifiers(t, pos))
            return std::nullopt;
    }
    if (pos != t.size())
        return std::nullopt;
    v.specifiedSegments = int(v.segments.size());
    while (v.segments.size() < 3)
        v.segments << 0;
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
    // Each term: optional spaces, an operator (= != >= <= > < ~>, "=" when none),
    // optional spaces, a version without spaces, optional spaces.
    static const char *const operators[] = {"!=", ">=", "<=", "~>", "=", ">", "<"};
    VersionConstraint c;
    for (const QString &part : text.split(QLatin1Char(','))) {
        QStringView term = QStringView(part).trimmed();
        QString op = QStringLiteral("=");
        for (const char *candidate : operators) {
            if (term.startsWith(QLatin1String(candidate))) {
                op = QLatin1String(candidate);
                term = term.mid(op.size()).trimmed();
                break;
            }
        }
        if (term.isEmpty()
            || std::any_of(term.begin(), term.end(), [](QChar ch) { return ch.isSpace(); }))
            return std::nullopt;
        std::optional<SemVersion> v = SemVersion::parse(term.toString());
        if (!v)
            return std::nullopt;
        c.m_terms.append({op, *v});
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

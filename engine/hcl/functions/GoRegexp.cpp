#include "engine/hcl/functions/GoRegexp.h"

namespace kiln::hcl::functions {

namespace {

    bool isDigit(QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); }
    bool isWordChar(QChar c)
    {
        return isDigit(c) || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || c == QLatin1Char('_');
    }

    // Rewrites an RE2 pattern into the PCRE2 pattern with the same meaning, or
    // reports what RE2 would reject.
    std::optional<QString> translate(const QString &p, GoRegexp::SyntaxError *error)
    {
        static const QRegularExpression multiLineFlag(QStringLiteral("\\(\\?[a-zA-Z]*m[a-zA-Z]*[:)]"));
        const bool multiLine = multiLineFlag.match(p).hasMatch();
        QString out;
        bool inClass = false;
        for (qsizetype i = 0; i < p.size(); ++i) {
            const QChar c = p[i];
            if (c == QLatin1Char('\\') && i + 1 < p.size()) {
                const QChar n = p[i + 1];
                if (!inClass && ((isDigit(n) && n != QLatin1Char('0')) || n == QLatin1Char('Z') || n == QLatin1Char('g') || n == QLatin1Char('k'))) {
                    *error = {QStringLiteral("invalid escape sequence"), p.mid(i, 2)};
                    return std::nullopt;
                }
                out += c;
                out += n;
                ++i;
                continue;
            }
            if (inClass) {
                if (c == QLatin1Char(']'))
                    inClass = false;
                out += c;
                continue;
            }
            if (c == QLatin1Char('[')) {
                inClass = true;
                out += c;
                // A ']' right after '[' or '[^' is a literal member.
                if (i + 1 < p.size() && p[i + 1] == QLatin1Char('^')) {
                    out += p[++i];
                }
                if (i + 1 < p.size() && p[i + 1] == QLatin1Char(']'))
                    out += p[++i];
                continue;
            }
            if (c == QLatin1Char('(') && p.mid(i, 2) == QLatin1String("(?")) {
                const QString head = p.mid(i, 4);
                if (head.startsWith(QLatin1String("(?=")) || head.startsWith(QLatin1String("(?!")) || head.startsWith(QLatin1String("(?>"))
                    || head.startsWith(QLatin1String("(?#")) || head.startsWith(QLatin1String("(?|")) || head.startsWith(QLatin1String("(?<="))
                    || head.startsWith(QLatin1String("(?<!")) || head.startsWith(QLatin1String("(?P="))
                    || head.startsWith(QLatin1String("(?P>")) || head.startsWith(QLatin1String("(?R")) || head.startsWith(QLatin1String("(?&"))) {
                    *error = {QStringLiteral("invalid or unsupported Perl syntax"), p.mid(i, 3)};
                    return std::nullopt;
                }
            }
            if ((c == QLatin1Char('*') || c == QLatin1Char('+') || c == QLatin1Char('?') || c == QLatin1Char('}')) && i + 1 < p.size()
                && p[i + 1] == QLatin1Char('+')) {
                *error = {QStringLiteral("invalid nested repetition operator"), p.mid(i, 2)};
                return std::nullopt;
            }
            if (c == QLatin1Char('$') && !multiLine) {
                // RE2's `$` is end of text; PCRE2's also matches before a final newline.
                out += QLatin1String("\\z");
                continue;
            }
            out += c;
        }
        return out;
    }

    GoRegexp::SyntaxError fromPcre(const QRegularExpression &re, const QString &pattern)
    {
        const QString msg = re.errorString();
        if (msg.contains(QLatin1String("missing closing parenthesis")))
            return {QStringLiteral("missing closing )"), pattern};
        if (msg.contains(QLatin1String("unmatched closing parenthesis")))
            return {QStringLiteral("unexpected )"), pattern};
        if (msg.contains(QLatin1String("missing terminating ]"))) {
            const qsizetype open = pattern.lastIndexOf(QLatin1Char('['));
            return {QStringLiteral("missing closing ]"), pattern.mid(open < 0 ? 0 : open)};
        }
        if (msg.contains(QLatin1String("quantifier does not follow a repeatable item"))) {
            const qsizetype at = re.patternErrorOffset();
            return {QStringLiteral("missing argument to repetition operator"), pattern.mid(at > 0 ? at - 1 : 0, 1)};
        }
        if (msg.contains(QLatin1String("\\ at end of pattern")))
            return {QStringLiteral("trailing backslash at end of expression"), QString()};
        return {msg, pattern};
    }

} // namespace

std::optional<GoRegexp> GoRegexp::compile(const QString &pattern, SyntaxError *error)
{
    std::optional<QString> translated = translate(pattern, error);
    if (!translated)
        return std::nullopt;
    GoRegexp g;
    g.re = QRegularExpression(*translated);
    if (!g.re.isValid()) {
        *error = fromPcre(g.re, pattern);
        return std::nullopt;
    }
    return g;
}

QStringList GoRegexp::groupNames() const
{
    QStringList names = re.namedCaptureGroups();
    names.removeFirst();
    while (names.size() < re.captureCount())
        names.append(QString());
    return names;
}

QList<qsizetype> GoRegexp::matchAt(const QString &s, qsizetype pos) const
{
    QRegularExpressionMatch m = re.match(s, pos);
    if (!m.hasMatch())
        return {};
    QList<qsizetype> spans;
    for (int g = 0; g <= re.captureCount(); ++g) {
        const qsizetype st = m.capturedStart(g);
        spans << st << (st < 0 ? -1 : m.capturedEnd(g));
    }
    return spans;
}

static qsizetype charWidth(const QString &s, qsizetype pos)
{
    if (pos >= s.size())
        return 0;
    return (s[pos].isHighSurrogate() && pos + 1 < s.size() && s[pos + 1].isLowSurrogate()) ? 2 : 1;
}

QList<QList<qsizetype>> GoRegexp::findAll(const QString &s, int limit) const
{
    // Go's allMatches: an empty match directly after the previous match is dropped.
    QList<QList<qsizetype>> out;
    qsizetype pos = 0, prevEnd = -1;
    while (pos <= s.size() && (limit < 0 || out.size() < limit)) {
        const QList<qsizetype> m = matchAt(s, pos);
        if (m.isEmpty())
            break;
        bool accept = true;
        if (m[1] == pos) {
            if (m[0] == prevEnd)
                accept = false;
            const qsizetype w = charWidth(s, pos);
            pos += w > 0 ? w : 1;
        } else {
            pos = m[1];
        }
        prevEnd = m[1];
        if (accept)
            out.append(m);
    }
    return out;
}

QString GoRegexp::expand(const QString &repl, const QString &s, const QList<qsizetype> &m) const
{
    const QStringList names = groupNames();
    auto group = [&](const QString &name) -> QString {
        int idx = -1;
        bool isNum = !name.isEmpty();
        for (QChar c : name)
            isNum = isNum && isDigit(c);
        if (isNum) {
            bool ok = false;
            idx = name.toInt(&ok);
            if (!ok)
                idx = -1;
        } else {
            idx = int(names.indexOf(name)) + 1;
            if (idx == 0)
                idx = -1;
        }
        if (idx < 0 || 2 * idx + 1 >= m.size() || m[2 * idx] < 0)
            return QString();
        return s.mid(m[2 * idx], m[2 * idx + 1] - m[2 * idx]);
    };
    QString out;
    for (qsizetype i = 0; i < repl.size(); ++i) {
        if (repl[i] != QLatin1Char('$') || i + 1 >= repl.size()) {
            out += repl[i];
            continue;
        }
        if (repl[i + 1] == QLatin1Char('$')) {
            out += QLatin1Char('$');
            ++i;
            continue;
        }
        if (repl[i + 1] == QLatin1Char('{')) {
            const qsizetype close = repl.indexOf(QLatin1Char('}'), i + 2);
            const QString name = close < 0 ? QString() : repl.mid(i + 2, close - i - 2);
            bool valid = !name.isEmpty();
            for (QChar c : name)
                valid = valid && isWordChar(c);
            if (!valid) { // Go copies a malformed reference literally
                out += repl[i];
                continue;
            }
            out += group(name);
            i = close;
            continue;
        }
        qsizetype j = i + 1;
        while (j < repl.size() && isWordChar(repl[j]))
            ++j;
        if (j == i + 1) {
            out += repl[i];
            continue;
        }
        out += group(repl.mid(i + 1, j - i - 1));
        i = j - 1;
    }
    return out;
}

QString GoRegexp::replaceAll(const QString &s, const QString &repl) const
{
    // Go's replaceAll loop, including its rule that an empty match right after
    // a previous match is not replaced.
    QString out;
    qsizetype lastEnd = 0, searchPos = 0;
    while (searchPos <= s.size()) {
        const QList<qsizetype> m = matchAt(s, searchPos);
        if (m.isEmpty())
            break;
        out += s.mid(lastEnd, m[0] - lastEnd);
        if (m[1] > lastEnd || m[0] == 0)
            out += expand(repl, s, m);
        lastEnd = m[1];
        const qsizetype w = charWidth(s, searchPos);
        if (searchPos + w > m[1])
            searchPos += w;
        else if (searchPos + 1 > m[1])
            searchPos++;
        else
            searchPos = m[1];
    }
    out += s.mid(lastEnd);
    return out;
}

} // namespace kiln::hcl::functions

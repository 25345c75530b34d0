#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace kiln::hcl::functions {

// Go's regexp (RE2 syntax) on top of QRegularExpression (PCRE2). The syntax RE2
// has is a subset of PCRE2's, so the job here is to reject what RE2 rejects
// (look-around, back-references, possessive and atomic groups, \Z) with Go's
// messages, to give `$` its RE2 meaning (end of text unless (?m)), and to
// reproduce Go's iteration over successive matches and its `$name` replacement
// expansion. Known limit: RE2's Unicode class names (\pL, \p{Greek}) are those
// PCRE2 supports, and error texts for malformed patterns other than the common
// cases below are PCRE2's.
class GoRegexp
{
public:
    struct SyntaxError
    {
        QString code; // e.g. "missing closing )"
        QString expr; // the offending part of the pattern
        // Go's error text: "error parsing regexp: <code>: `<expr>`"
        QString text() const { return QStringLiteral("error parsing regexp: %1: `%2`").arg(code, expr); }
    };

    static std::optional<GoRegexp> compile(const QString &pattern, SyntaxError *error);

    // Names of the capture groups 1..n ("" for unnamed ones), as SubexpNames()[1:].
    QStringList groupNames() const;

    // Spans (start, end) of the whole match and every group for each match, as
    // FindAllStringSubmatchIndex (UTF-16 offsets; -1 for groups that did not take part).
    QList<QList<qsizetype>> findAll(const QString &s, int limit = -1) const;

    // ReplaceAllString: `$1`, `${1}`, `$name`, `${name}` and `$$` in repl.
    QString replaceAll(const QString &s, const QString &repl) const;

private:
    QList<qsizetype> matchAt(const QString &s, qsizetype pos) const;
    QString expand(const QString &repl, const QString &s, const QList<qsizetype> &m) const;
    QRegularExpression re;
};

} // namespace kiln::hcl::functions

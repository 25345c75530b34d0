#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace kiln::tmpl {

// A version as hashicorp/go-version reads it: numeric segments, an optional
// pre-release and metadata ("1.11.0", "v1.2", "1.0.0-beta1+abc").
struct SemVersion
{
    QList<qint64> segments; // always at least three, padded with zeros
    int specifiedSegments = 0; // how many were written (for ~>)
    QString prerelease;

    static std::optional<SemVersion> parse(const QString &text);
    int compare(const SemVersion &other) const;
};

// A go-version constraint list: comma-separated `op version` terms, all of which
// must hold. Operators: = != > < >= <= ~> (pessimistic).
class VersionConstraint
{
public:
    static std::optional<VersionConstraint> parse(const QString &text);
    bool check(const SemVersion &version) const;

private:
    struct Term
    {
        QString op;
        SemVersion version;
    };
    static bool checkTerm(const Term &term, const SemVersion &v);
    QList<Term> m_terms;
};

} // namespace kiln::tmpl

#pragma once

#include "engine/hcl/SourceRange.h"

#include <QList>
#include <QString>

#include <optional>

namespace kiln::hcl {

enum class Severity { Error, Warning };

// One problem found in a template, as hcl.Diagnostic: a one-line summary, an
// optional longer detail, and where it is. `subject` is the exact range to
// underline; `context` an enclosing range that helps to read it (may be empty).
struct Diagnostic
{
    Severity severity = Severity::Error;
    QString summary;
    QString detail;
    std::optional<SourceRange> subject;
    std::optional<SourceRange> context;

    static Diagnostic error(QString summary, QString detail = {},
                            std::optional<SourceRange> subject = std::nullopt)
    {
        return {Severity::Error, std::move(summary), std::move(detail), std::move(subject), std::nullopt};
    }
    static Diagnostic warning(QString summary, QString detail = {},
                              std::optional<SourceRange> subject = std::nullopt)
    {
        return {Severity::Warning, std::move(summary), std::move(detail), std::move(subject), std::nullopt};
    }
};

class Diagnostics : public QList<Diagnostic>
{
public:
    using QList<Diagnostic>::QList;

    bool hasErrors() const
    {
        for (const auto &d : *this)
            if (d.severity == Severity::Error)
                return true;
        return false;
    }
    int errorCount() const
    {
        int n = 0;
        for (const auto &d : *this)
            n += d.severity == Severity::Error;
        return n;
    }
    Diagnostics &operator+=(const Diagnostics &other)
    {
        append(other);
        return *this;
    }
    Diagnostics &operator+=(const Diagnostic &d)
    {
        append(d);
        return *this;
    }
};

} // namespace kiln::hcl

#pragma once

#include "app/cli/export/TemplateSummary.h"

#include <QString>

namespace kiln::cli {

// What a CI job runs the template with: HashiCorp Packer, or Kiln itself (needed when
// the template uses Kiln's own components). The commands are the same shape for both;
// only installing and `init` differ.
class CiRunner
{
public:
    enum class Kind { Packer, Kiln };

    explicit CiRunner(Kind kind)
        : m_kind(kind)
    { }
    static bool fromName(const QString &name, Kind *kind);

    Kind kind() const { return m_kind; }
    QString name() const
    {
        return m_kind == Kind::Kiln ? QStringLiteral("kiln") : QStringLiteral("packer");
    }
    // Packer installs the template's required plugins with `init`; Kiln's components are built in.
    bool needsInit(const TemplateSummary &t) const { return m_kind == Kind::Packer && !t.legacy; }

    // Shell command lines (POSIX sh) with `binary` as the program, reading the template path
    // from $TEMPLATE and the build name from $TARGET. Legacy JSON templates do not read
    // PKR_VAR_*, so each variable the CI sets becomes a -var flag, and one it leaves empty
    // keeps the template's default.
    QString initCommand(const QString &binary) const;
    QString validateCommand(const QString &binary, const TemplateSummary &t) const;
    QString buildCommand(const QString &binary, const TemplateSummary &t) const;

private:
    static QString legacyVarFlags(const TemplateSummary &t);

    Kind m_kind;
};

} // namespace kiln::cli

#include "app/cli/export/CiRunner.h"

namespace kiln::cli {

bool CiRunner::fromName(const QString &name, Kind *kind)
{
    if (name == QLatin1String("packer"))
        *kind = Kind::Packer;
    else if (name == QLatin1String("kiln"))
        *kind = Kind::Kiln;
    else
        return false;
    return true;
}

QString CiRunner::legacyVarFlags(const TemplateSummary &t)
{
    if (!t.legacy)
        return {};
    QString flags;
    // ${V:+"-var=name=$V"}: one argument when V is set and not empty, none otherwise.
    for (const CiVariable &v : t.variables)
        flags += QStringLiteral(" ${%1:+\"-var=%2=${%1}\"}").arg(v.envName, v.name);
    return flags;
}

QString CiRunner::initCommand(const QString &binary) const
{
    return QStringLiteral("%1 init \"$TEMPLATE\"").arg(binary);
}

QString CiRunner::validateCommand(const QString &binary, const TemplateSummary &t) const
{
    return QStringLiteral("%1 validate%2 \"$TEMPLATE\"").arg(binary, legacyVarFlags(t));
}

QString CiRunner::buildCommand(const QString &binary, const TemplateSummary &t) const
{
    return QStringLiteral("%1 build -only=\"$TARGET\"%2 \"$TEMPLATE\"")
        .arg(binary, legacyVarFlags(t));
}

} // namespace kiln::cli

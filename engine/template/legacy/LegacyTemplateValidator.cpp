#include "engine/template/legacy/LegacyTemplateValidator.h"

#include "engine/template/VersionConstraint.h"

namespace kiln::tmpl::legacy {

using hcl::Diagnostic;
using hcl::Diagnostics;

namespace {

// OnlyExcept.Validate, with the caller's "provisioner 1: " style prefix.
void validateOnlyExcept(const LegacyTemplate &t, const LegacyOnlyExcept &oe, const QString &prefix,
                        const SourceRange &fallback, Diagnostics &diags)
{
    if (!oe.only.isEmpty() && !oe.except.isEmpty()) {
        diags += Diagnostic::error(prefix + QStringLiteral("only one of 'only' or 'except' may be specified"),
                                   {}, oe.exceptRange.isValid() ? oe.exceptRange : fallback);
        return;
    }
    for (const QString &n : oe.only)
        if (!t.builder(n))
            diags += Diagnostic::error(prefix + QStringLiteral("'only' specified builder '%1' not found").arg(n),
                                       {}, oe.onlyRange.isValid() ? oe.onlyRange : fallback);
    for (const QString &n : oe.except)
        if (!t.builder(n))
            diags += Diagnostic::error(prefix + QStringLiteral("'except' specified builder '%1' not found").arg(n),
                                       {}, oe.exceptRange.isValid() ? oe.exceptRange : fallback);
}

// go-version's String(): segments padded to three, then -prerelease.
QString versionString(const SemVersion &v)
{
    QStringList parts;
    for (qint64 s : v.segments)
        parts << QString::number(s);
    QString out = parts.join(QLatin1Char('.'));
    if (!v.prerelease.isEmpty())
        out += QLatin1Char('-') + v.prerelease;
    return out;
}

} // namespace

Diagnostics LegacyTemplateValidator::validateStructure(const LegacyTemplate &t)
{
    Diagnostics diags;
    if (t.builders.isEmpty())
        diags += Diagnostic::error(QStringLiteral("at least one builder must be defined"));

    int i = 0;
    for (const LegacyProvisioner &p : t.provisioners) {
        const QString prefix = QStringLiteral("provisioner %1: ").arg(++i);
        validateOnlyExcept(t, p.onlyExcept, prefix, p.raw.openRange(), diags);
        if (p.override.isObject())
            for (const auto &m : p.override.members())
                if (!t.builder(m.key) && p.override.last(m.key) == &m)
                    diags += Diagnostic::error(prefix + QStringLiteral("override '%1' doesn't exist").arg(m.key),
                                               {}, m.keyRange);
    }

    i = 0;
    for (const QList<LegacyPostProcessor> &chain : t.postProcessors) {
        ++i;
        int j = 0;
        for (const LegacyPostProcessor &pp : chain) {
            const QString prefix = QStringLiteral("post-processor %1.%2: ").arg(i).arg(++j);
            validateOnlyExcept(t, pp.onlyExcept, prefix, pp.range, diags);
        }
    }
    return diags;
}

Diagnostics LegacyTemplateValidator::checkMinVersion(const LegacyTemplate &t, const QString &runningVersion)
{
    Diagnostics diags;
    if (t.minVersion.isEmpty())
        return diags;
    const std::optional<SemVersion> running = SemVersion::parse(runningVersion);
    const std::optional<SemVersion> minimum = SemVersion::parse(t.minVersion);
    if (!minimum) {
        diags += Diagnostic::error(
            QStringLiteral("min_version is invalid: Malformed version: %1").arg(t.minVersion), {},
            t.minVersionRange);
        return diags;
    }
    if (running && running->compare(*minimum) < 0) {
        diags += Diagnostic::error(QStringLiteral("This template requires Packer version %1 or higher; using %2")
                                       .arg(versionString(*minimum), versionString(*running)),
                                   {}, t.minVersionRange);
    }
    return diags;
}

Diagnostics LegacyTemplateValidator::validate(const LegacyTemplate &t, const QString &runningVersion)
{
    // Packer stops at template.Validate's errors before looking at the version.
    Diagnostics diags = validateStructure(t);
    if (diags.hasErrors())
        return diags;
    return checkMinVersion(t, runningVersion);
}

} // namespace kiln::tmpl::legacy

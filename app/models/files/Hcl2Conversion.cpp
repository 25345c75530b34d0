#include "app/models/files/Hcl2Conversion.h"

#include "engine/registry/Registry.h"
#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/upgrade/Hcl2Upgrader.h"

#include <QFileInfo>

namespace kiln::models {

Hcl2Conversion Hcl2Conversion::run(const QString &jsonText, const QString &templatePath,
    const registry::Registry &registry, bool withAnnotations)
{
    Hcl2Conversion result;
    const QString absolute = QFileInfo(templatePath).absoluteFilePath();
    result.suggestedPath = absolute + QLatin1String(".pkr.hcl");
    const tmpl::legacy::LegacyParseResult parsed
        = tmpl::legacy::LegacyTemplateParser::parse(jsonText.toUtf8(), absolute);
    if (parsed.diagnostics.hasErrors()) {
        result.diagnostics = parsed.diagnostics;
        return result;
    }
    tmpl::upgrade::UpgradeOptions options;
    options.withAnnotations = withAnnotations;
    for (const QString &type : registry.typeNames(registry::ComponentKind::Builder))
        options.knownBuilders.insert(type);
    const tmpl::upgrade::UpgradeResult r
        = tmpl::upgrade::Hcl2Upgrader::upgrade(parsed.tmpl, jsonText, options);
    result.text = QString::fromUtf8(r.output);
    result.errors = r.errors;
    return result;
}

} // namespace kiln::models

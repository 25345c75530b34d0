#pragma once

#include "app/cli/export/TemplateSummary.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kiln::registry {
class Registry;
}

namespace kiln::cli {

// The template itself for HashiCorp Packer: HCL2 normalised as `packer fmt` writes it
// (.pkr.json files converted to native syntax, a legacy JSON template upgraded as
// `packer hcl2_upgrade` does), or JSON (HCL's JSON syntax for HCL2 templates, the legacy
// format for legacy ones). Blocks using Kiln's own components get a comment saying
// Packer lacks them, and a warning each; defaults of sensitive variables are left out.
class TemplateExporter
{
public:
    enum class Format { Hcl, Json };
    static bool formatFromName(const QString &name, Format *format);

    struct Result
    {
        QByteArray text;
        QStringList warnings;
        QString error;
    };
    // `legacy`: the template at `path` is a legacy JSON template (TemplateLoader::kindOf).
    static Result exportTemplate(
        const QString &path, bool legacy, Format format, const registry::Registry &registry);

    // A variables file with the non-sensitive defaults: .pkrvars.hcl for Hcl; for Json a
    // .pkrvars.json (HCL2) or a legacy -var-file (an object of strings).
    static QByteArray variablesFile(const TemplateSummary &summary, Format format);

private:
    static Result hclFromHcl2(const QString &path, const registry::Registry &registry);
    static Result jsonFromHcl2(const QString &path);
    static Result hclFromLegacy(const QString &path, const registry::Registry &registry);
    static Result jsonFromLegacy(const QString &path);
};

} // namespace kiln::cli

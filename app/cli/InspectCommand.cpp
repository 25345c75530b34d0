#include "app/cli/InspectCommand.h"

#include "app/cli/CommandFlags.h"
#include "engine/template/TemplateInspector.h"
#include "engine/template/TemplateLoader.h"
#include "engine/template/legacy/LegacyTemplateParser.h"

#include <algorithm>

namespace kiln::cli {

namespace {

const char *helpText = R"(Usage: kiln inspect TEMPLATE

  Inspects a template, parsing and outputting the components a template
  defines. This does not validate the contents of a template (other than
  basic syntax by necessity).

Options:

  -machine-readable  Machine-readable output)";

int inspectLegacy(const QString &path, CommandUi &ui)
{
    using namespace tmpl::legacy;
    LegacyParseResult parsed = LegacyTemplateParser::parseFile(path);
    if (parsed.diagnostics.hasErrors()) {
        QStringList errors;
        for (const hcl::Diagnostic &d : parsed.diagnostics)
            if (d.severity == hcl::Severity::Error)
                errors << d.summary;
        ui.error(QStringLiteral("Failed to parse file as legacy JSON template: if you are using an HCL template, check "
                                "your file extensions; they should be either *.pkr.hcl or *.pkr.json; see the docs for "
                                "more details: https://www.packer.io/docs/templates/hcl_templates. \nOriginal error: ")
                 + errors.join(QLatin1Char('\n')));
        return 1;
    }
    const LegacyTemplate &t = parsed.tmpl;
    ui.say(QStringLiteral("Packer Inspect: JSON mode"));
    if (!t.description.isEmpty()) {
        ui.say(QStringLiteral("Description:\n"));
        ui.say(t.description + QLatin1Char('\n'));
    }
    // A default equal to a sensitive variable's default is shown as <sensitive>.
    QStringList sensitiveDefaults;
    for (const LegacyVariable &v : t.variables)
        if (t.sensitiveVariables.contains(v.name))
            sensitiveDefaults << v.defaultValue;
    if (t.variables.isEmpty()) {
        ui.say(QStringLiteral("Variables:\n"));
        ui.say(QStringLiteral("  <No variables>"));
    } else {
        QList<LegacyVariable> vars = t.variables;
        std::sort(vars.begin(), vars.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
        qsizetype width = 0;
        bool requiredHeader = false;
        for (const LegacyVariable &v : vars) {
            width = std::max(width, v.name.size());
            if (!v.required)
                continue;
            if (!requiredHeader) {
                requiredHeader = true;
                ui.say(QStringLiteral("Required variables:\n"));
            }
            ui.say(QStringLiteral("  ") + v.name);
        }
        if (requiredHeader)
            ui.say(QString());
        ui.say(QStringLiteral("Optional variables and their defaults:\n"));
        for (const LegacyVariable &v : vars) {
            if (v.required)
                continue;
            const QString shown = sensitiveDefaults.contains(v.defaultValue) ? QStringLiteral("<sensitive>") : v.defaultValue;
            ui.say(QStringLiteral("  %1 = %2").arg(v.name.leftJustified(width), shown));
        }
    }
    ui.say(QString());
    ui.say(QStringLiteral("Builders:\n"));
    if (t.builders.isEmpty()) {
        ui.say(QStringLiteral("  <No builders>"));
    } else {
        QList<LegacyBuilder> builders = t.builders;
        std::sort(builders.begin(), builders.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
        qsizetype width = 0;
        for (const LegacyBuilder &b : builders)
            width = std::max(width, b.name.size());
        for (const LegacyBuilder &b : builders) {
            QString line = QStringLiteral("  ") + b.name.leftJustified(width);
            if (b.name != b.type)
                line += QStringLiteral(" (%1)").arg(b.type);
            ui.say(line);
        }
    }
    ui.say(QString());
    ui.say(QStringLiteral("Provisioners:\n"));
    if (t.provisioners.isEmpty())
        ui.say(QStringLiteral("  <No provisioners>"));
    for (const LegacyProvisioner &p : t.provisioners)
        ui.say(QStringLiteral("  ") + p.type);
    ui.say(QStringLiteral("\nNote: If your build names contain user variables or template\n"
                          "functions such as 'timestamp', these are processed at build time,\n"
                          "and therefore only show in their raw form here."));
    return 0;
}

int runInspect(const QStringList &argv, CommandIo &io)
{
    bool machineReadable = false;
    QStringList only, except;
    QList<tmpl::VarSetting> vars;
    CommandFlags flags;
    flags.addBool(QStringLiteral("machine-readable"), &machineReadable);
    flags.addTemplateFlags(&only, &except, &vars);
    QString error;
    const bool ok = flags.parse(argv, &error);
    CommandUi ui(io, machineReadable);
    if (!ok) {
        ui.error(error);
        ui.say(QString::fromUtf8(helpText));
        return 1;
    }
    if (flags.remaining().size() != 1) {
        ui.say(QString::fromUtf8(helpText));
        return 1;
    }
    const QString path = flags.remaining().first();
    if (tmpl::TemplateLoader::kindOf(path) == tmpl::TemplateKind::LegacyJson)
        return inspectLegacy(path, ui);

    tmpl::LoadOptions options;
    options.path = path;
    options.varSettings = vars;
    hcl::Diagnostics diags;
    tmpl::Template tpl = tmpl::TemplateLoader::parse(options, diags);
    if (ui.writeDiagnostics(diags, tpl.files))
        return 1;
    // As Packer: problems found while initializing do not stop inspect.
    tmpl::TemplateLoader::initialize(tpl);
    ui.setSecrets(tpl.secrets());
    ui.say(QStringLiteral("Packer Inspect: HCL2 mode\n"));
    ui.say(tmpl::TemplateInspector::variablesText(tpl));
    ui.say(tmpl::TemplateInspector::buildsText(tpl));
    return 0;
}

} // namespace

Command inspectCommand()
{
    return {QStringLiteral("inspect"), QStringLiteral("see components of a template"), runInspect};
}

} // namespace kiln::cli

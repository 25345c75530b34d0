#include "app/cli/ValidateCommand.h"

#include "app/cli/CommandFlags.h"
#include "engine/build/LegacyPlanning.h"
#include "engine/build/PlanValidation.h"
#include "engine/registry/DidYouMean.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/TemplateLoader.h"
#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/legacy/LegacyTemplateValidator.h"

#include <algorithm>
#include <utility>

namespace kiln::cli {

namespace {

const char *helpText = R"(Usage: kiln validate [options] TEMPLATE

  Checks the template is valid by parsing the template and also
  checking the configuration with the various builders, provisioners, etc.

  If it is not valid, the errors will be shown and the command will exit
  with a non-zero exit status. If it is valid, it will exit with a zero
  exit status.

Options:

  -syntax-only                  Only check syntax. Do not verify config of the template.
  -except=foo,bar,baz           Validate all builds other than these.
  -only=foo,bar,baz             Validate only these builds.
  -machine-readable             Produce machine-readable output.
  -var 'key=value'              Variable for templates, can be used multiple times.
  -var-file=path                JSON or HCL2 file containing user variables, can be used multiple times.
  -no-warn-undeclared-var       Disable warnings for user variable files containing undeclared variables.
  -evaluate-datasources         Evaluate data sources during validation (HCL2 only, may incur costs); Defaults to false.)";

struct ValidateArgs
{
    bool syntaxOnly = false;
    bool noWarnUndeclaredVar = false;
    bool evaluateDatasources = false;
    bool machineReadable = false;
    QStringList only;
    QStringList except;
    QList<tmpl::VarSetting> vars;
    QString path;
};

QString unknownComponent(const QString &kind, const QString &type, const QStringList &known)
{
    const QString suggestion = registry::nameSuggestion(type, known);
    if (!suggestion.isEmpty())
        return QStringLiteral("Did you mean to use \"%1\"?").arg(suggestion);
    return QStringLiteral(
        "The %1 %2 is unknown by Packer, and is likely part of a plugin that is not installed.\n"
        "You may find the needed plugin along with installation instructions documented on the "
        "Packer integrations "
        "page.\n\nhttps://developer.hashicorp.com/packer/integrations?filter=%3")
        .arg(kind, type, type.split(QLatin1Char('-')).first());
}

// hashicorp/go-multierror's list format.
QString multiErrorText(const QStringList &errors)
{
    if (errors.size() == 1)
        return QStringLiteral("1 error occurred:\n\t* %1\n\n").arg(errors.first());
    QStringList points;
    for (const QString &e : errors)
        points << QStringLiteral("* ") + e;
    return QStringLiteral("%1 errors occurred:\n\t%2\n\n")
        .arg(errors.size())
        .arg(points.join(QStringLiteral("\n\t")));
}

// The plugin SDK's config decoder: keys the component does not know.
void unknownKeys(const hcl::json::JsonValue &config, const registry::ComponentDescriptor *desc,
    QStringList &errors)
{
    if (!desc || !config.isObject())
        return;
    QStringList unused;
    for (const auto &member : config.members())
        if (!member.key.startsWith(QLatin1String("packer_")) && !desc->schema.contains(member.key))
            unused << member.key;
    std::sort(unused.begin(), unused.end());
    for (const QString &key : unused)
        errors << QStringLiteral("unknown configuration key: '\"%1\"'").arg(key);
}

// Packer's Core.BuildNames: the builds named by -only (all when empty) and not by
// -except, exact names, in name order.
QList<tmpl::legacy::LegacyBuilder> selectedBuilders(
    const tmpl::legacy::LegacyTemplate &tpl, const ValidateArgs &args)
{
    QList<tmpl::legacy::LegacyBuilder> selected;
    for (const tmpl::legacy::LegacyBuilder &b : tpl.builders)
        if ((args.only.isEmpty() || args.only.contains(b.name)) && !args.except.contains(b.name))
            selected << b;
    std::sort(selected.begin(), selected.end(),
        [](const auto &a, const auto &b) { return a.name < b.name; });
    return selected;
}

// Plans the selected builds of a legacy JSON template as `kiln build` does and prepares
// every component (Packer's Core.Build). What stops planning now is reading a -var-file
// (printed alone) or Core's initialisation (user variables: one error list, as Core's).
// True when the template failed; what was printed says why.
bool legacyPrepareFailed(const tmpl::legacy::LegacyParseResult &parsed, const ValidateArgs &args,
    const registry::Registry &reg, CommandUi &ui)
{
    build::PlanRequest request;
    request.path = args.path;
    request.vars = args.vars;
    request.only = args.only;
    request.except = args.except;
    // Builds with a component Kiln cannot run were checked against the schemas only.
    request.except += build::PlanValidation::unpreparableBuilds(parsed.tmpl, reg);
    build::PlanResult planned;
    build::planLegacyTemplate(parsed, request, reg, planned);
    if (!planned.error.isEmpty()) {
        ui.error(planned.error);
        return true;
    }
    hcl::Diagnostics diags;
    QStringList coreErrors;
    for (const hcl::Diagnostic &d : std::as_const(planned.diagnostics)) {
        if (d.severity == hcl::Severity::Error)
            coreErrors << (d.detail.isEmpty() ? d.summary
                                              : d.summary + QStringLiteral(": ") + d.detail);
        else
            diags += d;
    }
    if (!coreErrors.isEmpty())
        diags.prepend(hcl::Diagnostic::error(QString(), multiErrorText(coreErrors)));
    if (!planned.failed)
        diags += build::PlanValidation::legacy(planned.plans);
    return ui.writeDiagnostics(diags);
}

int validateLegacy(const ValidateArgs &args, CommandUi &ui, const registry::Registry &reg)
{
    using namespace tmpl::legacy;
    LegacyParseResult parsed = LegacyTemplateParser::parseFile(args.path);
    if (parsed.diagnostics.hasErrors()) {
        QStringList errors;
        for (const hcl::Diagnostic &d : parsed.diagnostics)
            if (d.severity == hcl::Severity::Error)
                errors << d.summary;
        ui.error(QStringLiteral("Failed to parse file as legacy JSON template: if you are using an "
                                "HCL template, check "
                                "your file extensions; they should be either *.pkr.hcl or "
                                "*.pkr.json; see the docs for "
                                "more details: https://www.packer.io/docs/templates/hcl_templates. "
                                "\nOriginal error: ")
            + errors.join(QLatin1Char('\n')));
        return 1;
    }
    if (args.syntaxOnly) {
        ui.say(QStringLiteral("Syntax-only check passed. Everything looks okay."));
        return 0;
    }
    hcl::Diagnostics diags
        = LegacyTemplateValidator::validate(parsed.tmpl, QStringLiteral("1.11.0"));
    if (ui.writeDiagnostics(diags))
        return 1;
    // Packer's Core.Build for each build: every component type must be known.
    using registry::ComponentKind;
    for (const LegacyBuilder &b : selectedBuilders(parsed.tmpl, args)) {
        QString problem;
        if (!reg.contains(ComponentKind::Builder, b.type))
            problem = unknownComponent(
                QStringLiteral("builder"), b.type, reg.typeNames(ComponentKind::Builder));
        for (const LegacyProvisioner &p : parsed.tmpl.provisioners)
            if (problem.isEmpty() && !p.onlyExcept.skip(b.name)
                && !reg.contains(ComponentKind::Provisioner, p.type))
                problem = unknownComponent(QStringLiteral("provisioner"), p.type,
                    reg.typeNames(ComponentKind::Provisioner));
        for (const auto &chain : parsed.tmpl.postProcessors)
            for (const LegacyPostProcessor &pp : chain)
                if (problem.isEmpty() && !pp.onlyExcept.skip(b.name)
                    && !reg.contains(ComponentKind::PostProcessor, pp.type))
                    problem = unknownComponent(QStringLiteral("post-processor"), pp.type,
                        reg.typeNames(ComponentKind::PostProcessor));
        if (!problem.isEmpty()) {
            diags += hcl::Diagnostic::error(
                QStringLiteral("Failed to initialize build \"%1\"").arg(b.name), problem);
            continue;
        }
        QStringList prepareErrors;
        unknownKeys(b.config, reg.find(ComponentKind::Builder, b.type), prepareErrors);
        for (const LegacyProvisioner &p : parsed.tmpl.provisioners)
            if (!p.onlyExcept.skip(b.name))
                unknownKeys(p.config, reg.find(ComponentKind::Provisioner, p.type), prepareErrors);
        for (const auto &chain : parsed.tmpl.postProcessors)
            for (const LegacyPostProcessor &pp : chain)
                if (!pp.onlyExcept.skip(b.name))
                    unknownKeys(
                        pp.config, reg.find(ComponentKind::PostProcessor, pp.type), prepareErrors);
        if (!prepareErrors.isEmpty())
            diags += hcl::Diagnostic::error(
                QStringLiteral("Failed to prepare build: \"%1\"").arg(b.name),
                multiErrorText(prepareErrors));
    }
    if (ui.writeDiagnostics(diags))
        return 1;
    // Packer's Core.Build then prepares every component of the selected builds.
    if (legacyPrepareFailed(parsed, args, reg, ui))
        return 1;
    ui.say(QStringLiteral("The configuration is valid."));
    return 0;
}

// validate ends the process right after checking; freeing a large template's syntax tree
// node by node cost a tenth of `kiln validate` on a 20,000-line template, so the last one
// is left for the process exit to reclaim (as clang's -disable-free). It stays reachable
// from this static, so leak checkers do not report it; a later call frees the previous one.
tmpl::Template &keptTemplate(tmpl::Template &&tpl)
{
    static tmpl::Template *kept = nullptr;
    delete kept;
    kept = new tmpl::Template(std::move(tpl));
    return *kept;
}

int validateHcl2(const ValidateArgs &args, CommandUi &ui, const registry::Registry &reg,
    const ValidateRuntime &runtime)
{
    tmpl::LoadOptions options;
    options.path = args.path;
    options.varSettings = args.vars;
    options.warnOnUndeclaredVar = !args.noWarnUndeclaredVar;
    hcl::Diagnostics diags;
    tmpl::Template &tpl = keptTemplate(tmpl::TemplateLoader::parse(options, diags));
    ui.setSecrets(tpl.secrets());
    if (ui.writeDiagnostics(diags, tpl.files))
        return 1;
    if (args.syntaxOnly) {
        ui.say(QStringLiteral("Syntax-only check passed. Everything looks okay."));
        return 0;
    }
    tmpl::InitializeOptions init;
    init.registry = &reg;
    init.skipDatasourcesExecution = !args.evaluateDatasources;
    init.executeDataSource = runtime.executeDataSource;
    diags = tmpl::TemplateLoader::initialize(tpl, init);
    ui.setSecrets(tpl.secrets());
    // Packer prints "(source code not available)" for everything found after
    // parsing (its issue #12167); Kiln shows the source line for every error.
    if (ui.writeDiagnostics(diags, tpl.files))
        return 1;
    tmpl::BuildSelectionOptions select;
    select.only = args.only;
    select.except = args.except;
    select.registry = &reg;
    diags.clear();
    const QList<tmpl::PlannedBuild> builds = tmpl::BuildSelector::select(tpl, select, diags);
    // GetBuilds starts (prepares) every builder, provisioner and post-processor of the
    // selected builds in the same pass as it decodes them: the builds that passed the
    // schema checks are prepared even when others failed them, so that all are reported.
    if (!builds.isEmpty())
        diags += build::PlanValidation::hcl2(tpl, builds, reg);
    if (ui.writeDiagnostics(diags, tpl.files))
        return 1;
    ui.say(QStringLiteral("The configuration is valid."));
    return 0;
}

void addValidateFlags(CommandFlags &flags, ValidateArgs &args)
{
    flags.addBool(QStringLiteral("syntax-only"), &args.syntaxOnly);
    flags.addBool(QStringLiteral("no-warn-undeclared-var"), &args.noWarnUndeclaredVar);
    flags.addBool(QStringLiteral("evaluate-datasources"), &args.evaluateDatasources);
    flags.addBool(QStringLiteral("machine-readable"), &args.machineReadable);
    flags.addTemplateFlags(&args.only, &args.except, &args.vars);
}

// Running data sources is the runtime module's job; a command line validate rejects
// before that (bad flags, no template) needs no runtime to say so.
bool evaluatesDataSources(const QStringList &argv)
{
    ValidateArgs args;
    CommandFlags flags;
    addValidateFlags(flags, args);
    QString error;
    return flags.parse(argv, &error) && flags.remaining().size() == 1 && !args.syntaxOnly
        && args.evaluateDatasources;
}

int runValidate(const QStringList &argv, CommandIo &io, const ValidateRuntime &runtime)
{
    ValidateArgs args;
    CommandFlags flags;
    addValidateFlags(flags, args);
    QString error;
    const bool ok = flags.parse(argv, &error);
    CommandUi ui(io, args.machineReadable);
    if (!ok) {
        ui.error(error);
        ui.say(QString::fromUtf8(helpText));
        return 1;
    }
    if (flags.remaining().size() != 1) {
        ui.say(QString::fromUtf8(helpText));
        return 1;
    }
    args.path = flags.remaining().first();
    registry::Registry reg;
    runtime.registerComponents(reg);
    if (tmpl::TemplateLoader::kindOf(args.path) == tmpl::TemplateKind::LegacyJson)
        return validateLegacy(args, ui, reg);
    return validateHcl2(args, ui, reg, runtime);
}

} // namespace

Command validateCommand(const ValidateRuntime &runtime)
{
    Command c{QStringLiteral("validate"), QStringLiteral("check that a template is valid"),
        [runtime](
            const QStringList &argv, CommandIo &io) { return runValidate(argv, io, runtime); }};
    if (!runtime.executeDataSource)
        c.needsRuntime = evaluatesDataSources;
    return c;
}

} // namespace kiln::cli

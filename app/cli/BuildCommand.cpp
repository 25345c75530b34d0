#include "app/cli/BuildCommand.h"

#include "app/cli/CommandFlags.h"
#include "app/cli/InterruptHandler.h"
#include "app/cli/TerminalPrompter.h"
#include "components/Builtins.h"
#include "engine/build/Build.h"
#include "engine/build/BuildPlanner.h"
#include "engine/build/BuildScheduler.h"
#include "engine/build/DataSourceRunner.h"
#include "engine/build/EventFanout.h"
#include "engine/build/LegacyBuildPlanner.h"
#include "engine/build/SecretFilter.h"
#include "engine/output/BuildSummary.h"
#include "engine/output/ConsoleWriter.h"
#include "engine/output/LogWriter.h"
#include "engine/output/MachineReadableWriter.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/TemplateLoader.h"
#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/legacy/LegacyVariableResolver.h"
#include "engine/template/legacy/PackerTemplateFunctions.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace kiln::cli {

namespace {

const char *helpText = R"(Usage: kiln build [options] TEMPLATE

  Will execute multiple builds in parallel as defined in the template.
  The various artifacts created by the template will be outputted.

Options:

  -color=false                  Disable color output. (Default: color)
  -debug                        Debug mode enabled for builds.
  -except=foo,bar,baz           Run all builds and post-processors other than these.
  -only=foo,bar,baz             Build only the specified builds.
  -force                        Force a build to continue if artifacts exist, deletes existing artifacts.
  -machine-readable             Produce machine-readable output.
  -on-error=[cleanup|abort|ask|run-cleanup-provisioner] If the build fails do: clean up (default), abort, ask, or run-cleanup-provisioner.
  -parallel-builds=1            Number of builds to run in parallel. 1 disables parallelization. 0 means no limit (Default: 0)
  -timestamp-ui                 Enable prefixing of each ui output with an RFC3339 timestamp.
  -var 'key=value'              Variable for templates, can be used multiple times.
  -var-file=path                JSON or HCL2 file containing user variables, can be used multiple times.
  -warn-on-undeclared-var       Display warnings for user variable files containing undeclared variables.)";

struct BuildArgs
{
    bool color = true;
    bool debug = false;
    bool force = false;
    bool machineReadable = false;
    bool timestampUi = false;
    bool warnOnUndeclaredVar = false;
    build::OnError onError = build::OnError::Cleanup;
    int parallel = 0;
    QStringList only;
    QStringList except;
    QList<tmpl::VarSetting> vars;
    QString path;
};

// Says the summary and the interrupt notice to every face of the output at once.
class CommandUiFanout : public output::CommandUi
{
public:
    void add(output::CommandUi *ui)
    {
        if (ui)
            m_uis << ui;
    }
    void say(const QString &text) override
    {
        for (auto *u : std::as_const(m_uis))
            u->say(text);
    }
    void error(const QString &text) override
    {
        for (auto *u : std::as_const(m_uis))
            u->error(text);
    }
    void machine(const QString &target, const QString &type, const QStringList &args) override
    {
        for (auto *u : std::as_const(m_uis))
            u->machine(target, type, args);
    }

private:
    QList<output::CommandUi *> m_uis;
};

// -var-file for a legacy template: a JSON object of strings (Packer's JSON var file).
bool readLegacyVarFile(const QString &path, QMap<QString, QString> &out, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("open %1: %2").arg(path, f.errorString());
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("Error reading variables in '%1': %2").arg(path, pe.errorString());
        return false;
    }
    const QJsonObject obj = doc.object();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (!it.value().isString()) {
            // encoding/json into Packer's map[string]string.
            *error = QStringLiteral("Error reading variables in '%1': json: cannot unmarshal %2 into Go value of type string")
                         .arg(path, it.value().isDouble() ? QStringLiteral("number")
                                        : it.value().isBool() ? QStringLiteral("bool")
                                        : it.value().isArray() ? QStringLiteral("array")
                                                               : QStringLiteral("object"));
            return false;
        }
        out.insert(it.key(), it.value().toString());
    }
    return true;
}

QList<build::BuildPlan> planLegacy(const BuildArgs &args, CommandUi &ui, const registry::Registry &reg, bool *failed)
{
    using namespace tmpl::legacy;
    LegacyParseResult parsed = LegacyTemplateParser::parseFile(args.path);
    if (ui.writeDiagnostics(parsed.diagnostics)) {
        *failed = true;
        return {};
    }
    QMap<QString, QString> given;
    for (const tmpl::VarSetting &v : args.vars) {
        QString error;
        if (v.kind == tmpl::VarSetting::Kind::Var)
            given.insert(v.name, v.value);
        else if (!readLegacyVarFile(v.value, given, &error)) {
            ui.error(error);
            *failed = true;
            return {};
        }
    }
    LegacyVariableResolver::Result vars = LegacyVariableResolver::resolve(parsed.tmpl, given);
    ui.setSecrets(vars.secrets);
    if (ui.writeDiagnostics(vars.diagnostics)) {
        *failed = true;
        return {};
    }
    build::LegacyBuildPlanner::Options options;
    options.only = args.only;
    options.except = args.except;
    options.userVariables = vars.values;
    options.secrets = vars.secrets;
    hcl::Diagnostics diags;
    QList<build::BuildPlan> plans = build::LegacyBuildPlanner::plan(parsed.tmpl, options, reg, diags);
    if (ui.writeDiagnostics(diags)) {
        *failed = true;
        return {};
    }
    return plans;
}

QList<build::BuildPlan> planHcl2(const BuildArgs &args, CommandUi &ui, const registry::Registry &reg, bool *failed,
                                 std::unique_ptr<tmpl::Template> &tpl)
{
    tmpl::LoadOptions options;
    options.path = args.path;
    options.varSettings = args.vars;
    options.warnOnUndeclaredVar = args.warnOnUndeclaredVar;
    hcl::Diagnostics diags;
    tpl = std::make_unique<tmpl::Template>(tmpl::TemplateLoader::parse(options, diags));
    ui.setSecrets(tpl->secrets());
    if (ui.writeDiagnostics(diags, tpl->sourceBytes())) {
        *failed = true;
        return {};
    }
    tmpl::InitializeOptions init;
    init.registry = &reg;
    init.skipDatasourcesExecution = false;
    init.executeDataSource = [](const tmpl::DataSourceBlock &block, const registry::ComponentDescriptor &descriptor,
                                const hcl::EvalContext &ctx, hcl::Diagnostics &d) {
        return build::DataSourceRunner::execute(block, descriptor, ctx, build::CancelToken::create(), d);
    };
    diags = tmpl::TemplateLoader::initialize(*tpl, init);
    ui.setSecrets(tpl->secrets());
    if (ui.writeDiagnostics(diags, tpl->sourceBytes())) {
        *failed = true;
        return {};
    }
    tmpl::BuildSelectionOptions select;
    select.only = args.only;
    select.except = args.except;
    select.registry = &reg;
    diags.clear();
    const QList<tmpl::PlannedBuild> builds = tmpl::BuildSelector::select(*tpl, select, diags);
    if (ui.writeDiagnostics(diags, tpl->sourceBytes())) {
        *failed = true;
        return {};
    }
    QList<build::BuildPlan> plans = build::BuildPlanner::plan(*tpl, builds, reg, diags);
    if (ui.writeDiagnostics(diags, tpl->sourceBytes())) {
        *failed = true;
        return {};
    }
    return plans;
}

int runBuild(const QStringList &argv, CommandIo &io)
{
    BuildArgs args;
    CommandFlags flags;
    flags.addBool(QStringLiteral("color"), &args.color);
    flags.addBool(QStringLiteral("debug"), &args.debug);
    flags.addBool(QStringLiteral("force"), &args.force);
    flags.addBool(QStringLiteral("machine-readable"), &args.machineReadable);
    flags.addBool(QStringLiteral("timestamp-ui"), &args.timestampUi);
    flags.addBool(QStringLiteral("warn-on-undeclared-var"), &args.warnOnUndeclaredVar);
    flags.addCustom(QStringLiteral("on-error"), [&args](const QString &v) {
        if (build::parseOnError(v, &args.onError))
            return QString();
        return QStringLiteral("Only cleanup, abort, ask and run-cleanup-provisioner are allowed");
    });
    flags.addCustom(QStringLiteral("parallel-builds"), [&args](const QString &v) {
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        if (!ok)
            return QStringLiteral("parse error");
        args.parallel = n < 1 ? 0 : int(std::min<qint64>(n, 1 << 20));
        return QString();
    });
    flags.addTemplateFlags(&args.only, &args.except, &args.vars);
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
    components::registerBuiltins(reg);
    bool failed = false;
    std::unique_ptr<tmpl::Template> tpl; // HCL2 component bodies point into it
    const QList<build::BuildPlan> plans = tmpl::TemplateLoader::kindOf(args.path) == tmpl::TemplateKind::LegacyJson
        ? planLegacy(args, ui, reg, &failed)
        : planHcl2(args, ui, reg, &failed, tpl);
    if (failed)
        return 1;

    QList<std::shared_ptr<build::Build>> builds;
    hcl::Diagnostics prepareDiags;
    auto secrets = std::make_shared<build::SecretFilter>();
    for (const build::BuildPlan &plan : plans) {
        secrets->add(plan.secrets);
        auto b = std::make_shared<build::Build>(plan);
        const build::PrepareResult prepared = b->prepare();
        for (const QString &e : prepared.errors)
            prepareDiags += hcl::Diagnostic::error(e, QString());
        builds << b;
    }
    if (ui.writeDiagnostics(prepareDiags, tpl ? tpl->sourceBytes() : QHash<QString, QByteArray>()))
        return 1;

    io.out.flush();
    io.err.flush();
    // Build output goes straight to the process's stdout (Packer 1.6.6 prints everything
    // there, errors included), one flushed chunk per event so parallel builds interleave
    // only at line boundaries.
    auto stdoutStream = std::make_shared<output::OutputStream>(stdout);
    std::unique_ptr<output::ConsoleWriter> console;
    std::unique_ptr<output::MachineReadableWriter> machine;
    if (args.machineReadable)
        machine = std::make_unique<output::MachineReadableWriter>(stdoutStream, secrets, args.timestampUi);
    else
        console = std::make_unique<output::ConsoleWriter>(
            stdoutStream, output::ConsoleOptions::fromFlags(args.color, args.timestampUi), secrets);
    QString logError;
    std::unique_ptr<output::LogWriter> log = output::LogWriter::fromEnvironment(secrets, &logError);
    if (!logError.isEmpty())
        ui.error(logError);
    if (log)
        log->installMessageHandler();

    output::BuildSummary summary(secrets);
    build::EventFanout events;
    events.add(console.get());
    events.add(machine.get());
    events.add(log.get());
    events.add(&summary);
    CommandUiFanout commandUi;
    commandUi.add(console.get());
    commandUi.add(machine.get());
    commandUi.add(log.get());

    if (console) {
        QStringList names;
        for (const auto &b : builds)
            names << b->name();
        console->announce(names);
    }

    build::RunEnvironment env;
    env.sink = &events;
    env.cancel = build::CancelToken::create();
    env.options.debug = args.debug;
    env.options.force = args.force;
    env.options.onError = args.onError;
    env.packerRunUuid = tmpl::legacy::timeOrderedUuid();
    qputenv("PACKER_RUN_UUID", env.packerRunUuid.toUtf8());

    TerminalPrompter prompter([&events](const QString &buildName, const QString &question) {
        build::BuildEvent e;
        e.kind = build::BuildEvent::Kind::Say;
        e.build = buildName;
        e.text = question;
        e.time = QDateTime::currentDateTimeUtc();
        events.post(e);
    });
    env.prompter = &prompter;

    QElapsedTimer wait;
    wait.start();
    QList<build::BuildResult> results;
    {
        InterruptHandler interrupts(env.cancel, [&commandUi](const QString &m) { commandUi.error(m); });
        results = build::BuildScheduler(builds, env, args.parallel).run();
    }
    const bool interrupted = env.cancel->isCancelled();
    summary.write(commandUi, wait.nsecsElapsed(), interrupted);
    return summary.exitCode(interrupted);
}

} // namespace

Command buildCommand()
{
    return { QStringLiteral("build"), QStringLiteral("build image(s) from template"), runBuild };
}

} // namespace kiln::cli

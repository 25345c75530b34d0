#include "app/cli/BuildCommand.h"

#include "app/cli/CommandFlags.h"
#include "app/cli/InterruptHandler.h"
#include "app/cli/RuntimeCommands.h"
#include "app/cli/TerminalPrompter.h"
#include "components/Builtins.h"
#include "engine/build/Build.h"
#include "engine/build/BuildScheduler.h"
#include "engine/build/EventFanout.h"
#include "engine/build/SecretFilter.h"
#include "engine/build/TemplatePlanning.h"
#include "engine/output/BuildSummary.h"
#include "engine/output/ConsoleWriter.h"
#include "engine/output/LogWriter.h"
#include "engine/output/MachineReadableWriter.h"
#include "engine/template/legacy/PackerTemplateFunctions.h"

#include <QElapsedTimer>

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
    build::PlanRequest request;
    request.path = args.path;
    request.vars = args.vars;
    request.only = args.only;
    request.except = args.except;
    request.warnOnUndeclaredVar = args.warnOnUndeclaredVar;
    const build::PlanResult planned = build::planTemplate(request, reg);
    ui.setSecrets(planned.secrets);
    ui.writeDiagnostics(planned.diagnostics, planned.sources);
    if (!planned.error.isEmpty())
        ui.error(planned.error);
    if (planned.failed)
        return 1;

    const build::PreparedBuilds prepared = build::prepareBuilds(planned.plans);
    const QList<std::shared_ptr<build::Build>> &builds = prepared.builds;
    const std::shared_ptr<build::SecretFilter> &secrets = prepared.secrets;
    if (ui.writeDiagnostics(prepared.diagnostics, planned.sources))
        return 1;

    if (args.debug)
        ui.say(QStringLiteral("Debug mode enabled. Builds will not be parallelized."));
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

    TerminalPrompter prompter(
        [&events, &console](const QString &buildName, const QString &question) {
            if (console) {
                console->ask(buildName, question);
                return;
            }
            build::BuildEvent e;
            e.kind = build::BuildEvent::Kind::Say;
            e.build = buildName;
            e.text = question;
            e.time = QDateTime::currentDateTimeUtc();
            events.post(e);
        },
        [&stdoutStream] { stdoutStream->write("\n"); });
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
    return {QString::fromLatin1(buildCommandName), QString::fromUtf8(buildCommandSynopsis), runBuild};
}

} // namespace kiln::cli

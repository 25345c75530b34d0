#include "app/cli/export/ExportCommand.h"

#include "app/cli/CommandFlags.h"
#include "app/cli/export/GithubWorkflowWriter.h"
#include "app/cli/export/GitlabPipelineWriter.h"
#include "app/cli/export/TemplateExporter.h"
#include "app/cli/export/TemplateSummary.h"
#include "components/Builtins.h"
#include "engine/registry/Registry.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace kiln::cli {

namespace {

const char *const helpText = R"(Usage: kiln export --ci github|gitlab [options] TEMPLATE
       kiln export --format hcl|json [options] TEMPLATE

  Writes a CI pipeline that builds the template, or the template itself
  normalised for HashiCorp Packer. TEMPLATE is a file or a directory (HCL2,
  or a legacy JSON template).

  A pipeline validates the template, then builds each of its builds as a job
  of its own (a matrix over -only names). Variables come from CI variables;
  sensitive variables from CI secrets, never from the template.

Options:

  -ci=github|gitlab          Write a GitHub Actions workflow or a .gitlab-ci.yml.
  -runner=packer|kiln        What the jobs install and run (default: packer,
                             or kiln when the template uses Kiln's own components).
  -format=hcl|json           Write the template as HCL2 or JSON.
  -vars-file=path            With -format: also write the non-sensitive variable
                             defaults as a variables file.
  -output=path               Write to this file instead of the standard output.)";

struct ExportArgs
{
    QString ci;
    QString runner;
    QString format;
    QString varsFile;
    QString output;
    QString path;
};

// Last line of defence: the exporters never read sensitive values, but a template could
// still repeat one in a plain default. Nothing that contains one is written.
QString leakedSecret(const QByteArray &text, const QStringList &secrets)
{
    for (const QString &s : secrets)
        if (s.size() >= 3 && text.contains(s.toUtf8()))
            return s;
    return {};
}

bool writeOutput(const QString &path, const QByteArray &text, CommandIo &io, CommandUi &ui)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        io.out << QString::fromUtf8(text);
        io.out.flush();
        return true;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit()) {
        ui.error(QStringLiteral("Failed to write %1: %2").arg(path, f.errorString()));
        return false;
    }
    return true;
}

int exportCi(const ExportArgs &args, const TemplateSummary &summary, CommandIo &io, CommandUi &ui)
{
    CiRunner::Kind kind
        = summary.kilnOnly.isEmpty() ? CiRunner::Kind::Packer : CiRunner::Kind::Kiln;
    if (!args.runner.isEmpty() && !CiRunner::fromName(args.runner, &kind)) {
        ui.error(QStringLiteral("invalid value \"%1\" for flag -runner: must be packer or kiln")
                     .arg(args.runner));
        return 1;
    }
    const CiRunner runner(kind);
    if (runner.kind() == CiRunner::Kind::Packer)
        for (const QString &w : summary.kilnOnly)
            io.err << QStringLiteral("Warning: %1; use -runner=kiln\n").arg(w);
    if (summary.targets.isEmpty()) {
        ui.error(QStringLiteral("Error: the template has no builds to run"));
        return 1;
    }
    QByteArray text;
    if (args.ci == QLatin1String("github"))
        text = GithubWorkflowWriter::write(summary, runner);
    else if (args.ci == QLatin1String("gitlab"))
        text = GitlabPipelineWriter::write(summary, runner);
    else {
        ui.error(QStringLiteral("invalid value \"%1\" for flag -ci: must be github or gitlab")
                     .arg(args.ci));
        return 1;
    }
    if (const QString s = leakedSecret(text, summary.secrets); !s.isEmpty()) {
        ui.error(
            QStringLiteral("Error: the export would contain the value of a sensitive variable"));
        return 1;
    }
    return writeOutput(args.output, text, io, ui) ? 0 : 1;
}

int exportTemplate(const ExportArgs &args, const TemplateSummary &summary,
    const registry::Registry &reg, CommandIo &io, CommandUi &ui)
{
    TemplateExporter::Format format;
    if (!TemplateExporter::formatFromName(args.format, &format)) {
        ui.error(QStringLiteral("invalid value \"%1\" for flag -format: must be hcl or json")
                     .arg(args.format));
        return 1;
    }
    const TemplateExporter::Result r
        = TemplateExporter::exportTemplate(args.path, summary.legacy, format, reg);
    for (const QString &w : r.warnings)
        io.err << QStringLiteral("Warning: %1\n").arg(w);
    io.err.flush();
    if (!r.error.isEmpty()) {
        ui.error(r.error);
        return 1;
    }
    const QByteArray vars
        = args.varsFile.isEmpty() ? QByteArray() : TemplateExporter::variablesFile(summary, format);
    for (const QByteArray &text : {r.text, vars}) {
        if (!leakedSecret(text, summary.secrets).isEmpty()) {
            ui.error(QStringLiteral(
                "Error: the export would contain the value of a sensitive variable"));
            return 1;
        }
    }
    if (!writeOutput(args.output, r.text, io, ui))
        return 1;
    if (!args.varsFile.isEmpty() && !writeOutput(args.varsFile, vars, io, ui))
        return 1;
    return 0;
}

int runExport(const QStringList &argv, CommandIo &io)
{
    ExportArgs args;
    CommandFlags flags;
    flags.addString(QStringLiteral("ci"), &args.ci);
    flags.addString(QStringLiteral("runner"), &args.runner);
    flags.addString(QStringLiteral("format"), &args.format);
    flags.addString(QStringLiteral("vars-file"), &args.varsFile);
    flags.addString(QStringLiteral("output"), &args.output);
    QString error;
    const bool ok = flags.parse(argv, &error);
    CommandUi ui(io, false);
    if (!ok) {
        ui.error(error);
        ui.say(QString::fromUtf8(helpText));
        return 1;
    }
    if (flags.remaining().size() != 1 || args.ci.isEmpty() == args.format.isEmpty()) {
        ui.say(QString::fromUtf8(helpText));
        return 1;
    }
    args.path = flags.remaining().first();

    registry::Registry reg;
    components::registerBuiltins(reg);
    TemplateSummary summary;
    hcl::Diagnostics diags;
    if (!TemplateSummaryLoader::load(args.path, !args.ci.isEmpty(), summary, diags, &error)) {
        if (!error.isEmpty())
            ui.error(QStringLiteral("Error: %1").arg(error));
        ui.setSecrets(summary.secrets);
        ui.writeDiagnostics(diags, summary.sources);
        return 1;
    }
    ui.setSecrets(summary.secrets);
    if (ui.writeDiagnostics(diags, summary.sources))
        return 1;
    if (!args.ci.isEmpty())
        return exportCi(args, summary, io, ui);
    return exportTemplate(args, summary, reg, io, ui);
}

} // namespace

Command exportCommand()
{
    return {QStringLiteral("export"),
        QStringLiteral("write a CI pipeline for a template, or the template for Packer"),
        runExport};
}

} // namespace kiln::cli

#include "app/cli/ConsoleCommand.h"

#include "app/cli/CommandFlags.h"
#include "engine/template/TemplateInspector.h"
#include "engine/template/TemplateLoader.h"

#include <cstdio>
#include <unistd.h>

namespace kiln::cli {

namespace {

const char *helpText = R"(Usage: kiln console [options] [TEMPLATE]

  Creates a console for testing variable interpolation.
  If a template is provided, this command will load the template and any
  variables defined therein into its context to be referenced during
  interpolation.

Options:
  -var 'key=value'              Variable for templates, can be used multiple times.
  -var-file=path                JSON or HCL2 file containing user variables.)";

int runConsole(const QStringList &argv, CommandIo &io)
{
    QStringList only, except;
    QList<tmpl::VarSetting> vars;
    QString configType;
    CommandFlags flags;
    flags.addTemplateFlags(&only, &except, &vars);
    flags.addString(QStringLiteral("config-type"), &configType);
    QString error;
    const bool ok = flags.parse(argv, &error);
    CommandUi ui(io, false);
    if (!ok) {
        ui.error(error);
        ui.say(QString::fromUtf8(helpText));
        return 1;
    }
    tmpl::LoadOptions options;
    if (flags.remaining().size() == 1)
        options.path = flags.remaining().first();
    options.varSettings = vars;
    hcl::Diagnostics diags;
    tmpl::Template tpl = tmpl::TemplateLoader::parse(options, diags);
    if (ui.writeDiagnostics(diags, tpl.files))
        return 1;
    tmpl::TemplateLoader::initialize(tpl);
    ui.setSecrets(tpl.secrets());

    // Piped input (Packer's modePiped): evaluate every line, print diagnostics
    // as they come and only the last result. A terminal gets a prompt and
    // every result.
    const bool interactive = isatty(fileno(stdin));
    int ret = 0;
    QString last;
    while (true) {
        if (interactive) {
            io.out << "> ";
            io.out.flush();
        }
        const QString line = io.in.readLine();
        if (line.isNull())
            break;
        tmpl::TemplateInspector::ConsoleResult r = tmpl::TemplateInspector::evaluate(tpl, line.trimmed());
        if (!r.diagnostics.isEmpty())
            ret = ui.writeDiagnostics(r.diagnostics);
        if (interactive) {
            if (r.exit)
                return ret;
            ui.say(r.output);
            continue;
        }
        last = r.output;
    }
    if (!interactive)
        ui.message(last);
    return interactive ? 0 : ret;
}

} // namespace

Command consoleCommand()
{
    return {QStringLiteral("console"), QStringLiteral("creates a console for testing variable interpolation"),
            runConsole};
}

} // namespace kiln::cli

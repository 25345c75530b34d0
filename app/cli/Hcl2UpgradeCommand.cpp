#include "app/cli/Hcl2UpgradeCommand.h"

#include "app/cli/CommandFlags.h"
#include "components/BuiltinDescriptions.h"
#include "engine/registry/Registry.h"
#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/upgrade/Hcl2Upgrader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kiln::cli {

namespace {

const char *const helpText
    = "Usage: kiln hcl2_upgrade [options] TEMPLATE\n"
      "\n"
      "  Will transform your JSON template into an HCL2 configuration.\n"
      "\n"
      "Options:\n"
      "\n"
      "  -output-file=path    Set output file name. By default this will be the\n"
      "                       TEMPLATE name with \".pkr.hcl\" appended to it. To be a\n"
      "                       valid Packer HCL template, it must have the suffix\n"
      "                       \".pkr.hcl\"\n"
      "  -with-annotations    Add helper annotation comments to the file to help new\n"
      "                       HCL2 users understand the template format.";

int runHcl2Upgrade(const QStringList &argv, CommandIo &io)
{
    CommandUi ui(io, false);
    QString outputFile;
    bool withAnnotations = false;
    CommandFlags flags;
    flags.addString(QStringLiteral("output-file"), &outputFile);
    flags.addBool(QStringLiteral("with-annotations"), &withAnnotations);
    QString error;
    if (!flags.parse(argv, &error)) {
        ui.error(error);
        ui.say(QString::fromUtf8(helpText));
        return 1;
    }
    if (flags.remaining().size() != 1) {
        ui.say(QString::fromUtf8(helpText));
        return 1;
    }
    const QString path = flags.remaining().first();
    if (outputFile.isEmpty())
        outputFile = path + QLatin1String(".pkr.hcl");

    // As Packer: the output file exists (header only) even when the
    // template turns out to be unreadable.
    if (!QDir().mkpath(QFileInfo(outputFile).absolutePath())) {
        ui.error(QStringLiteral("Failed to create output directory: mkdir %1: permission denied")
                     .arg(QFileInfo(outputFile).path()));
        return 1;
    }
    QFile out(outputFile);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        ui.error(QStringLiteral("Failed to create output file: open %1: %2")
                     .arg(outputFile, out.errorString()));
        return 1;
    }
    if (withAnnotations)
        out.write(tmpl::upgrade::Hcl2Upgrader::fileHeader().toUtf8());

    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        ui.error(QStringLiteral("open %1: no such file or directory").arg(path));
        ui.error(QStringLiteral("Failed to get config from JSON"));
        return 1;
    }
    const QByteArray source = in.readAll();
    const tmpl::legacy::LegacyParseResult parsed
        = tmpl::legacy::LegacyTemplateParser::parse(source, QFileInfo(path).absoluteFilePath());
    if (parsed.diagnostics.hasErrors()) {
        ui.writeDiagnostics(parsed.diagnostics);
        ui.error(QStringLiteral("Failed to get config from JSON"));
        return 1;
    }

    registry::Registry reg;
    components::registerBuiltinDescriptions(reg);
    tmpl::upgrade::UpgradeOptions options;
    options.withAnnotations = withAnnotations;
    for (const QString &type : reg.typeNames(registry::ComponentKind::Builder))
        options.knownBuilders.insert(type);

    const tmpl::upgrade::UpgradeResult r
        = tmpl::upgrade::Hcl2Upgrader::upgrade(parsed.tmpl, QString::fromUtf8(source), options);
    for (const QString &e : r.errors)
        ui.error(e);
    out.seek(0);
    out.resize(0);
    out.write(r.output);
    ui.say(QStringLiteral("Successfully created %1. Exit %2").arg(outputFile).arg(r.exitCode));
    return r.exitCode;
}

} // namespace

Command hcl2UpgradeCommand()
{
    return {QStringLiteral("hcl2_upgrade"),
        QStringLiteral("transform a JSON template into an HCL2 configuration"), runHcl2Upgrade};
}

} // namespace kiln::cli

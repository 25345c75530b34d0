#include "app/models/document/TemplateParser.h"

#include "app/models/document/SnapshotBuilder.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/TemplateLoader.h"
#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/legacy/LegacyTemplateValidator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace kiln::models {

namespace {

ParseOutcome parseLegacy(const ParseRequest &req)
{
    ParseOutcome out;
    const QByteArray bytes = req.files.value(req.rootPath);
    tmpl::legacy::LegacyParseResult parsed
        = tmpl::legacy::LegacyTemplateParser::parse(bytes, req.rootPath);
    if (parsed.diagnostics.hasErrors()) {
        out.diagnostics = parsed.diagnostics;
        return out;
    }
    out.snapshot = SnapshotBuilder::fromLegacy(parsed.tmpl, req.rootPath);
    SnapshotBuilder::placeJsonBlocks(out.snapshot, req.files);
    hcl::Diagnostics diags
        = tmpl::legacy::LegacyTemplateValidator::validate(parsed.tmpl, QStringLiteral("1.11.0"));
    for (hcl::Diagnostic &d : diags)
        if (d.subject && d.subject->filename.isEmpty())
            d.subject->filename = req.rootPath;
    out.diagnostics = diags;
    return out;
}

// The scratch copy: the template's files with the editor's text, plus the variable
// files Packer would auto-load from a directory.
bool writeScratch(const ParseRequest &req, const QTemporaryDir &dir, QString *scratchRoot)
{
    const QString base = req.directory ? req.rootPath : QFileInfo(req.rootPath).path();
    for (auto it = req.files.cbegin(); it != req.files.cend(); ++it) {
        QFile f(dir.filePath(QFileInfo(it.key()).fileName()));
        if (!f.open(QIODevice::WriteOnly) || f.write(it.value()) != it.value().size())
            return false;
    }
    if (req.directory) {
        const QStringList autos = QDir(base).entryList(
            {QStringLiteral("*.auto.pkrvars.hcl"), QStringLiteral("*.auto.pkrvars.json")},
            QDir::Files);
        for (const QString &name : autos)
            QFile::copy(QDir(base).filePath(name), dir.filePath(name));
        *scratchRoot = dir.path();
    } else {
        *scratchRoot = dir.filePath(QFileInfo(req.rootPath).fileName());
    }
    return true;
}

ParseOutcome parseHcl2(const ParseRequest &req)
{
    ParseOutcome out;
    QTemporaryDir scratch;
    QString loadPath = req.rootPath;
    if (!req.unsaved.isEmpty()) {
        if (!scratch.isValid() || !writeScratch(req, scratch, &loadPath)) {
            out.diagnostics << hcl::Diagnostic::error(
                QCoreApplication::translate(
                    "kiln::models::TemplateParser", "Cannot check the unsaved text"),
                QCoreApplication::translate(
                    "kiln::models::TemplateParser", "No scratch directory could be written."));
            return out;
        }
    }
    const QString scratchDir
        = req.unsaved.isEmpty() ? QString() : scratch.path() + QLatin1Char('/');
    const QString realDir = req.directory
        ? QDir(req.rootPath).absolutePath() + QLatin1Char('/')
        : QFileInfo(req.rootPath).absolutePath() + QLatin1Char('/');
    const SnapshotBuilder::FileMapper mapFile = [&](const QString &name) {
        if (!scratchDir.isEmpty() && name.startsWith(scratchDir))
            return realDir + name.mid(scratchDir.size());
        return name;
    };

    tmpl::LoadOptions options;
    options.path = loadPath;
    hcl::Diagnostics diags;
    tmpl::Template tpl = tmpl::TemplateLoader::parse(options, diags);
    // The loader sets basedir only once every file has parsed: an empty one means the
    // text has syntax errors and the structure cannot be trusted.
    const bool filesParsed = !tpl.basedir.isEmpty();
    if (filesParsed) {
        // path.root is the real directory: file("${path.root}/x") must see the user's files.
        tpl.basedir = req.directory ? req.rootPath : QFileInfo(req.rootPath).path();
        tmpl::InitializeOptions init;
        init.registry = req.registry;
        init.skipDatasourcesExecution = true;
        const bool parsedCleanly = !diags.hasErrors();
        diags += tmpl::TemplateLoader::initialize(tpl, init);
        // Schema checks of every component body, as `validate` does once the rest is sound.
        if (parsedCleanly && !diags.hasErrors()) {
            tmpl::BuildSelectionOptions select;
            select.registry = req.registry;
            tmpl::BuildSelector::select(tpl, select, diags);
        }
    }
    out.diagnostics = SnapshotBuilder::mapDiagnostics(diags, mapFile);
    if (filesParsed) {
        out.snapshot = SnapshotBuilder::fromTemplate(tpl, mapFile);
        SnapshotBuilder::placeJsonBlocks(out.snapshot, req.files);
    }
    return out;
}

} // namespace

ParseOutcome TemplateParser::parse(const ParseRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    ParseOutcome out
        = request.syntax == TemplateSyntax::LegacyJson ? parseLegacy(request) : parseHcl2(request);
    out.generation = request.generation;
    if (out.snapshot.structureValid)
        out.snapshot.assignDiagnostics(out.diagnostics);
    out.elapsedUs = timer.nsecsElapsed() / 1000;
    return out;
}

} // namespace kiln::models

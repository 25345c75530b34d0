#include "engine/template/TemplateLoader.h"

#include "engine/hcl/Lexer.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/value/Convert.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/LoaderInternal.h"
#include "engine/template/TemplateFileParser.h"
#include "engine/template/VersionConstraint.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <algorithm>

namespace kiln::tmpl {

using hcl::Diagnostic;
using hcl::Diagnostics;

namespace detail {

hcl::BodySchema rootSchema()
{
    hcl::BodySchema s;
    s.blocks = {
        {QStringLiteral("packer"), {}},
        {QStringLiteral("source"), {QStringLiteral("type"), QStringLiteral("name")}},
        {QStringLiteral("variables"), {}},
        {QStringLiteral("variable"), {QStringLiteral("name")}},
        {QStringLiteral("locals"), {}},
        {QStringLiteral("local"), {QStringLiteral("name")}},
        {QStringLiteral("data"), {QStringLiteral("type"), QStringLiteral("name")}},
        {QStringLiteral("build"), {}},
        // Accepted (and not used) as in Packer's schema.
        {QStringLiteral("communicator"), {QStringLiteral("type"), QStringLiteral("name")}},
    };
    return s;
}

QString badIdentifierDetail()
{
    return QStringLiteral("A name must start with a letter or underscore and may contain only letters, digits, "
                          "underscores, and dashes.");
}

bool isValidIdentifier(const QString &name)
{
    // ASCII names (nearly all) are checked in place with hcl's rule for them,
    // without a UTF-8 copy per variable, local and source name.
    const auto isLetter = [](char16_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    const auto isAscii = [](QChar c) { return c.unicode() < 0x80; };
    if (!std::all_of(name.cbegin(), name.cend(), isAscii))
        return hcl::isValidIdentifier(name.toUtf8());
    if (name.isEmpty() || !(isLetter(name[0].unicode()) || name[0] == QLatin1Char('_')))
        return false;
    return std::all_of(name.cbegin() + 1, name.cend(), [&](QChar q) {
        const char16_t c = q.unicode();
        return isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

QString rangeString(const hcl::SourceRange &r)
{
    if (r.start.line == r.end.line)
        return QStringLiteral("%1:%2,%3-%4").arg(r.filename).arg(r.start.line).arg(r.start.column).arg(r.end.column);
    return QStringLiteral("%1:%2,%3-%4,%5")
        .arg(r.filename)
        .arg(r.start.line)
        .arg(r.start.column)
        .arg(r.end.line)
        .arg(r.end.column);
}

} // namespace detail

namespace {

struct FoundFiles
{
    QStringList hcl;
    QStringList json;
};

// Packer's GetHCL2Files: a file of the right suffix, or the directory's files
// (not recursive) in name order.
FoundFiles findFiles(const QString &path, const QString &hclSuffix, const QString &jsonSuffix, Diagnostics &diags)
{
    FoundFiles out;
    if (path.isEmpty())
        return out;
    QFileInfo info(path);
    if (!info.exists()) {
        diags += Diagnostic::error(QString(), QStringLiteral("stat %1: no such file or directory").arg(path));
        return out;
    }
    if (!info.isDir()) {
        if (path.endsWith(jsonSuffix))
            out.json << path;
        else if (path.endsWith(hclSuffix))
            out.hcl << path;
        return out;
    }
    QDir dir(path);
    QStringList names = dir.entryList(QDir::Files | QDir::Hidden | QDir::System);
    std::sort(names.begin(), names.end()); // Go sorts by bytes; UTF-16 order agrees for BMP names
    for (const QString &name : names) {
        const QString full = QDir::cleanPath(path + QLatin1Char('/') + name);
        if (full.endsWith(hclSuffix))
            out.hcl << full;
        else if (full.endsWith(jsonSuffix))
            out.json << full;
    }
    return out;
}

// The `packer { required_version }` constraints of one file (sniffCoreVersionRequirements).
Diagnostics decodePackerBlocks(Template &tpl, const hcl::File &file)
{
    Diagnostics diags;
    hcl::BodySchema sniff;
    sniff.blocks = {{QStringLiteral("packer"), {}}};
    hcl::BodyPtr remain;
    Diagnostics ignored;
    hcl::BodyContent root = file.body->partialContent(sniff, &remain, ignored);
    hcl::BodySchema packerSchema;
    packerSchema.attributes = {{QStringLiteral("required_version"), false}};
    packerSchema.blocks = {{QStringLiteral("required_plugins"), {}}};
    for (const hcl::ContentBlock &block : root.blocks) {
        hcl::BodyContent content = block.body->content(packerSchema, diags);
        if (const hcl::ContentAttribute *attr = content.attribute(QStringLiteral("required_version"))) {
            Diagnostics valueDiags;
            hcl::Value v = hcl::evaluate(attr->expr, nullptr, valueDiags);
            diags += valueDiags;
            if (valueDiags.hasErrors())
                continue;
            std::optional<hcl::Value> s = hcl::convert(v, hcl::Type::string());
            if (!s) {
                diags += Diagnostic::error(QStringLiteral("Invalid version constraint"),
                                           QStringLiteral("A string value is required for required_version."),
                                           attr->expr->range);
                continue;
            }
            if (s->isNull() || !s->isWhollyKnown())
                continue;
            if (!VersionConstraint::parse(s->asString())) {
                diags += Diagnostic::error(
                    QStringLiteral("Invalid version constraint"),
                    QStringLiteral("This string does not use correct version constraint syntax. Check out the docs: "
                                   "https://packer.io/docs/templates/hcl_templates/blocks/packer#version-constraints"),
                    attr->expr->range);
                continue;
            }
            tpl.packer.requiredVersions.append({s->asString(), attr->range});
        }
    }
    return diags;
}

Diagnostics checkCoreVersion(const Template &tpl)
{
    Diagnostics diags;
    const std::optional<SemVersion> core = SemVersion::parse(tpl.coreVersion);
    for (const RequiredVersion &rv : tpl.packer.requiredVersions) {
        std::optional<VersionConstraint> c = VersionConstraint::parse(rv.constraint);
        if (!c || !core || c->check(*core))
            continue;
        diags += Diagnostic::error(
            QStringLiteral("Unsupported Packer Core version"),
            QStringLiteral("This configuration does not support Packer version %1. To proceed, either choose another "
                           "supported Packer version or update this version constraint. Version constraints are "
                           "normally set for good reason, so updating the constraint may lead to other errors or "
                           "unexpected behavior.")
                .arg(tpl.coreVersion),
            rv.range);
    }
    return diags;
}

} // namespace

TemplateKind TemplateLoader::kindOf(const QString &path)
{
    if (path.endsWith(QLatin1String(".pkr.hcl")) || path.endsWith(QLatin1String(".pkr.json")))
        return TemplateKind::Hcl2;
    return QFileInfo(path).isDir() ? TemplateKind::Hcl2 : TemplateKind::LegacyJson;
}

Template TemplateLoader::parse(const LoadOptions &options, Diagnostics &diags)
{
    Template tpl;
    tpl.coreVersion = options.coreVersion;
    tpl.warnOnUndeclaredVar = options.warnOnUndeclaredVar;
    tpl.cwd = options.cwd.isEmpty() ? QDir::currentPath() : options.cwd;

    if (!options.path.isEmpty()) {
        Diagnostics findDiags;
        FoundFiles found = findFiles(options.path, QStringLiteral(".pkr.hcl"), QStringLiteral(".pkr.json"), findDiags);
        diags += findDiags;
        if (findDiags.hasErrors())
            return tpl;
        if (found.hcl.isEmpty() && found.json.isEmpty())
            diags += Diagnostic::error(QStringLiteral("Could not find any config file in ") + options.path,
                                       QStringLiteral("A config file must be suffixed with `.pkr.hcl` or `.pkr.json`. "
                                                      "A folder can be referenced."));
        Diagnostics parseDiags;
        for (const QString &f : found.hcl + found.json)
            tpl.files.append(TemplateFileParser::parseFile(f, parseDiags));
        diags += parseDiags;
        tpl.configFileCount = tpl.files.size();
        if (diags.hasErrors())
            return tpl;
    }

    QFileInfo pathInfo(options.path);
    tpl.basedir = pathInfo.isDir() || options.path.isEmpty() ? options.path : pathInfo.path();

    const QList<hcl::File> templateFiles = tpl.files;
    for (const hcl::File &file : templateFiles)
        diags += decodePackerBlocks(tpl, file);
    Diagnostics versionDiags = checkCoreVersion(tpl);
    diags += versionDiags;
    if (versionDiags.hasErrors())
        return tpl;

    // Unsupported top-level arguments and blocks are reported here, once; the
    // content is kept for the decoders below rather than read again by each.
    QList<hcl::BodyContent> roots;
    roots.reserve(templateFiles.size());
    for (const hcl::File &file : templateFiles)
        roots.append(file.body->content(detail::rootSchema(), diags));

    for (const hcl::BodyContent &root : roots)
        diags += detail::decodeInputVariables(tpl, root);
    for (const hcl::BodyContent &root : roots)
        diags += detail::decodeDataBlocks(tpl, root);
    for (const hcl::BodyContent &root : roots)
        diags += detail::decodeLocalBlocks(tpl, root);
    diags += detail::checkDuplicateLocals(tpl);

    // Auto-loaded variable files: *.auto.pkrvars.hcl then *.auto.pkrvars.json.
    Diagnostics autoDiags;
    FoundFiles autoFiles = findFiles(options.path, QStringLiteral(".auto.pkrvars.hcl"),
                                     QStringLiteral(".auto.pkrvars.json"), autoDiags);
    diags += autoDiags;
    QList<hcl::File> autoVarFiles;
    for (const QString &f : autoFiles.hcl + autoFiles.json) {
        Diagnostics fileDiags;
        hcl::File parsed = TemplateFileParser::parseFile(f, fileDiags);
        diags += fileDiags;
        tpl.files.append(parsed);
        if (!fileDiags.hasErrors())
            autoVarFiles.append(parsed);
    }

    const QStringList env = options.environment ? *options.environment
                                                : QProcessEnvironment::systemEnvironment().toStringList();
    diags += detail::collectVariableValues(tpl, env, autoVarFiles, options.varSettings);
    return tpl;
}

Diagnostics TemplateLoader::initialize(Template &tpl, const InitializeOptions &options)
{
    Diagnostics diags = detail::validateVariableValues(tpl);
    diags += detail::evaluateBuildPrereqs(tpl, options);
    const QList<hcl::File> files = tpl.files.mid(0, tpl.configFileCount);
    for (const hcl::File &file : files)
        diags += detail::decodeConfig(tpl, file);
    diags += BuildSelector::resolveComponents(tpl, options.registry);
    return diags;
}

} // namespace kiln::tmpl

#include "engine/template/BuildSelector.h"

#include "engine/registry/DidYouMean.h"
#include "engine/template/BuildGlob.h"
#include "engine/template/MergedBody.h"
#include "engine/template/SchemaValidator.h"

#include <algorithm>

namespace kiln::tmpl {

using hcl::Diagnostic;
using hcl::Diagnostics;
using hcl::Value;
using registry::ComponentKind;

namespace {

QString unknownTypeDetail(const QString &label, const QString &type, const QString &suggestion)
{
    if (!suggestion.isEmpty())
        return QStringLiteral("Did you mean to use \"%1\"?").arg(suggestion);
    return QStringLiteral("The %1 %2 is unknown by Packer, and is likely part of a plugin that is not installed.\n"
                          "You may find the needed plugin along with installation instructions documented on the "
                          "Packer integrations page.\n\nhttps://developer.hashicorp.com/packer/integrations?filter=%3")
        .arg(label, type, type.split(QLatin1Char('-')).first());
}

void checkProvisionerType(const ProvisionerBlock &p, const QString &label, const registry::Registry &reg,
                          Diagnostics &diags)
{
    if (reg.contains(ComponentKind::Provisioner, p.type))
        return;
    diags += Diagnostic::error(
        QStringLiteral("Unknown %1 type \"%2\"").arg(label, p.type),
        unknownTypeDetail(label, p.type,
                          registry::nameSuggestion(p.type, reg.typeNames(ComponentKind::Provisioner))),
        p.ref.typeRange);
}

std::optional<QList<BuildGlob>> compileGlobs(const QStringList &patterns, const QString &option, Diagnostics &diags)
{
    QList<BuildGlob> out;
    bool ok = true;
    for (const QString &p : patterns) {
        QString error;
        std::optional<BuildGlob> g = BuildGlob::compile(p, &error);
        if (!g) {
            diags += Diagnostic::error(QStringLiteral("Invalid -%1 pattern %2: %3").arg(option, p, error));
            ok = false;
            continue;
        }
        out.append(*g);
    }
    if (!ok)
        return std::nullopt;
    return out;
}

bool anyMatch(const QList<BuildGlob> &globs, const QString &name)
{
    return std::any_of(globs.cbegin(), globs.cend(), [&](const BuildGlob &g) { return g.match(name); });
}

QString goStringSlice(const QStringList &items)
{
    return QLatin1Char('[') + items.join(QLatin1Char(' ')) + QLatin1Char(']');
}

} // namespace

Diagnostics BuildSelector::resolveComponents(Template &tpl, const registry::Registry *reg)
{
    Diagnostics diags;
    QStringList available;
    for (const SourceBlock &s : tpl.sources)
        available << s.sourceRef().toString();
    std::sort(available.begin(), available.end());

    for (BuildBlock &build : tpl.builds) {
        for (SourceUseBlock &use : build.sources) {
            if (reg && !reg->contains(ComponentKind::Builder, use.ref.type)) {
                diags += Diagnostic::error(
                    QStringLiteral("Unknown source type ") + use.ref.type,
                    unknownTypeDetail(QStringLiteral("source"), use.ref.type,
                                      registry::nameSuggestion(use.ref.type, reg->typeNames(ComponentKind::Builder))),
                    build.defRange);
                continue;
            }
            const SourceBlock *def = tpl.source(use.ref);
            if (!def) {
                const QString suggestion = registry::nameSuggestion(use.ref.toString(), available);
                diags += Diagnostic::error(QStringLiteral("Unknown source ") + use.ref.toString(),
                                           suggestion.isEmpty()
                                               ? QStringLiteral("Known: ") + goStringSlice(available)
                                               : QStringLiteral("Did you mean to use \"%1\"?").arg(suggestion),
                                           build.defRange);
                continue;
            }
            use.body = use.body ? MergedBody::merge({def->body, use.body}) : def->body;
        }
        if (!reg)
            continue;
        for (const ProvisionerBlock &p : build.provisioners)
            checkProvisionerType(p, QStringLiteral("provisioner"), *reg, diags);
        if (build.errorCleanupProvisioner)
            checkProvisionerType(*build.errorCleanupProvisioner, QStringLiteral("error-cleanup-provisioner"), *reg, diags);
        for (const QList<PostProcessorBlock> &chain : build.postProcessorLists) {
            for (const PostProcessorBlock &pp : chain) {
                if (reg->contains(ComponentKind::PostProcessor, pp.type))
                    continue;
                diags += Diagnostic::error(
                    QStringLiteral("Unknown post-processor type \"%1\"").arg(pp.type),
                    unknownTypeDetail(QStringLiteral("post-processor"), pp.type,
                                      registry::nameSuggestion(pp.type, reg->typeNames(ComponentKind::PostProcessor))),
                    pp.ref.typeRange);
            }
        }
    }
    return diags;
}

hcl::EvalContext BuildSelector::buildContext(const Template &tpl, const PlannedBuild &build)
{
    // Values builders generate (build.ID, build.Host, ..., plus each builder's
    // own) are only known while the build runs; for checking, `build` is an
    // unknown object so any of them is accepted.
    return tpl.evalContext(BlockContext::Build,
                           {{QStringLiteral("source"),
                             Value::object({{QStringLiteral("type"), Value::string(build.source.ref.type)},
                                            {QStringLiteral("name"), Value::string(build.source.effectiveName())}})},
                            {QStringLiteral("build"), Value::dynamicUnknown()}});
}

QList<PlannedBuild> BuildSelector::select(const Template &tpl, const BuildSelectionOptions &options, Diagnostics &diags)
{
    QList<PlannedBuild> result;
    if (tpl.builds.isEmpty()) {
        diags += Diagnostic::error(QStringLiteral("Missing build block"),
                                   QStringLiteral("A build block with one or more sources is required for executing "
                                                  "a build."));
        return result;
    }
    std::optional<QList<BuildGlob>> only = compileGlobs(options.only, QStringLiteral("only"), diags);
    std::optional<QList<BuildGlob>> except = compileGlobs(options.except, QStringLiteral("except"), diags);
    if (!only || !except)
        return {};

    int onlyMatches = 0;
    int exceptMatches = 0;
    QStringList possibleNames;
    const SchemaValidator validator;
    const registry::Registry *reg = options.registry;

    for (const BuildBlock &build : tpl.builds) {
        for (const SourceUseBlock &use : build.sources) {
            const SourceBlock *def = tpl.source(use.ref);
            if (!def)
                continue;
            PlannedBuild pb;
            pb.buildName = build.name;
            pb.builderType = use.ref.type;
            pb.source = use;
            pb.name = build.name.isEmpty() ? use.toString() : build.name + QLatin1Char('.') + use.toString();
            possibleNames << pb.name;
            if (!options.only.isEmpty()) {
                if (!anyMatch(*only, pb.name))
                    continue;
                ++onlyMatches;
            }
            if (!options.except.isEmpty() && anyMatch(*except, pb.name)) {
                ++exceptMatches;
                continue;
            }
            const hcl::EvalContext ctx = buildContext(tpl, pb);
            if (reg) {
                if (const registry::ComponentDescriptor *d = reg->find(ComponentKind::Builder, use.ref.type)) {
                    SchemaValidator::Result r = validator.validate(use.body, d->schema, &ctx);
                    diags += r.diagnostics;
                    if (r.diagnostics.hasErrors())
                        continue;
                    if (!r.prepareErrors.isEmpty()) {
                        diags += Diagnostic::error(SchemaValidator::multiErrorText(r.prepareErrors), QString(),
                                                   def->ref.defRange);
                        continue;
                    }
                }
            }

            const QString sourceName = use.toString();
            bool failed = false;
            auto checkProvisioner = [&](const ProvisionerBlock &p) {
                if (!reg)
                    return true;
                const registry::ComponentDescriptor *d = reg->find(ComponentKind::Provisioner, p.type);
                if (!d)
                    return false;
                SchemaValidator::Result r = validator.validate(p.rest, d->schema, &ctx);
                diags += r.diagnostics;
                if (!r.prepareErrors.isEmpty())
                    diags += Diagnostic::error(
                        QStringLiteral("Failed preparing provisioner-block \"%1\" \"%2\"").arg(p.type, p.name),
                        SchemaValidator::multiErrorText(r.prepareErrors), p.ref.defRange);
                return !r.diagnostics.hasErrors() && r.prepareErrors.isEmpty();
            };
            for (const ProvisionerBlock &p : build.provisioners) {
                if (p.onlyExcept.skip(sourceName))
                    continue;
                if (!checkProvisioner(p)) {
                    failed = true;
                    continue;
                }
                pb.provisioners.append(p);
            }
            if (failed)
                continue;

            for (const QList<PostProcessorBlock> &chain : build.postProcessorLists) {
                QList<PostProcessorBlock> kept;
                for (const PostProcessorBlock &pp : chain) {
                    if (pp.onlyExcept.skip(sourceName))
                        continue;
                    // -except also names post-processors; an excluded step ends its chain.
                    if (anyMatch(*except, pp.name.isEmpty() ? pp.type : pp.name)) {
                        ++exceptMatches;
                        break;
                    }
                    if (reg) {
                        const registry::ComponentDescriptor *d = reg->find(ComponentKind::PostProcessor, pp.type);
                        if (!d) {
                            failed = true;
                            continue;
                        }
                        SchemaValidator::Result r = validator.validate(pp.rest, d->schema, &ctx);
                        diags += r.diagnostics;
                        if (!r.prepareErrors.isEmpty())
                            diags += Diagnostic::error(
                                QStringLiteral("Failed preparing post-processor-block \"%1\" \"%2\"").arg(pp.type, pp.name),
                                SchemaValidator::multiErrorText(r.prepareErrors), pp.ref.defRange);
                        if (r.diagnostics.hasErrors() || !r.prepareErrors.isEmpty()) {
                            failed = true;
                            continue;
                        }
                    }
                    kept.append(pp);
                }
                if (!kept.isEmpty())
                    pb.postProcessors.append(kept);
            }
            if (failed)
                continue;

            if (build.errorCleanupProvisioner && !build.errorCleanupProvisioner->onlyExcept.skip(sourceName)) {
                if (!checkProvisioner(*build.errorCleanupProvisioner))
                    continue;
                pb.errorCleanupProvisioner = build.errorCleanupProvisioner;
            }
            result.append(pb);
        }
    }

    const QString globHint = QStringLiteral("These could also be matched with a glob pattern like: 'happycloud.*'");
    if (options.only.size() > onlyMatches)
        diags += Diagnostic::warning(
            QStringLiteral("an 'only' option was passed, but not all matches were found for the given build."),
            QStringLiteral("Possible build names: %1.\n").arg(goStringSlice(possibleNames)) + globHint);
    if (options.except.size() > exceptMatches)
        diags += Diagnostic::warning(QStringLiteral("an 'except' option was passed, but did not match any build."),
                                     QStringLiteral("Possible build names: %1.\n").arg(goStringSlice(possibleNames))
                                         + globHint);
    return result;
}

} // namespace kiln::tmpl

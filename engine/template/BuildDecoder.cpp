#include "engine/template/ExpressionDecoder.h"
#include "engine/template/GoDuration.h"
#include "engine/template/LoaderInternal.h"
#include "engine/template/TemplateDynamicBlocks.h"

namespace kiln::tmpl::detail {

using hcl::Diagnostic;
using hcl::Diagnostics;
using hcl::Value;

namespace {

BlockRef blockRef(const hcl::ContentBlock &b)
{
    return {b.type, b.labels, b.defRange, b.typeRange, b.labelRanges};
}

// Decodes the fixed arguments of a block (gohcl with a `remain` body): each
// present one through `decode`; the rest of the body is returned in *rest.
hcl::BodyContent fixedArguments(const hcl::BodyPtr &body, const QStringList &names, hcl::BodyPtr *rest,
                                Diagnostics &diags)
{
    hcl::BodySchema schema;
    for (const QString &n : names)
        schema.attributes.append({n, false});
    return body->partialContent(schema, rest, diags);
}

std::optional<OnlyExcept> decodeOnlyExcept(const hcl::BodyContent &c, const ExpressionDecoder &dec, Diagnostics &diags)
{
    OnlyExcept oe;
    if (const hcl::ContentAttribute *a = c.attribute(QStringLiteral("only")))
        oe.only = dec.decodeStringList(a->expr, diags).value_or(QStringList());
    if (const hcl::ContentAttribute *a = c.attribute(QStringLiteral("except")))
        oe.except = dec.decodeStringList(a->expr, diags).value_or(QStringList());
    if (diags.hasErrors())
        return std::nullopt;
    if (!oe.only.isEmpty() && !oe.except.isEmpty()) {
        // Packer gives no place; the `except` that conflicts with `only` is the one to point at.
        const hcl::ContentAttribute *except = c.attribute(QStringLiteral("except"));
        diags += Diagnostic::error(QStringLiteral("only one of 'only' or 'except' may be specified"), QString(),
                                   except->range);
        return std::nullopt;
    }
    return oe;
}

std::optional<ProvisionerBlock> decodeProvisioner(const hcl::ContentBlock &block, const hcl::EvalContext &ectx,
                                                  Diagnostics &diags)
{
    Diagnostics local;
    ProvisionerBlock p;
    p.type = block.labels.value(0);
    p.ref = blockRef(block);
    hcl::BodyContent c = fixedArguments(block.body,
                                        {QStringLiteral("name"), QStringLiteral("pause_before"),
                                         QStringLiteral("max_retries"), QStringLiteral("timeout"),
                                         QStringLiteral("only"), QStringLiteral("except"), QStringLiteral("override")},
                                        &p.rest, local);
    const ExpressionDecoder dec(&ectx);
    QString pauseBefore, timeout;
    if (const hcl::ContentAttribute *a = c.attribute(QStringLiteral("name")))
        p.name = dec.decodeString(a->expr, local).value_or(QString());
    if (const hcl::ContentAttribute *a = c.attribute(QStringLiteral("pause_before")))
        pauseBefore = dec.decodeString(a->expr, local).value_or(QString());
    if (const hcl::ContentAttribute *a = c.attribute(QStringLiteral("max_retries")))
        p.maxRetries = dec.decodeInt(a->expr, local).value_or(0);
    if (const hcl::ContentAttribute *a = c.attribute(QStringLiteral("timeout")))
        timeout = dec.decodeString(a->expr, local).value_or(QString());
    if (const hcl::ContentAttribute *a = c.attribute(QStringLiteral("override")))
        p.override_ = dec.decodeValue(a->expr, local);
    diags += local;
    if (local.hasErrors())
        return std::nullopt;
    std::optional<OnlyExcept> oe = decodeOnlyExcept(c, dec, diags);
    if (!oe)
        return std::nullopt;
    p.onlyExcept = *oe;

    if (!p.override_.isNull() && p.override_.isKnown()) {
        if (p.override_.type().kind() != hcl::Type::Kind::Object) {
            diags += Diagnostic::error(QStringLiteral("provisioner's override block must be an HCL object"), QString(),
                                       block.defRange);
            return std::nullopt;
        }
        const auto attrs = p.override_.attributes();
        for (auto it = attrs.cbegin(); it != attrs.cend(); ++it) {
            if (it->type().kind() != hcl::Type::Kind::Object) {
                diags += Diagnostic::error(
                    QStringLiteral("provisioner's override.'%1' block must be an HCL object").arg(it.key()), QString(),
                    block.defRange);
                return std::nullopt;
            }
        }
    }
    QString error;
    if (!pauseBefore.isEmpty()) {
        std::optional<qint64> ms = parseGoDuration(pauseBefore, &error);
        if (!ms) {
            diags += Diagnostic::error(QStringLiteral("Failed to parse pause_before duration"), error, block.defRange);
            return std::nullopt;
        }
        p.pauseBeforeMs = *ms;
    }
    if (!timeout.isEmpty()) {
        std::optional<qint64> ms = parseGoDuration(timeout, &error);
        if (!ms) {
            diags += Diagnostic::error(QStringLiteral("Failed to parse timeout duration"), error, block.defRange);
            return std::nullopt;
        }
        p.timeoutMs = *ms;
    }
    return p;
}

std::optional<PostProcessorBlock> decodePostProcessor(const hcl::ContentBlock &block, const hcl::EvalContext &ectx,
                                                      Diagnostics &diags)
{
    Diagnostics local;
    PostProcessorBlock pp;
    pp.type = block.labels.value(0);
    pp.ref = blockRef(block);
    hcl::BodyContent c = fixedArguments(block.body,
                                        {QStringLiteral("name"), QStringLiteral("only"), QStringLiteral("except"),
                                         QStringLiteral("keep_input_artifact")},
                                        &pp.rest, local);
    const ExpressionDecoder dec(&ectx);
    if (const hcl::ContentAttribute *a = c.attribute(QStringLiteral("name")))
        pp.name = dec.decodeString(a->expr, local).value_or(QString());
    if (const hcl::ContentAttribute *a = c.attribute(QStringLiteral("keep_input_artifact")))
        pp.keepInputArtifact = dec.decodeBool(a->expr, local);
    diags += local;
    if (local.hasErrors())
        return std::nullopt;
    std::optional<OnlyExcept> oe = decodeOnlyExcept(c, dec, diags);
    if (!oe)
        return std::nullopt;
    pp.onlyExcept = *oe;
    return pp;
}

std::optional<SourceUseBlock> decodeBuildSource(const hcl::ContentBlock &block, Diagnostics &diags)
{
    SourceUseBlock use;
    use.ref = SourceRef::fromString(block.labels.value(0));
    use.range = block.defRange;
    hcl::BodyContent c = fixedArguments(block.body, {QStringLiteral("name")}, &use.body, diags);
    if (const hcl::ContentAttribute *a = c.attribute(QStringLiteral("name"))) {
        std::optional<QString> name = ExpressionDecoder(nullptr).decodeString(a->expr, diags);
        if (!name)
            return std::nullopt;
        use.localName = *name;
    }
    if (diags.hasErrors())
        return std::nullopt;
    return use;
}

hcl::BodySchema buildSchema()
{
    hcl::BodySchema s;
    s.blocks = {{QStringLiteral("source"), {QStringLiteral("reference")}},
                {QStringLiteral("provisioner"), {QStringLiteral("type")}},
                {QStringLiteral("error-cleanup-provisioner"), {QStringLiteral("type")}},
                {QStringLiteral("post-processor"), {QStringLiteral("type")}},
                {QStringLiteral("post-processors"), {}},
                {QStringLiteral("hcp_packer_registry"), {}}};
    return s;
}

std::optional<BuildBlock> decodeBuild(const Template &tpl, const hcl::ContentBlock &block, Diagnostics &diags)
{
    BuildBlock build;
    build.defRange = block.defRange;
    hcl::BodyPtr rest;
    Diagnostics headDiags;
    hcl::BodyContent head = fixedArguments(
        block.body, {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("sources")}, &rest, headDiags);
    const hcl::EvalContext localCtx = tpl.evalContext(BlockContext::Local);
    const ExpressionDecoder headDec(&localCtx);
    QStringList fromSources;
    if (const hcl::ContentAttribute *a = head.attribute(QStringLiteral("name")))
        build.name = headDec.decodeString(a->expr, headDiags).value_or(QString());
    if (const hcl::ContentAttribute *a = head.attribute(QStringLiteral("description")))
        build.description = headDec.decodeString(a->expr, headDiags).value_or(QString());
    if (const hcl::ContentAttribute *a = head.attribute(QStringLiteral("sources")))
        fromSources = headDec.decodeStringList(a->expr, headDiags).value_or(QStringList());
    diags += headDiags;
    if (headDiags.hasErrors())
        return std::nullopt;

    const hcl::EvalContext ectx = tpl.evalContext(
        BlockContext::Build, {{QStringLiteral("build"), Value::object({{QStringLiteral("name"), Value::string(build.name)}})}});

    bool hadSource = false;
    for (const QString &from : fromSources) {
        hadSource = true;
        SourceRef ref = SourceRef::fromString(from);
        if (!ref.isValid() || !isValidIdentifier(ref.type) || !isValidIdentifier(ref.name)) {
            diags += Diagnostic::error(
                QStringLiteral("Invalid source reference"),
                QStringLiteral("A source type is made of three parts that are split by a dot `.`; each part must start "
                               "with a letter and may contain only letters, digits, underscores, and dashes. A valid "
                               "source reference looks like: `source.type.name`"),
                block.defRange);
            continue;
        }
        SourceUseBlock use;
        use.ref = ref;
        use.range = head.attribute(QStringLiteral("sources"))->expr->range;
        build.sources.append(use);
    }

    Diagnostics contentDiags;
    hcl::BodyContent content = rest->content(buildSchema(), contentDiags);
    diags += contentDiags;
    if (diags.hasErrors())
        return std::nullopt;

    bool haveRegistry = false;
    for (const hcl::ContentBlock &b : content.blocks) {
        if (b.type == QLatin1String("hcp_packer_registry")) {
            if (haveRegistry) {
                diags += Diagnostic::error(QStringLiteral("Only one hcp_packer_registry is allowed"), QString(), b.defRange);
                continue;
            }
            haveRegistry = true;
        } else if (b.type == QLatin1String("source")) {
            hadSource = true;
            Diagnostics sd;
            std::optional<SourceUseBlock> use = decodeBuildSource(b, sd);
            diags += sd;
            if (use)
                build.sources.append(*use);
        } else if (b.type == QLatin1String("provisioner")) {
            if (std::optional<ProvisionerBlock> p = decodeProvisioner(b, ectx, diags))
                build.provisioners.append(*p);
        } else if (b.type == QLatin1String("error-cleanup-provisioner")) {
            if (build.errorCleanupProvisioner) {
                diags += Diagnostic::error(QStringLiteral("Only one error-cleanup-provisioner is allowed"), QString(),
                                           b.defRange);
                continue;
            }
            if (std::optional<ProvisionerBlock> p = decodeProvisioner(b, ectx, diags))
                build.errorCleanupProvisioner = *p;
        } else if (b.type == QLatin1String("post-processor")) {
            if (std::optional<PostProcessorBlock> pp = decodePostProcessor(b, ectx, diags))
                build.postProcessorLists.append({*pp});
        } else if (b.type == QLatin1String("post-processors")) {
            hcl::BodySchema chainSchema;
            chainSchema.blocks = {{QStringLiteral("post-processor"), {QStringLiteral("type")}}};
            Diagnostics chainDiags;
            hcl::BodyContent chain = b.body->content(chainSchema, chainDiags);
            diags += chainDiags;
            if (chainDiags.hasErrors())
                continue;
            QList<PostProcessorBlock> list;
            bool errored = false;
            for (const hcl::ContentBlock &ppb : chain.blocks) {
                std::optional<PostProcessorBlock> pp = decodePostProcessor(ppb, ectx, diags);
                if (!pp) {
                    errored = true;
                    break;
                }
                list.append(*pp);
            }
            if (!errored)
                build.postProcessorLists.append(list);
        }
    }

    if (!hadSource)
        diags += Diagnostic::error(QStringLiteral("missing source reference"),
                                   QStringLiteral("a build block must reference at least one source to be built"),
                                   block.defRange);
    return build;
}

} // namespace

Diagnostics decodeConfig(Template &tpl, const hcl::File &file)
{
    Diagnostics diags;
    auto dynCtx = std::make_shared<const hcl::EvalContext>(tpl.evalContext(BlockContext::DataSource));
    hcl::BodyPtr body = expandDynamicBlocks(file.body, dynCtx);
    hcl::BodyContent content = body->content(rootSchema(), diags);
    for (const hcl::ContentBlock &block : content.blocks) {
        if (block.type == QLatin1String("source")) {
            SourceBlock source;
            source.type = block.labels.value(0);
            source.name = block.labels.value(1);
            source.body = block.body;
            source.ref = blockRef(block);
            if (const SourceBlock *existing = tpl.source(source.sourceRef())) {
                diags += Diagnostic::error(QStringLiteral("Duplicate source block"),
                                           QStringLiteral("This source block has the same builder type and name as a "
                                                          "previous block declared at %1. Each source must have a "
                                                          "unique name per builder type.")
                                               .arg(rangeString(existing->ref.defRange)),
                                           block.defRange);
                continue;
            }
            tpl.sources.append(source);
        } else if (block.type == QLatin1String("build")) {
            Diagnostics buildDiags;
            std::optional<BuildBlock> build = decodeBuild(tpl, block, buildDiags);
            diags += buildDiags;
            if (build && !buildDiags.hasErrors())
                tpl.builds.append(*build);
        }
    }
    return diags;
}

} // namespace kiln::tmpl::detail

#include "app/models/completion/SchemaResolver.h"

#include "app/models/completion/PackerBlockSchemas.h"
#include "engine/registry/CommonFields.h"
#include "engine/registry/Registry.h"

namespace kiln::models {

using registry::ComponentKind;
using registry::ConfigSchema;

namespace {

BodySchema withSchema(const ConfigSchema &schema)
{
    BodySchema body;
    body.role = BodySchema::Role::Schema;
    body.schema = schema;
    return body;
}

BodySchema freeForm()
{
    BodySchema body;
    body.role = BodySchema::Role::FreeForm;
    return body;
}

} // namespace

std::optional<ConfigSchema> SchemaResolver::componentSchema(
    ComponentKind kind, const QString &type) const
{
    const registry::ComponentDescriptor *d = m_registry ? m_registry->find(kind, type) : nullptr;
    if (!d)
        return std::nullopt;
    ConfigSchema schema = d->schema;
    if (kind == ComponentKind::Provisioner)
        schema.add(registry::commonProvisionerFields());
    else if (kind == ComponentKind::PostProcessor)
        schema.add(registry::commonPostProcessorFields());
    return schema;
}

BodySchema SchemaResolver::resolve(const HclOutline &outline, const QList<int> &path) const
{
    BodySchema body;
    body.role = BodySchema::Role::Root;
    // Which of Packer's own blocks the walk is in, so that their children resolve.
    enum class Where { Root, Build, PostProcessors, Variable, Packer, Component, Dynamic, Other };
    // Inside `dynamic "NAME" {}`: the schema its `content` block stands for.
    ConfigSchema dynamicContent;
    Where where = Where::Root;
    const auto componentBody = [&](ComponentKind kind, const QString &type) {
        BodySchema b;
        if (auto schema = componentSchema(kind, type))
            b = withSchema(*schema);
        b.componentKind = kind;
        b.componentType = type;
        where = b.role == BodySchema::Role::Schema ? Where::Component : Where::Other;
        return b;
    };

    for (int index : path) {
        const OutlineBlock &b = outline.blocks()[index];
        const QString label = b.labels.value(0);
        switch (where) {
        case Where::Root:
            if (b.type == QLatin1String("source")) {
                body = componentBody(ComponentKind::Builder, label);
            } else if (b.type == QLatin1String("data")) {
                body = componentBody(ComponentKind::DataSource, label);
            } else if (b.type == QLatin1String("build")) {
                body = withSchema(buildBlockSchema());
                where = Where::Build;
            } else if (b.type == QLatin1String("variable")) {
                body = withSchema(variableBlockSchema());
                where = Where::Variable;
            } else if (b.type == QLatin1String("packer")) {
                body = withSchema(packerBlockSchema());
                where = Where::Packer;
            } else if (b.type == QLatin1String("locals") || b.type == QLatin1String("variables")) {
                body = freeForm();
                where = Where::Other;
            } else {
                body = BodySchema();
                where = Where::Other;
            }
            break;
        case Where::Build:
        case Where::PostProcessors:
            if (b.type == QLatin1String("source") && where == Where::Build) {
                body = componentBody(ComponentKind::Builder, label.section(u'.', 0, 0));
                body.schema.add(buildSourceExtraSchema());
            } else if (b.type == QLatin1String("provisioner") && where == Where::Build) {
                body = componentBody(ComponentKind::Provisioner, label);
            } else if (b.type == QLatin1String("post-processor")) {
                body = componentBody(ComponentKind::PostProcessor, label);
            } else if (b.type == QLatin1String("post-processors") && where == Where::Build) {
                body = withSchema(postProcessorsBlockSchema());
                where = Where::PostProcessors;
            } else {
                body = BodySchema();
                where = Where::Other;
            }
            break;
        case Where::Variable:
        case Where::Packer:
            if (const ConfigSchema *nested = body.schema.nested(b.type)) {
                body = where == Where::Packer ? freeForm() : withSchema(*nested);
            } else {
                body = BodySchema();
            }
            where = Where::Other;
            break;
        case Where::Component:
            if (b.type == QLatin1String("dynamic")) {
                // hcl's dynblock: generates NAME blocks from `content`.
                const ConfigSchema *nested = body.schema.nested(label);
                dynamicContent = nested ? *nested : ConfigSchema();
                const auto kind = body.componentKind;
                const QString type = body.componentType;
                body = withSchema(dynamicBlockSchema());
                body.componentKind = kind;
                body.componentType = type;
                where = nested ? Where::Dynamic : Where::Other;
            } else if (const ConfigSchema *nested = body.schema.nested(b.type)) {
                body.schema = *nested;
            } else {
                body = BodySchema();
                where = Where::Other;
            }
            break;
        case Where::Dynamic:
            if (b.type == QLatin1String("content")) {
                body.schema = dynamicContent;
                where = Where::Component;
            } else {
                body = BodySchema();
                where = Where::Other;
            }
            break;
        case Where::Other:
            body = BodySchema();
            break;
        }
    }
    return body;
}

} // namespace kiln::models

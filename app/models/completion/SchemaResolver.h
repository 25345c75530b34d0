#pragma once

#include "app/models/completion/HclOutline.h"
#include "engine/registry/ComponentKind.h"
#include "engine/registry/ConfigSchema.h"

#include <optional>

namespace kiln::registry {
class Registry;
}

namespace kiln::models {

// What may appear inside the innermost block of a path.
struct BodySchema
{
    enum class Role {
        Root, // the file's top level: Packer's block types
        Schema, // arguments and nested blocks described by `schema`
        FreeForm, // any names (locals, variables, required_plugins)
        Unknown, // a block completion knows nothing about
    };
    Role role = Role::Unknown;
    registry::ConfigSchema schema;
    // The component a component block (or a block nested in one) belongs to.
    std::optional<registry::ComponentKind> componentKind;
    QString componentType;
};

// Resolves a block path of an outline to the schema of its innermost body: Packer's own
// blocks (build, variable, packer, ...) and component blocks through the registry, nested
// blocks through Field::nested().
class SchemaResolver
{
public:
    explicit SchemaResolver(const registry::Registry *registry)
        : m_registry(registry)
    { }

    BodySchema resolve(const HclOutline &outline, const QList<int> &path) const;
    // The schema of one component type (with Packer's common provisioner/post-processor
    // arguments added); empty when the registry does not know it.
    std::optional<registry::ConfigSchema> componentSchema(
        registry::ComponentKind kind, const QString &type) const;

private:
    const registry::Registry *m_registry;
};

} // namespace kiln::models

#pragma once

#include <QString>
#include <array>
#include <optional>

namespace kiln::registry {

enum class ComponentKind { Builder, Provisioner, PostProcessor, DataSource };

inline constexpr std::array<ComponentKind, 4> allComponentKinds = {ComponentKind::Builder,
    ComponentKind::Provisioner, ComponentKind::PostProcessor, ComponentKind::DataSource};

// Packer's wording in messages: "builder", "provisioner", "post-processor", "data source".
QString componentKindName(ComponentKind kind);

// The HCL2 block type that instantiates a component of this kind:
// "source", "provisioner", "post-processor", "data".
QString componentBlockType(ComponentKind kind);

// Inverse of componentBlockType().
std::optional<ComponentKind> componentKindFromBlockType(const QString &blockType);

} // namespace kiln::registry

#include "engine/registry/ComponentKind.h"

namespace kiln::registry {

QString componentKindName(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::Builder:
        return QStringLiteral("builder");
    case ComponentKind::Provisioner:
        return QStringLiteral("provisioner");
    case ComponentKind::PostProcessor:
        return QStringLiteral("post-processor");
    case ComponentKind::DataSource:
        return QStringLiteral("data source");
    }
    return {};
}

QString componentBlockType(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::Builder:
        return QStringLiteral("source");
    case ComponentKind::Provisioner:
        return QStringLiteral("provisioner");
    case ComponentKind::PostProcessor:
        return QStringLiteral("post-processor");
    case ComponentKind::DataSource:
        return QStringLiteral("data");
    }
    return {};
}

std::optional<ComponentKind> componentKindFromBlockType(const QString &blockType)
{
    for (ComponentKind kind : allComponentKinds) {
        if (componentBlockType(kind) == blockType)
            return kind;
    }
    return std::nullopt;
}

} // namespace kiln::registry

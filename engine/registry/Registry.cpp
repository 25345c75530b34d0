#include "engine/registry/Registry.h"

#include "engine/registry/DidYouMean.h"

namespace kiln::registry {

bool Registry::add(ComponentDescriptor descriptor)
{
    if (find(descriptor.kind, descriptor.typeName))
        return false;
    m_components.append(std::make_shared<ComponentDescriptor>(std::move(descriptor)));
    return true;
}

bool Registry::setFactory(ComponentKind kind, const QString &typeName, ComponentFactory create)
{
    // In place, so that pointers already handed out by find() and list() see the factory.
    for (const auto &d : m_components) {
        if (d->kind == kind && d->typeName == typeName) {
            d->create = std::move(create);
            return true;
        }
    }
    return false;
}

const ComponentDescriptor *Registry::find(ComponentKind kind, const QString &typeName) const
{
    // A linear scan: there are a few dozen components and lookups happen once per block.
    for (const auto &d : m_components) {
        if (d->kind == kind && d->typeName == typeName)
            return d.get();
    }
    return nullptr;
}

QList<const ComponentDescriptor *> Registry::list(ComponentKind kind) const
{
    QList<const ComponentDescriptor *> out;
    for (const auto &d : m_components) {
        if (d->kind == kind)
            out.append(d.get());
    }
    return out;
}

QStringList Registry::typeNames(ComponentKind kind) const
{
    QStringList out;
    for (const auto &d : m_components) {
        if (d->kind == kind)
            out.append(d->typeName);
    }
    return out;
}

QString Registry::suggest(ComponentKind kind, const QString &unknownType) const
{
    return nameSuggestion(unknownType, typeNames(kind));
}

} // namespace kiln::registry

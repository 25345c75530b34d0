#include "engine/registry/Registry.h"

#include "engine/registry/DidYouMean.h"

namespace kiln::registry {

ComponentDescriptor *Registry::Entry::get()
{
    std::call_once(described, [this] {
        if (!describe)
            return;
        descriptor = std::make_unique<ComponentDescriptor>(describe());
        describe = nullptr;
        // A registration that names another component than its description is a defect.
        Q_ASSERT(descriptor->kind == kind && descriptor->typeName == typeName);
    });
    return descriptor.get();
}

Registry::Entry *Registry::entry(ComponentKind kind, const QString &typeName) const
{
    // A linear scan: there are a few dozen components and lookups happen once per block.
    for (const auto &e : m_entries) {
        if (e->kind == kind && e->typeName == typeName)
            return e.get();
    }
    return nullptr;
}

bool Registry::add(ComponentDescriptor descriptor)
{
    if (entry(descriptor.kind, descriptor.typeName))
        return false;
    auto e = std::make_shared<Entry>();
    e->kind = descriptor.kind;
    e->typeName = descriptor.typeName;
    e->descriptor = std::make_unique<ComponentDescriptor>(std::move(descriptor));
    m_entries.append(std::move(e));
    return true;
}

bool Registry::add(
    ComponentKind kind, const QString &typeName, std::function<ComponentDescriptor()> describe)
{
    if (entry(kind, typeName))
        return false;
    auto e = std::make_shared<Entry>();
    e->kind = kind;
    e->typeName = typeName;
    e->describe = std::move(describe);
    m_entries.append(std::move(e));
    return true;
}

bool Registry::setFactory(ComponentKind kind, const QString &typeName, ComponentFactory create)
{
    // In place, so that pointers already handed out by find() and list() see the factory.
    Entry *e = entry(kind, typeName);
    if (!e)
        return false;
    e->get()->create = std::move(create);
    return true;
}

const ComponentDescriptor *Registry::find(ComponentKind kind, const QString &typeName) const
{
    Entry *e = entry(kind, typeName);
    return e ? e->get() : nullptr;
}

QList<const ComponentDescriptor *> Registry::list(ComponentKind kind) const
{
    QList<const ComponentDescriptor *> out;
    for (const auto &e : m_entries) {
        if (e->kind == kind)
            out.append(e->get());
    }
    return out;
}

QStringList Registry::typeNames(ComponentKind kind) const
{
    QStringList out;
    for (const auto &e : m_entries) {
        if (e->kind == kind)
            out.append(e->typeName);
    }
    return out;
}

QString Registry::suggest(ComponentKind kind, const QString &unknownType) const
{
    return nameSuggestion(unknownType, typeNames(kind));
}

} // namespace kiln::registry

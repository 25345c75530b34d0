#pragma once

#include "engine/registry/ComponentDescriptor.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <concepts>
#include <memory>

namespace kiln::registry {

// A component class that can describe itself without being instantiated.
template <typename T>
concept DescribedComponent = requires
{
    {
        T::descriptor()
        } -> std::convertible_to<ComponentDescriptor>;
};

// The catalogue of known components, keyed by (kind, type name).
//
// Threading: fill it on one thread during start-up (registerBuiltins()), then share it
// read-only. The const members never mutate anything, so concurrent readers (build
// workers, the GUI, the loader) need no locking; add() must not run concurrently with them.
class Registry
{
public:
    Registry() = default;
    Registry(const Registry &) = delete;
    Registry &operator=(const Registry &) = delete;

    // Registers a component. Returns false, and keeps the first registration, when a
    // component of the same kind and type name is already known.
    bool add(ComponentDescriptor descriptor);
    // Typed registration: registry.add<ShellProvisioner>() reads ShellProvisioner::descriptor().
    template <DescribedComponent T> bool add() { return add(ComponentDescriptor(T::descriptor())); }
    // Makes an already registered component runnable. Descriptions and implementations
    // are linked separately (the kiln executable has only the descriptions), so the code
    // that links the implementations attaches their factories afterwards. Returns false
    // when no such component is registered. Same threading rule as add().
    bool setFactory(ComponentKind kind, const QString &typeName, ComponentFactory create);

    // Null when no component of that kind has this type name.
    const ComponentDescriptor *find(ComponentKind kind, const QString &typeName) const;
    bool contains(ComponentKind kind, const QString &typeName) const
    {
        return find(kind, typeName);
    }

    // Components of one kind in registration order (the palette's order).
    QList<const ComponentDescriptor *> list(ComponentKind kind) const;
    QStringList typeNames(ComponentKind kind) const;
    qsizetype size() const { return m_components.size(); }

    // Packer's "Did you mean to use %q?" candidate for an unknown type name: the first
    // registered type of that kind within edit distance 2; empty if none.
    QString suggest(ComponentKind kind, const QString &unknownType) const;

private:
    // Descriptors are held by pointer so that the addresses handed out by find() and
    // list() stay valid while further components are registered.
    QList<std::shared_ptr<ComponentDescriptor>> m_components;
};

} // namespace kiln::registry

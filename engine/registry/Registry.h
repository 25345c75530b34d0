#pragma once

#include "engine/registry/ComponentDescriptor.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <concepts>
#include <functional>
#include <memory>
#include <mutex>

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
// read-only: concurrent readers (build workers, the GUI, the loader) need no locking, and
// add() and setFactory() must not run concurrently with them. A description registered
// by its function is made on first use (find(), list()), once, safely from any thread:
// a command that checks one template pays only for the components it uses.
class Registry
{
public:
    Registry() = default;
    Registry(const Registry &) = delete;
    Registry &operator=(const Registry &) = delete;

    // Registers a component. Returns false, and keeps the first registration, when a
    // component of the same kind and type name is already known.
    bool add(ComponentDescriptor descriptor);
    // Registers a component by the function that describes it, called when the descriptor
    // is first needed; `describe` must give that kind and type name.
    bool add(
        ComponentKind kind, const QString &typeName, std::function<ComponentDescriptor()> describe);
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
    qsizetype size() const { return m_entries.size(); }

    // Packer's "Did you mean to use %q?" candidate for an unknown type name: the first
    // registered type of that kind within edit distance 2; empty if none.
    QString suggest(ComponentKind kind, const QString &unknownType) const;

private:
    struct Entry
    {
        ComponentKind kind;
        QString typeName;
        std::function<ComponentDescriptor()> describe; // empty once described
        std::once_flag described;
        std::unique_ptr<ComponentDescriptor> descriptor;
        ComponentDescriptor *get();
    };
    Entry *entry(ComponentKind kind, const QString &typeName) const;

    // Entries are held by pointer so that the addresses handed out by find() and list()
    // stay valid while further components are registered.
    QList<std::shared_ptr<Entry>> m_entries;
};

} // namespace kiln::registry

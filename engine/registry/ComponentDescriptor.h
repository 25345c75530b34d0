#pragma once

#include "engine/registry/Component.h"
#include "engine/registry/ComponentKind.h"
#include "engine/registry/ConfigSchema.h"

#include <QString>
#include <functional>
#include <memory>

namespace kiln::registry {

// Makes a fresh instance of one component for one build.
using ComponentFactory = std::function<std::unique_ptr<Component>()>;

// Everything the designer, the loader and `inspect` need to know about a component without
// instantiating it.
struct ComponentDescriptor
{
    ComponentKind kind = ComponentKind::Builder;
    // The type label used in templates: source "docker" "x", provisioner "shell", ...
    QString typeName;
    // Human name for the palette, e.g. "Docker", "Shell (local)".
    QString displayName;
    // One line for tooltips and `inspect`.
    QString description;
    // Key into the icon theme; icons are resolved by the GUI, never by the engine.
    QString iconName;
    ConfigSchema schema;
    // Data sources only: the attributes of the object that data.<type>.<name> evaluates to
    // (Packer's DatasourceOutput). Empty for the other kinds.
    ConfigSchema outputs;
    // Makes a fresh instance for one build. Empty for a component Kiln can describe but not
    // run (a plugin whose schema is known): `validate` accepts it, `build` reports it. Also
    // empty in a registry that holds only descriptions (the kiln executable's validate,
    // fmt, inspect: the implementations live in the runtime module, see Registry::setFactory).
    ComponentFactory create;
    // Makes the component's settings alone: a build::ComponentSettings, which reads and
    // checks a configuration as the component's prepare() does, without the code that
    // runs it. Set by the description itself (components/<kind>/<type>/*Settings.h), so
    // that `kiln validate` prepares every component without the runtime module. Empty
    // exactly when the component cannot run anywhere (no implementation at all).
    ComponentFactory settings;
};

} // namespace kiln::registry

#pragma once

namespace kiln::registry {

// The common base of every runnable component (builders, provisioners, post-processors,
// data sources). The registry only creates them; engine/build knows the concrete
// interfaces (build::Builder, ...) and casts to them, which keeps the registry below the
// build layer.
class Component
{
public:
    virtual ~Component() = default;
};

} // namespace kiln::registry

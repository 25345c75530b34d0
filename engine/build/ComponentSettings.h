#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"
#include "engine/registry/ComponentDescriptor.h"

#include <memory>

namespace kiln::build {

// A component's configuration, read and checked: Packer's Prepare, apart from the code
// that runs the component. Every runnable component keeps what it reads in a settings
// class of its own (components/<kind>/<type>/<Name>Settings.h: plain fields and
// `PrepareResult read(const ComponentConfig &)`, no side effects), and its prepare() is
// that read(). Its description names the class (settingsReader), so `kiln validate`
// prepares every component of a template in the kiln executable, without loading the
// runtime module where the implementations live.
class ComponentSettings : public registry::Component
{
public:
    virtual PrepareResult read(const ComponentConfig &config) = 0;
};

// The ComponentDescriptor::settings factory for the settings class S.
template <typename S> registry::ComponentFactory settingsReader()
{
    class Reader final : public ComponentSettings
    {
    public:
        PrepareResult read(const ComponentConfig &config) override
        {
            return m_settings.read(config);
        }

    private:
        S m_settings;
    };
    return [] { return std::make_unique<Reader>(); };
}

} // namespace kiln::build

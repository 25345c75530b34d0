// The schema is shared with the other shell-local component (components/shared/ShellLocalFields.cpp).

#include "components/Descriptors.h"
#include "components/provisioners/shell-local/ShellLocalProvisioner.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor shellLocalProvisionerDescriptor()
{
    const ConfigSchema s = shellLocalFields();

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "shell-local";
    d.displayName = "Shell (local)";
    d.description = "Runs shell commands or scripts on the machine running Packer.";
    d.iconName = "provisioner-shell-local";
    d.schema = s;
    d.create = [] { return std::make_unique<ShellLocalProvisioner>(); };
    return d;
}

} // namespace kiln::components

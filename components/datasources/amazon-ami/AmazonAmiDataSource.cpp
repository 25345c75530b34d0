// Keys and types mirror the HCL2 spec of packer-plugin-amazon datasource/ami;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptors.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor amazonAmiDataSourceDescriptor()
{
    ConfigSchema s;
    s.add(amazonAccessConfigFields());
    s.add(amazonAmiFilterOptionsFields());

    ComponentDescriptor d;
    d.kind = ComponentKind::DataSource;
    d.typeName = "amazon-ami";
    d.displayName = "Amazon AMI";
    d.description = "Looks up an AMI by filters and exposes its ID and metadata.";
    d.iconName = "datasource-amazon";
    d.schema = s;
    return d;
}

} // namespace kiln::components

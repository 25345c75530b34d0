// Keys and types mirror the HCL2 spec of packer-plugin-amazon datasource/ami;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

namespace {

ConfigSchema datasourceOutputSchema()
{
    ConfigSchema s;
    s.add(Field::string("id").withHelp("The ID of the AMI."));
    s.add(Field::string("name").withHelp("The name of the AMI."));
    s.add(Field::string("creation_date").withHelp("The date of creation of the AMI."));
    s.add(Field::string("owner").withHelp("The AWS account ID of the owner."));
    s.add(Field::string("owner_name").withHelp("The owner alias."));
    s.add(Field::map("tags", Field::elementOf(FieldType::String))
              .withHelp("The key/value combination of the tags assigned to the AMI."));
    return s;
}

} // namespace

ComponentDescriptor amazonAmiDataSourceDescription()
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
    d.outputs = datasourceOutputSchema();
    return d;
}

} // namespace kiln::components

// Keys and types mirror the HCL2 spec of packer-plugin-amazon datasource/parameterstore;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

namespace {

ConfigSchema datasourceOutputSchema()
{
    ConfigSchema s;
    s.add(Field::string("value").withHelp("The parameter value."));
    s.add(Field::string("version").withHelp("The parameter version."));
    s.add(Field::string("arn").withHelp("The Amazon Resource Name (ARN) of the parameter."));
    return s;
}

} // namespace

ComponentDescriptor amazonParameterstoreDataSourceDescription()
{
    ConfigSchema s;
    s.add(amazonAccessConfigFields());
    s.add(Field::string("name").markRequired().withHelp(
        "The name of the parameter you want to query."));
    s.add(Field::boolean("with_decryption")
              .withHelp("Return decrypted values for secure string parameters. This flag is "
                        "ignored for String and StringList parameter types."));

    ComponentDescriptor d;
    d.kind = ComponentKind::DataSource;
    d.typeName = "amazon-parameterstore";
    d.displayName = "Amazon Parameter Store";
    d.description = "Reads a parameter from AWS Systems Manager Parameter Store.";
    d.iconName = "datasource-amazon";
    d.schema = s;
    d.outputs = datasourceOutputSchema();
    return d;
}

} // namespace kiln::components

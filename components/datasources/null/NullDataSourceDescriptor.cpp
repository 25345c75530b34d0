// Keys and types mirror the HCL2 spec of packer datasource/null;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/datasources/null/NullDataSourceSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

namespace {

ConfigSchema datasourceOutputSchema()
{
    ConfigSchema s;
    s.add(Field::string("output").withHelp("Output will return the input variable, as output."));
    return s;
}

} // namespace

ComponentDescriptor nullDataSourceDescription()
{
    ConfigSchema s;
    s.add(Field::string("input").markRequired().withHelp(
        "This variable will get stored as \"output\" in the output spec."));

    ComponentDescriptor d;
    d.kind = ComponentKind::DataSource;
    d.typeName = "null";
    d.displayName = "Null";
    d.description = "Returns its input unchanged; useful for testing and as a value holder.";
    d.iconName = "datasource-null";
    d.schema = s;
    d.outputs = datasourceOutputSchema();
    d.settings = build::settingsReader<NullDataSourceSettings>();
    return d;
}

} // namespace kiln::components

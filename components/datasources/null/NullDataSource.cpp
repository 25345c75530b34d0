// Keys and types mirror the HCL2 spec of packer datasource/null;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/datasources/null/NullDataSource.h"

#include "components/Descriptors.h"
#include "engine/build/ComponentConfig.h"

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

ComponentDescriptor nullDataSourceDescriptor()
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
    d.create = [] { return std::make_unique<NullDataSource>(); };
    return d;
}

build::PrepareResult NullDataSource::prepare(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    m_input = config.string(QStringLiteral("input"));
    if (m_input.isEmpty())
        result.errors << QStringLiteral("The `input` must be specified");
    return result;
}

hcl::Value NullDataSource::execute(const build::CancelTokenPtr &cancel, QString *error)
{
    Q_UNUSED(cancel);
    Q_UNUSED(error);
    return hcl::Value::object({{QStringLiteral("output"), hcl::Value::string(m_input)}});
}

} // namespace kiln::components

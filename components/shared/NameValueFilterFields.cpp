// Keys and types mirror the HCL2 spec of packer-plugin-sdk template/config NameValueFilter;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

namespace {

ConfigSchema nameValueSchema()
{
    ConfigSchema s;
    s.add(Field::string("name").withHelp("The name of the filter, e.g. tag:Name or architecture."));
    s.add(Field::string("value").withHelp("The value the filter matches."));
    return s;
}

} // namespace

ConfigSchema nameValueFilterFields()
{
    ConfigSchema s;
    s.add(Field::map("filters", Field::elementOf(FieldType::String))
              .withHelp("Filters used to select an AMI. Any filter described in the docs for "
                        "DescribeImages is valid."));
    s.add(Field::block("filter", nameValueSchema(), true)
              .withHelp("A filter given as a name and a list of values; may be repeated."));
    return s;
}

} // namespace kiln::components

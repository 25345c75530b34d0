// Keys and types mirror the HCL2 spec of packer-plugin-amazon common AmiFilterOptions;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema amazonAmiFilterOptionsFields()
{
    ConfigSchema s;
    s.add(Field::map("filters", Field::elementOf(FieldType::String))
              .withHelp("Filters used to select an AMI. Any filter described in the docs for "
                        "DescribeImages is valid."));
    s.add(Field::list("owners", Field::elementOf(FieldType::String))
              .withHelp("Filters the images by their owner. You may specify one or more AWS "
                        "account IDs, \"self\" (which will use the account whose credentials you "
                        "are using to run Packer), or an AWS owner alias: for example, amazon, "
                        "aws-marketplace, or microsoft."));
    s.add(Field::boolean("most_recent")
              .withHelp("Selects the newest created image when true. This is most useful for "
                        "selecting a daily distro build."));
    s.add(Field::boolean("include_deprecated")
              .withDefault("false")
              .withHelp("Include deprecated AMIs in the filtered response. Defaults to false. If "
                        "you are the AMI owner, deprecated AMIs appear in the response "
                        "regardless of what is specified for include_deprecated."));
    return s;
}

} // namespace kiln::components

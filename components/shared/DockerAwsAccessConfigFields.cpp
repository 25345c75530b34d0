// Keys and types mirror the HCL2 spec of packer-plugin-docker builder/docker AwsAccessConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema dockerAwsAccessConfigFields()
{
    ConfigSchema s;
    s.add(Field::string("aws_access_key")
              .withHelp("The AWS access key used to communicate with AWS."));
    s.add(Field::string("aws_secret_key")
              .markSensitive()
              .withHelp("The AWS secret key used to communicate with AWS."));
    s.add(Field::string("aws_token")
              .markSensitive()
              .withHelp("The AWS access token to use. This is different from the access key and "
                        "secret key. If you're not sure what this is, then you probably don't "
                        "need it."));
    s.add(Field::string("aws_profile")
              .withHelp("The AWS shared credentials profile used to communicate with AWS."));
    s.add(Field::boolean("aws_force_use_public_ecr")
              .withHelp("The flag to identify whether to push docker image to Public _or_ "
                        "Private ECR. If the user sets this to true from the config, we will "
                        "forcefully try to push to Public ECR otherwise set this from code based "
                        "on the given LoginServer value."));
    return s;
}

} // namespace kiln::components

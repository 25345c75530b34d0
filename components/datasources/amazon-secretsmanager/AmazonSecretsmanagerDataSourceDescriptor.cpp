// Keys and types mirror the HCL2 spec of packer-plugin-amazon datasource/secretsmanager;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

namespace {

ConfigSchema datasourceOutputSchema()
{
    ConfigSchema s;
    s.add(Field::string("value").withHelp(
        "When a key is provided, this will be the value for that key. If a key "
        "is not provided, value will contain the first value found in the secret "
        "string."));
    s.add(Field::string("secret_string")
              .withHelp("The decrypted part of the protected secret information that was "
                        "originally provided as a string."));
    s.add(Field::string("secret_binary")
              .withHelp("The decrypted part of the protected secret information that was "
                        "originally provided as a binary."));
    s.add(Field::string("version_id")
              .withHelp("The unique identifier of this version of the secret."));
    return s;
}

} // namespace

ComponentDescriptor amazonSecretsmanagerDataSourceDescription()
{
    ConfigSchema s;
    s.add(Field::string("name").markRequired().withHelp(
        "Specifies the secret containing the version that you want to retrieve. "
        "You can specify either the Amazon Resource Name (ARN) or the friendly "
        "name of the secret."));
    s.add(Field::string("key").withHelp(
        "Optional key for JSON secrets that contain more than one value. When "
        "set, the value output will contain the value for the provided key."));
    s.add(Field::string("version_id")
              .withHelp("Specifies the unique identifier of the version of the secret that you "
                        "want to retrieve. Overrides version_stage."));
    s.add(Field::string("version_stage")
              .withHelp("Specifies the secret version that you want to retrieve by the staging "
                        "label attached to the version."));
    s.add(amazonAccessConfigFields());

    ComponentDescriptor d;
    d.kind = ComponentKind::DataSource;
    d.typeName = "amazon-secretsmanager";
    d.displayName = "Amazon Secrets Manager";
    d.description = "Reads a secret from AWS Secrets Manager.";
    d.iconName = "datasource-amazon";
    d.schema = s;
    d.outputs = datasourceOutputSchema();
    return d;
}

} // namespace kiln::components

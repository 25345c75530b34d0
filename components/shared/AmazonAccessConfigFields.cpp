// Keys and types mirror the HCL2 spec of packer-plugin-amazon common AccessConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

namespace {

ConfigSchema assumeRoleConfigSchema()
{
    ConfigSchema s;
    s.add(Field::string("role_arn")
              .withHelp("Amazon Resource Name (ARN) of the IAM Role to assume."));
    s.add(Field::number("duration_seconds")
              .withHelp("Number of seconds to restrict the assume role session duration."));
    s.add(Field::string("external_id")
              .withHelp("The external ID to use when assuming the role. If omitted, no external "
                        "ID is passed to the AssumeRole call."));
    s.add(Field::string("policy").withHelp(
        "IAM Policy JSON describing further restricting permissions for the IAM "
        "Role being assumed."));
    s.add(Field::list("policy_arns", Field::elementOf(FieldType::String))
              .withHelp("Set of Amazon Resource Names (ARNs) of IAM Policies describing further "
                        "restricting permissions for the IAM Role being."));
    s.add(Field::string("session_name").withHelp("Session name to use when assuming the role."));
    s.add(Field::map("tags", Field::elementOf(FieldType::String))
              .withHelp("Map of assume role session tags."));
    s.add(Field::list("transitive_tag_keys", Field::elementOf(FieldType::String))
              .withHelp("Set of assume role session tag keys to pass to any subsequent sessions."));
    return s;
}

ConfigSchema vaultAWSEngineOptionsSchema()
{
    ConfigSchema s;
    s.add(Field::string("name").withHelp(
        "The name of the Vault AWS secrets engine role to read credentials from."));
    s.add(Field::string("role_arn")
              .withHelp("The ARN of the role to assume when the Vault role has several."));
    s.add(Field::string("ttl").withHelp(
        "How long the Vault-issued STS credentials stay valid (for assumed_role "
        "and federation_token)."));
    s.add(Field::string("engine_name")
              .withHelp("The mount path of the AWS secrets engine in Vault. Defaults to aws."));
    return s;
}

ConfigSchema aWSPollingConfigSchema()
{
    ConfigSchema s;
    s.add(Field::number("max_attempts")
              .withHelp("Specifies the maximum number of attempts the waiter will check for "
                        "resource state. This value can also be set via the AWS_MAX_ATTEMPTS."));
    s.add(Field::number("delay_seconds")
              .withHelp("Specifies the delay in seconds between attempts to check the resource "
                        "state. This value can also be set via the AWS_POLL_DELAY_SECONDS."));
    return s;
}

} // namespace

ConfigSchema amazonAccessConfigFields()
{
    ConfigSchema s;
    s.add(Field::string("access_key")
              .markSensitive()
              .withHelp("The access key used to communicate with AWS. Learn how to set this. On "
                        "EBS, this is not required if you are using use_vault_aws_engine for "
                        "authentication instead."));
    s.add(Field::block("assume_role", assumeRoleConfigSchema(), false)
              .withHelp("If provided with a role ARN, Packer will attempt to assume this role "
                        "using the supplied credentials."));
    s.add(Field::string("custom_endpoint_ec2")
              .withHelp("This option is useful if you use a cloud provider whose API is "
                        "compatible with aws EC2. Specify another endpoint like this "
                        "https://ec2.custom.endpoint.com."));
    s.add(Field::string("shared_credentials_file")
              .withHelp("Path to a credentials file to load credentials from."));
    s.add(Field::boolean("decode_authorization_messages")
              .withHelp("Enable automatic decoding of any encoded authorization (error) messages "
                        "using the sts:DecodeAuthorizationMessage API."));
    s.add(Field::boolean("insecure_skip_tls_verify")
              .withDefault("false")
              .withHelp("This allows skipping TLS verification of the AWS EC2 endpoint. The "
                        "default is false."));
    s.add(Field::number("max_retries")
              .withHelp("This is the maximum number of times an API call is retried, in the case "
                        "where requests are being throttled or experiencing transient failures."));
    s.add(Field::string("mfa_code")
              .withHelp("The MFA TOTP code. This should probably be a user variable since it "
                        "changes all the time."));
    s.add(Field::string("profile").withHelp(
        "The profile to use in the shared credentials file for AWS. See Amazon's "
        "documentation on specifying profiles for more details."));
    s.add(Field::string("region").withHelp(
        "The name of the region, such as us-east-1, in which to launch the EC2 "
        "instance to create the AMI."));
    s.add(Field::string("secret_key")
              .markSensitive()
              .withHelp("The secret key used to communicate with AWS. Learn how to set this. "
                        "This is not required if you are using use_vault_aws_engine for "
                        "authentication instead."));
    s.add(Field::boolean("skip_metadata_api_check")
              .withHelp("If true, do not query the EC2 instance metadata API for credentials."));
    s.add(Field::boolean("skip_credential_validation")
              .withHelp("Set to true if you want to skip validating AWS credentials before "
                        "runtime."));
    s.add(Field::string("token").markSensitive().withHelp(
        "The access token to use. This is different from the access key and "
        "secret key. If you're not sure what this is, then you probably don't "
        "need it."));
    s.add(Field::block("vault_aws_engine", vaultAWSEngineOptionsSchema(), false)
              .withHelp("Get credentials from HashiCorp Vault's aws secrets engine. You must "
                        "already have created a role to use."));
    s.add(Field::block("aws_polling", aWSPollingConfigSchema(), false)
              .withHelp("Polling configuration for the AWS waiter. Configures the waiter that "
                        "checks resource state."));
    return s;
}

} // namespace kiln::components

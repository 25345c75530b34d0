// Keys and types mirror the HCL2 spec of packer-plugin-amazon common RunConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

namespace {

ConfigSchema keyValueSchema()
{
    ConfigSchema s;
    s.add(Field::string("key").withHelp("The tag key."));
    s.add(Field::string("value").withHelp("The tag value."));
    return s;
}

ConfigSchema statementSchema()
{
    ConfigSchema s;
    s.add(Field::string("Effect").withHelp("Allow or Deny."));
    s.add(Field::list("Action", Field::elementOf(FieldType::String))
              .withHelp("The actions the statement applies to, e.g. s3:GetObject."));
    s.add(Field::list("Resource", Field::elementOf(FieldType::String))
              .withHelp("The resources the statement applies to."));
    return s;
}

ConfigSchema policyDocumentSchema()
{
    ConfigSchema s;
    s.add(Field::string("Version").withHelp("The IAM policy language version, e.g. 2012-10-17."));
    s.add(Field::block("Statement", statementSchema(), true).withHelp("The policy statements."));
    return s;
}

ConfigSchema securityGroupFilterOptionsSchema()
{
    ConfigSchema s;
    s.add(nameValueFilterFields());
    return s;
}

ConfigSchema amiFilterOptionsSchema()
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

ConfigSchema subnetFilterOptionsSchema()
{
    ConfigSchema s;
    s.add(nameValueFilterFields());
    s.add(Field::boolean("most_free")
              .withHelp("Pick the matching subnet with the most free IPv4 addresses."));
    s.add(Field::boolean("random").withHelp("Pick a random subnet among the matching ones."));
    return s;
}

ConfigSchema licenseConfigurationRequestSchema()
{
    ConfigSchema s;
    s.add(Field::string("license_configuration_arn")
              .withHelp("The Amazon Resource Name (ARN) of the license configuration."));
    return s;
}

ConfigSchema licenseSpecificationSchema()
{
    ConfigSchema s;
    s.add(Field::block("license_configuration_request", licenseConfigurationRequestSchema(), false)
              .withHelp("Describes a license configuration."));
    return s;
}

ConfigSchema placementSchema()
{
    ConfigSchema s;
    s.add(Field::string("host_resource_group_arn")
              .withHelp("The ARN of the host resource group in which to launch the instances."));
    s.add(Field::string("host_id").withHelp(
        "The ID of the host used when Packer launches an EC2 instance."));
    s.add(Field::string("tenancy").withDefault("default").withHelp(
        "Tenancy used when Packer launches the EC2 instance, allowing it to be "
        "launched on dedicated hardware."));
    return s;
}

ConfigSchema vpcFilterOptionsSchema()
{
    ConfigSchema s;
    s.add(nameValueFilterFields());
    return s;
}

ConfigSchema metadataOptionsSchema()
{
    ConfigSchema s;
    s.add(Field::enumeration("http_endpoint", {"enabled", "disabled"})
              .withHelp("A string to enable or disable the IMDS endpoint for an instance. "
                        "Defaults to enabled. Accepts either \"enabled\" or \"disabled\""));
    s.add(Field::enumeration("http_tokens", {"optional", "required"})
              .withDefault("optional")
              .withHelp("A string to either set the use of IMDSv2 for the instance to optional "
                        "or required. Defaults to \"optional\"."));
    s.add(Field::number("http_put_response_hop_limit")
              .withDefault("1")
              .withHelp("A numerical value to set an upper limit for the amount of hops allowed "
                        "when communicating with IMDS endpoints."));
    s.add(Field::enumeration("instance_metadata_tags", {"enabled", "disabled"})
              .withHelp("A string to enable or disable access to instance tags from the instance "
                        "metadata. Defaults to disabled."));
    return s;
}

} // namespace

ConfigSchema amazonRunConfigFields()
{
    ConfigSchema s;
    s.add(Field::boolean("associate_public_ip_address")
              .withHelp("If using a non-default VPC, public IP addresses are not provided by "
                        "default. If this is true, your new instance will get a Public IP. "
                        "default: unset."));
    s.add(Field::string("availability_zone")
              .withHelp("Destination availability zone to launch instance in. Leave this empty "
                        "to allow Amazon to auto-assign."));
    s.add(Field::number("block_duration_minutes")
              .withHelp("Requires spot_price to be set. The required duration for the Spot "
                        "Instances (also known as Spot blocks)."));
    s.add(Field::string("capacity_reservation_preference")
              .withDefault("none")
              .withHelp("Set the preference for using a capacity reservation if one exists. "
                        "Either will be open or none."));
    s.add(Field::string("capacity_reservation_id")
              .withHelp("Provide the specific EC2 Capacity Reservation ID that will be used by "
                        "Packer."));
    s.add(Field::string("capacity_reservation_group_arn")
              .withHelp("Provide the EC2 Capacity Reservation Group ARN that will be used by "
                        "Packer."));
    s.add(Field::boolean("disable_stop_instance")
              .withHelp("Packer normally stops the build instance after all provisioners have "
                        "run. For Windows instances, it is sometimes desirable to run Sysprep "
                        "which will stop the instance for you."));
    s.add(
        Field::boolean("ebs_optimized").withHelp("Mark instance as EBS Optimized. Default false."));
    s.add(Field::boolean("enable_nitro_enclave")
              .withHelp("Enable support for Nitro Enclaves on the instance. Note that the "
                        "instance type must be able to support Nitro Enclaves."));
    s.add(Field::boolean("enable_t2_unlimited")
              .markDeprecated()
              .withHelp("Deprecated argument - please use \"enable_unlimited_credits\". Enabling "
                        "T2 Unlimited allows the source instance to burst additional CPU beyond "
                        "its available CPU Credits for as long as the demand exists."));
    s.add(Field::boolean("enable_unlimited_credits")
              .withHelp("Enabling Unlimited credits allows the source instance to burst "
                        "additional CPU beyond its available CPU Credits for as long as the "
                        "demand exists."));
    s.add(Field::string("iam_instance_profile")
              .withHelp("The name of an IAM instance profile to launch the EC2 instance with."));
    s.add(Field::map("fleet_tags", Field::elementOf(FieldType::String))
              .withHelp("Key/value pair tags to apply tags to the fleet that is issued."));
    s.add(Field::block("fleet_tag", keyValueSchema(), true)
              .withHelp("Same as fleet_tags but defined as a singular repeatable block "
                        "containing a key and a value field."));
    s.add(Field::boolean("skip_profile_validation")
              .withDefault("false")
              .withHelp("Whether or not to check if the IAM instance profile exists. Defaults to "
                        "false."));
    s.add(Field::block(
        "temporary_iam_instance_profile_policy_document", policyDocumentSchema(), false)
              .withHelp("Temporary IAM instance profile policy document If IamInstanceProfile is "
                        "specified it will be used instead."));
    s.add(Field::enumeration("shutdown_behavior", {"stop", "terminate"})
              .withHelp("Automatically terminate instances on shutdown in case Packer exits "
                        "ungracefully. Possible values are stop and terminate."));
    s.add(Field::string("instance_type")
              .withHelp("The EC2 instance type to use while building the AMI, such as t2.small."));
    s.add(Field::block("security_group_filter", securityGroupFilterOptionsSchema(), false)
              .withHelp("Filters used to populate the security_group_ids field."));
    s.add(Field::map("run_tags", Field::elementOf(FieldType::String))
              .withHelp("Key/value pair tags to apply to the generated key-pair, security group, "
                        "iam profile and role, snapshot, network interfaces and instance that is "
                        "*launched* to create the EBS volumes."));
    s.add(Field::block("run_tag", keyValueSchema(), true)
              .withHelp("Same as run_tags but defined as a singular repeatable block containing "
                        "a key and a value field."));
    s.add(Field::string("security_group_id")
              .withHelp("The ID (not the name) of the security group to assign to the instance. "
                        "By default this is not set and Packer will automatically create a new "
                        "temporary security group to allow SSH access."));
    s.add(Field::list("security_group_ids", Field::elementOf(FieldType::String))
              .withHelp("A list of security groups as described above. Note that if this is "
                        "specified, you must omit the security_group_id."));
    s.add(Field::string("source_ami")
              .withHelp("The source AMI whose root volume will be copied and provisioned on the "
                        "currently running instance."));
    s.add(Field::block("source_ami_filter", amiFilterOptionsSchema(), false)
              .withHelp("Filters used to populate the source_ami field."));
    s.add(Field::string("spot_allocation_strategy")
              .withHelp("One of price-capacity-optimized, capacity-optimized, diversified or "
                        "lowest-price. The strategy that determines how to allocate the target "
                        "Spot Instance capacity across the Spot Instance pools specified by the "
                        "EC2 Fleet launch configuration."));
    s.add(Field::list("spot_instance_types", Field::elementOf(FieldType::String))
              .withHelp("Acceptable instance types for the spot request; Packer bids at "
                        "spot_price with the \"lowest price\" allocation strategy."));
    s.add(Field::string("spot_price")
              .withHelp("With Spot Instances, you pay the Spot price that's in effect for the "
                        "time period your instances are running."));
    s.add(Field::string("spot_price_auto_product")
              .withHelp("Required if spot_price is set to auto. This tells Packer what sort of "
                        "AMI you're launching to find the best spot price."));
    s.add(Field::map("spot_tags", Field::elementOf(FieldType::String))
              .withHelp("Requires spot_price to be set. Key/value pair tags to apply tags to the "
                        "spot request that is issued."));
    s.add(Field::block("spot_tag", keyValueSchema(), true)
              .withHelp("Same as spot_tags but defined as a singular repeatable block containing "
                        "a key and a value field."));
    s.add(Field::block("subnet_filter", subnetFilterOptionsSchema(), false)
              .withHelp("Filters used to populate the subnet_id field."));
    s.add(Field::string("subnet_id")
              .withHelp("If using VPC, the ID of the subnet, such as subnet-12345def, where "
                        "Packer will launch the EC2 instance."));
    s.add(Field::block("license_specifications", licenseSpecificationSchema(), true)
              .withHelp("The license configurations."));
    s.add(Field::block("placement", placementSchema(), false)
              .withHelp("Describes the placement of an instance."));
    s.add(Field::string("tenancy").markDeprecated().withHelp(
        "Deprecated: Use Placement Tenancy instead."));
    s.add(Field::list("temporary_security_group_source_cidrs", Field::elementOf(FieldType::String))
              .withHelp("A list of IPv4/IPv6 CIDR blocks to be authorized access to the "
                        "instance, when packer is creating a temporary security group."));
    s.add(Field::boolean("temporary_security_group_source_public_ip")
              .withDefault("false")
              .withHelp("When enabled, use public IP of the host (obtained from "
                        "https://checkip.amazonaws.com) as CIDR block to be authorized access to "
                        "the instance, when packer is creating a temporary security group."));
    s.add(Field::string("user_data")
              .withHelp("User data to apply when launching the instance. Note that you need to "
                        "be careful about escaping characters due to the templates being JSON."));
    s.add(Field::string("user_data_file")
              .withHelp("Path to a file that will be used for the user data when launching the "
                        "instance."));
    s.add(Field::block("vpc_filter", vpcFilterOptionsSchema(), false)
              .withHelp("Filters used to populate the vpc_id field."));
    s.add(Field::string("vpc_id").withHelp(
        "If launching into a VPC subnet, Packer needs the VPC ID in order to "
        "create a temporary security group within the VPC."));
    s.add(Field::duration("windows_password_timeout")
              .withDefault("20m")
              .withHelp("The timeout for waiting for a Windows password for Windows instances. "
                        "Defaults to 20 minutes."));
    s.add(Field::block("metadata_options", metadataOptionsSchema(), false)
              .withHelp("Instance Metadata Service (IMDS) settings for the build instance."));
    s.add(communicatorFields());
    s.add(Field::enumeration("ssh_interface",
        {"public_ip", "private_ip", "public_dns", "private_dns", "ipv6", "session_manager"})
              .withHelp("One of public_ip, private_ip, public_dns, private_dns, ipv6 or "
                        "session_manager. If set, either the public IP address, private IP "
                        "address, public DNS name or private DNS name will be used as the host "
                        "for SSH."));
    s.add(Field::duration("pause_before_ssm")
              .withDefault("10s")
              .withHelp("The time to wait before establishing the Session Manager session. The "
                        "value of this should be a duration."));
    s.add(Field::number("session_manager_port")
              .withHelp("Which port to connect the local end of the session tunnel to. If left "
                        "blank, Packer will choose a port for you from available ports."));
    s.exactlyOneOf({"instance_type", "spot_instance_types"},
        "either instance_type or spot_instance_types must be specified",
        "either instance_type or spot_instance_types must be specified, not both");
    s.atMostOneOf({"user_data", "user_data_file"},
        "Only one of user_data or user_data_file can be specified.");
    s.atMostOneOf({"security_group_id", "security_group_ids"},
        "Only one of security_group_id or security_group_ids can be specified.");
    s.atMostOneOf({"capacity_reservation_id", "capacity_reservation_group_arn"},
        "capacity_reservation_id and capacity_reservation_group_arn are mutually exclusive, only "
        "one should be used");
    return s;
}

} // namespace kiln::components

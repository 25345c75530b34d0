// Keys and types mirror the HCL2 spec of packer-plugin-amazon common AMIConfig;
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

ConfigSchema deregistrationProtectionOptionsSchema()
{
    ConfigSchema s;
    s.add(Field::boolean("enabled").withHelp(
        "Enable AMI deregistration protection. To allow the AMI to be "
        "deregistered, you must first disable deregistration protection."));
    s.add(Field::boolean("with_cooldown")
              .withHelp("When you turn on deregistration protection on an AMI, you have the "
                        "option to include a 24-hour cooldown period."));
    return s;
}

} // namespace

ConfigSchema amazonAMIConfigFields()
{
    ConfigSchema s;
    s.add(Field::string("ami_name")
              .markRequired()
              .withHelp("The name of the resulting AMI that will appear when managing AMIs in "
                        "the AWS console or via APIs."));
    s.add(Field::string("ami_description")
              .withHelp("The description to set for the resulting AMI(s). By default this "
                        "description is empty. This is a template engine, see Build template "
                        "data for more information."));
    s.add(Field::string("ami_virtualization_type")
              .withHelp("The type of virtualization for the AMI you are building. This option is "
                        "required to register HVM images."));
    s.add(Field::list("ami_users", Field::elementOf(FieldType::String))
              .withHelp("A list of account IDs that have access to launch the resulting AMI(s). "
                        "By default no additional users other than the user creating the AMI has "
                        "permissions to launch it."));
    s.add(Field::list("ami_groups", Field::elementOf(FieldType::String))
              .withHelp("A list of groups that have access to launch the resulting AMI(s). By "
                        "default no groups have permission to launch the AMI. all will make the "
                        "AMI publicly accessible."));
    s.add(Field::list("ami_org_arns", Field::elementOf(FieldType::String))
              .withHelp("A list of Amazon Resource Names (ARN) of AWS Organizations that have "
                        "access to launch the resulting AMI(s)."));
    s.add(Field::list("ami_ou_arns", Field::elementOf(FieldType::String))
              .withHelp("A list of Amazon Resource Names (ARN) of AWS Organizations "
                        "organizational units (OU) that have access to launch the resulting "
                        "AMI(s)."));
    s.add(Field::list("ami_product_codes", Field::elementOf(FieldType::String))
              .withHelp("A list of product codes to associate with the AMI. By default no "
                        "product codes are associated with the AMI."));
    s.add(Field::list("ami_regions", Field::elementOf(FieldType::String))
              .withHelp("A list of regions to copy the AMI to. Tags and attributes are copied "
                        "along with the AMI. AMI copying takes time depending on the size of the "
                        "AMI, but will generally take many minutes."));
    s.add(Field::boolean("skip_region_validation")
              .withHelp("Set to true if you want to skip validation of the ami_regions "
                        "configuration option. Default false."));
    s.add(Field::number("snapshot_copy_duration_minutes")
              .withHelp("Specify a completion duration, in 15 minute increments, to initiate a "
                        "time-based AMI copy."));
    s.add(Field::map("tags", Field::elementOf(FieldType::String))
              .withHelp("Key/value pair tags applied to the AMI. This is a template engine, see "
                        "Build template data for more information."));
    s.add(Field::block("tag", keyValueSchema(), true)
              .withHelp("Same as tags but defined as a singular repeatable block containing a "
                        "key and a value field."));
    s.add(Field::boolean("ena_support")
              .withHelp("Enable enhanced networking (ENA but not SriovNetSupport) on "
                        "HVM-compatible AMIs. If set, add ec2:ModifyInstanceAttribute to your "
                        "AWS IAM policy."));
    s.add(Field::boolean("sriov_support")
              .withHelp("Enable enhanced networking (SriovNetSupport but not ENA) on "
                        "HVM-compatible AMIs. If true, add ec2:ModifyInstanceAttribute to your "
                        "AWS IAM policy."));
    s.add(Field::boolean("force_deregister")
              .withHelp("Force Packer to first deregister an existing AMI if one with the same "
                        "name already exists."));
    s.add(Field::boolean("force_delete_snapshot")
              .withHelp("Force Packer to delete snapshots associated with AMIs, which have been "
                        "deregistered by force_deregister."));
    s.add(Field::boolean("encrypt_boot")
              .withHelp("Whether or not to encrypt the resulting AMI when copying a provisioned "
                        "instance to an AMI."));
    s.add(Field::string("kms_key_id")
              .withHelp("ID, alias or ARN of the KMS key to use for AMI encryption. This only "
                        "applies to the main region -- any regions the AMI gets copied to will "
                        "be encrypted by the default EBS KMS key for that region, unless you set "
                        "region-specific keys in region_kms_key_ids."));
    s.add(Field::map("region_kms_key_ids", Field::elementOf(FieldType::String))
              .withHelp("Regions to copy the AMI to, each with the KMS key ID (alias or ARN) "
                        "used to encrypt it there."));
    s.add(Field::boolean("skip_save_build_region")
              .withHelp("If true, Packer will not check whether an AMI with the ami_name exists "
                        "in the region it is building in."));
    s.add(Field::string("imds_support")
              .withHelp("Enforce version of the Instance Metadata Service on the built AMI. "
                        "Valid options are unset (legacy) and v2.0."));
    s.add(Field::string("deprecate_at")
              .withHelp("The date and time to deprecate the AMI, in UTC, in the following "
                        "format: YYYY-MM-DDTHH:MM:SSZ."));
    s.add(Field::map("snapshot_tags", Field::elementOf(FieldType::String))
              .withHelp("Key/value pair tags to apply to snapshot. They will override AMI tags "
                        "if already applied to snapshot."));
    s.add(Field::block("snapshot_tag", keyValueSchema(), true)
              .withHelp("Same as snapshot_tags but defined as a singular repeatable block "
                        "containing a key and a value field."));
    s.add(Field::list("snapshot_users", Field::elementOf(FieldType::String))
              .withHelp("A list of account IDs that have access to create volumes from the "
                        "snapshot(s). By default no additional users other than the user "
                        "creating the AMI has permissions to create volumes from the backing "
                        "snapshot(s)."));
    s.add(Field::list("snapshot_groups", Field::elementOf(FieldType::String))
              .withHelp("A list of groups that have access to create volumes from the "
                        "snapshot(s). By default no groups have permission to create volumes "
                        "from the snapshot(s). all will make the snapshot publicly accessible."));
    s.add(Field::block("deregistration_protection", deregistrationProtectionOptionsSchema(), false)
              .withHelp("Enable AMI deregistration protection. See "
                        "DeregistrationProtectionOptions below for more details on all of the "
                        "options available, and for a usage example."));
    return s;
}

} // namespace kiln::components

// Keys and types mirror the HCL2 spec of packer-plugin-amazon post-processor/import;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor amazonImportPostProcessorDescription()
{
    ConfigSchema s;
    s.add(amazonAccessConfigFields());
    s.add(Field::string("s3_bucket_name").withHelp("Variables specific to this post processor."));
    s.add(Field::string("s3_key_name")
              .withDefault("packer-import-{{timestamp}}.ova")
              .withHelp("The name of the key in s3_bucket_name where the OVA file will be copied "
                        "to for import. If not specified, this will default to "
                        "\"packer-import-{{timestamp}}.ova\"."));
    s.add(Field::string("s3_encryption")
              .withHelp("One of: aws:kms, or AES256. The algorithm used to encrypt the artifact "
                        "in S3. This does not encrypt the resulting AMI, and is only used to "
                        "encrypt the uploaded artifact before it becomes an AMI."));
    s.add(Field::string("s3_encryption_key")
              .withHelp("The KMS key ID to use when aws:kms is specified in s3_encryption. This "
                        "setting is ignored if AES is used as Amazon does not currently support "
                        "custom AES keys when using the VM import service."));
    s.add(Field::boolean("skip_clean")
              .withDefault("false")
              .withHelp("Whether we should skip removing the OVA file uploaded to S3 after the "
                        "import process has completed. \"true\" means that we should leave it in "
                        "the S3 bucket, \"false\" means to clean it out."));
    s.add(Field::map("tags", Field::elementOf(FieldType::String))
              .withHelp("Key/value pair tags applied to the AMI. This is a template engine, see "
                        "Build template data for more information."));
    s.add(Field::string("ami_name")
              .withHelp("The name of the resulting AMI that will appear when managing AMIs in "
                        "the AWS console or via APIs."));
    s.add(Field::string("ami_description")
              .withHelp("The description to set for the resulting AMI(s). By default this "
                        "description is empty. This is a template engine, see Build template "
                        "data for more information."));
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
    s.add(Field::boolean("ami_encrypt")
              .withDefault("false")
              .withHelp("Encrypt the resulting AMI using KMS. This defaults to false."));
    s.add(Field::string("ami_kms_key")
              .withHelp("The ID of the KMS key used to encrypt the AMI if ami_encrypt is true. "
                        "If set, the role specified in role_name must be granted access to use "
                        "this key."));
    s.add(Field::string("imds_support")
              .withHelp("Enforce version of the Instance Metadata Service on the built AMI. "
                        "Valid options are unset (legacy) and v2.0."));
    s.add(Field::string("license_type")
              .withHelp("The license type to be used for the Amazon Machine Image (AMI) after "
                        "importing. Valid values: AWS or BYOL (default)."));
    s.add(Field::string("role_name")
              .withHelp("The name of the role to use when not using the default role, 'vmimport'"));
    s.add(Field::enumeration("format", {"ova", "raw", "vhd", "vhdx", "vmdk"})
              .withDefault("ova")
              .withHelp("One of: ova, raw, vhd, vhdx, or vmdk. This specifies the format of the "
                        "source virtual machine image."));
    s.add(Field::enumeration("architecture", {"i386", "x86_64", "arm64"})
              .withDefault("x86_64")
              .withHelp("The architecture of the resultant AMI. One of: i386, x86_64, or arm64. "
                        "Defaults to x86_64."));
    s.add(Field::enumeration("boot_mode", {"legacy-bios", "uefi", "uefi-preferred"})
              .withDefault("legacy-bios")
              .withHelp("The boot mode. Valid options are legacy-bios and uefi. See the "
                        "documentation on boot modes for more information."));
    s.add(Field::string("platform")
              .withHelp("The operating system of the virtual machine. One of: linux or windows. "
                        "If boot_mode is set to uefi then this value must be set to either "
                        "windows or linux depending on the operating system of the virtual "
                        "machine."));

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "amazon-import";
    d.displayName = "Amazon import";
    d.description = "Uploads a VM image to S3 and imports it as an AMI.";
    d.iconName = "postprocessor-amazon";
    d.schema = s;
    return d;
}

} // namespace kiln::components

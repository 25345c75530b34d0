// Keys and types mirror the HCL2 spec of packer-plugin-amazon builder/ebs;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

namespace {

ConfigSchema blockDeviceSchema()
{
    ConfigSchema s;
    s.add(Field::boolean("delete_on_termination")
              .withHelp("Indicates whether the EBS volume is deleted on instance termination. "
                        "Default false. NOTE: If this value is not explicitly set to true and "
                        "volumes are not cleaned up by an alternative method, additional volumes "
                        "will accumulate after every build."));
    s.add(Field::string("device_name")
              .withHelp("The device name exposed to the instance (for example, /dev/sdh or "
                        "xvdh). Required for every device in the block device mapping."));
    s.add(Field::boolean("encrypted")
              .withHelp("Indicates whether or not to encrypt the volume. By default, Packer will "
                        "keep the encryption setting to what it was in the source image."));
    s.add(Field::number("iops").withHelp(
        "The number of I/O operations per second (IOPS) that the volume "
        "supports. See the documentation on IOPs for more information."));
    s.add(Field::boolean("no_device")
              .withHelp("Suppresses the specified device included in the block device mapping of "
                        "the AMI."));
    s.add(Field::string("snapshot_id").withHelp("The ID of the snapshot."));
    s.add(Field::number("throughput")
              .withHelp("The throughput for gp3 volumes, only valid for gp3 types See the "
                        "documentation on Throughput for more information."));
    s.add(Field::string("virtual_name")
              .withHelp("The virtual device name. See the documentation on Block Device Mapping "
                        "for more information."));
    s.add(Field::string("volume_type")
              .withHelp("The volume type. gp2 & gp3 for General Purpose (SSD) volumes, io1 & io2 "
                        "for Provisioned IOPS (SSD) volumes, st1 for Throughput Optimized HDD, "
                        "sc1 for Cold HDD, and standard for Magnetic volumes."));
    s.add(Field::number("volume_size")
              .withHelp("The size of the volume, in GiB. Required if not specifying a "
                        "snapshot_id."));
    s.add(Field::string("kms_key_id")
              .withHelp("ID, alias or ARN of the KMS key to use for boot volume encryption. This "
                        "option exists for launch_block_device_mappings but not "
                        "ami_block_device_mappings."));
    return s;
}

ConfigSchema nameValueSchema()
{
    ConfigSchema s;
    s.add(Field::string("name").withHelp("The name of the filter, e.g. tag:Name or architecture."));
    s.add(Field::string("value").withHelp("The value the filter matches."));
    return s;
}

ConfigSchema fastLaunchTemplateConfigSchema()
{
    ConfigSchema s;
    s.add(Field::boolean("enable_fast_launch")
              .withHelp("Enable fast launch allows you to disable fast launch settings on the "
                        "region level."));
    s.add(Field::string("region").markRequired().withHelp(
        "The region in which to find the launch template to use."));
    s.add(Field::string("template_id")
              .withHelp("The ID of the launch template to use for the fast launch."));
    s.add(Field::string("template_name")
              .withHelp("The name of the launch template to use for fast launch."));
    s.add(Field::number("template_version").withHelp("The version of the launch template to use."));
    return s;
}

ConfigSchema fastLaunchConfigSchema()
{
    ConfigSchema s;
    s.add(Field::boolean("enable_fast_launch").withHelp("Configure fast-launch for Windows AMIs."));
    s.add(Field::string("template_id")
              .withHelp("The ID of the launch template to use for fast launch for the main AMI."));
    s.add(
        Field::string("template_name")
            .withHelp("The name of the launch template to use for fast launch for the main AMI."));
    s.add(Field::number("template_version")
              .withHelp("The version of the launch template to use for fast launch for the main "
                        "AMI."));
    s.add(Field::block("region_launch_templates", fastLaunchTemplateConfigSchema(), true)
              .withHelp("RegionLaunchTemplates is the list of launch templates per region."));
    s.add(Field::number("max_parallel_launches")
              .withHelp("Maximum number of instances to launch for creating pre-provisioned "
                        "snapshots."));
    s.add(Field::number("target_resource_count")
              .withDefault("5")
              .withHelp("The number of snapshots to pre-provision for later launching windows "
                        "instances from the resulting fast-launch AMI."));
    return s;
}

} // namespace

ComponentDescriptor amazonEbsBuilderDescription()
{
    ConfigSchema s;
    s.add(amazonAccessConfigFields());
    s.add(amazonAMIConfigFields());
    s.add(amazonRunConfigFields());
    s.add(Field::boolean("skip_create_ami")
              .withHelp("If true, Packer will not create the AMI. Useful for setting to true "
                        "during a build test stage."));
    s.add(Field::boolean("skip_ami_run_tags")
              .withHelp("If true will not propagate the run tags set on Packer created instance "
                        "to the AMI created."));
    s.add(Field::block("ami_block_device_mappings", blockDeviceSchema(), true)
              .withHelp("Add one or more block device mappings to the AMI. These will be "
                        "attached when booting a new instance from your AMI."));
    s.add(Field::block("launch_block_device_mappings", blockDeviceSchema(), true)
              .withHelp("Add one or more block devices before the Packer build starts. If you "
                        "add instance store volumes or EBS volumes in addition to the root "
                        "device volume, the created AMI will contain block device mapping "
                        "information for those volumes."));
    s.add(Field::map("run_volume_tags", Field::elementOf(FieldType::String))
              .withHelp("Tags to apply to the volumes that are *launched* to create the AMI. "
                        "These tags are *not* applied to the resulting AMI unless they're "
                        "duplicated in tags."));
    s.add(Field::block("run_volume_tag", nameValueSchema(), true)
              .withHelp("Same as run_volume_tags but defined as a singular block containing a "
                        "name and a value field."));
    s.add(Field::boolean("no_ephemeral")
              .withHelp("Relevant only to Windows guests: If you set this flag, we'll add "
                        "clauses to the launch_block_device_mappings that make sure ephemeral "
                        "drives don't show up in the EC2 console."));
    s.add(Field::block("fast_launch", fastLaunchConfigSchema(), false)
              .withHelp("The configuration for fast launch support."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Builder;
    d.typeName = "amazon-ebs";
    d.displayName = "Amazon EBS";
    d.description = "Launches an EC2 instance from a source AMI, provisions it and registers "
                    "an EBS-backed AMI.";
    d.iconName = "builder-amazon";
    d.schema = s;
    return d;
}

} // namespace kiln::components

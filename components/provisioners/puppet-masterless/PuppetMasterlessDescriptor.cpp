// Keys and types mirror the HCL2 spec of packer-plugin-puppet provisioner/puppet-masterless;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/provisioners/puppet-masterless/PuppetMasterlessProvisionerSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor puppetMasterlessProvisionerDescription()
{
    ConfigSchema s;
    s.add(Field::boolean("clean_staging_directory")
              .withHelp("If true, staging directory is removed after executing puppet (Kiln also "
                        "removes it when Puppet fails)."));
    // A string, as Packer's: the plugin lowercases it, so "Windows" is valid; the values
    // only suggest.
    s.add(Field::string("guest_os_type")
              .withValues({"unix", "windows"})
              .withDefault("unix")
              .withHelp("The Guest OS Type (unix or windows)"));
    s.add(Field::string("execute_command")
              .withHelp("The command used to execute Puppet, a Go template over WorkingDir, "
                        "FacterVars, Sudo, PuppetBinDir, ModulePath, ModulePathJoiner, "
                        "HieraConfigPath, ManifestDir, ManifestFile, ExtraArguments and Debug. "
                        "The default runs `puppet apply --detailed-exitcodes` from the working "
                        "directory, under `sudo -E` unless prevent_sudo."));
    s.add(Field::list("extra_arguments", Field::elementOf(FieldType::String))
              .withHelp("Additional arguments to pass when executing Puppet."));
    s.add(Field::map("facter", Field::elementOf(FieldType::String))
              .withHelp("Additional facts to set when executing Puppet, passed as FACTER_name "
                        "variables (packer_build_name and packer_builder_type are always set)."));
    s.add(Field::path("hiera_config_path", PathKind::File)
              .withHelp("Path to a hiera configuration file to upload and use."));
    s.add(Field::boolean("ignore_exit_codes")
              .withHelp("If true, packer will ignore all exit-codes from a puppet run. Otherwise "
                        "only 0 and 2 (--detailed-exitcodes: changes applied) succeed."));
    s.add(Field::list("module_paths", Field::path({}, PathKind::Directory))
              .withHelp("An array of local paths of modules to upload."));
    s.add(Field::path("manifest_file", PathKind::FileOrDirectory)
              .withHelp("The main manifest file to apply to kick off the entire thing; a "
                        "directory of manifests is uploaded whole. Required."));
    s.add(Field::path("manifest_dir", PathKind::Directory)
              .withHelp("A directory of manifest files that will be uploaded to the remote "
                        "machine and passed as --manifestdir (which Puppet 4 and later reject: "
                        "use execute_command without it there)."));
    s.add(Field::boolean("prevent_sudo")
              .withHelp("If true, sudo will NOT be used to execute Puppet."));
    s.add(Field::string("puppet_bin_dir")
              .withHelp("The directory that contains the puppet binary. E.g. if it can't be "
                        "found on the standard path."));
    s.add(Field::string("staging_directory")
              .withDefault("/tmp/packer-puppet-masterless")
              .withHelp("The directory where files will be uploaded. Packer requires write "
                        "permissions in this directory."));
    s.add(Field::string("working_directory")
              .withHelp("The directory from which the command will be executed. Packer requires "
                        "the directory to exist when running puppet."));
    s.add(Field::string("elevated_user")
              .withHelp("Instructs the communicator to run the remote script as a Windows "
                        "scheduled task, effectively elevating the remote user by impersonating "
                        "a logged-in user."));
    s.add(Field::string("elevated_password")
              .markSensitive()
              .withHelp("The password for elevated_user."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "puppet-masterless";
    d.displayName = "Puppet masterless";
    d.description = "Uploads Puppet manifests and modules and runs puppet apply on the machine.";
    d.iconName = "provisioner-puppet";
    d.schema = s;
    d.settings = build::settingsReader<PuppetMasterlessProvisionerSettings>();
    return d;
}

} // namespace kiln::components

// Keys and types mirror the HCL2 spec of packer-plugin-chef provisioner/chef-solo;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/provisioners/chef-solo/ChefSoloProvisionerSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor chefSoloProvisionerDescription()
{
    ConfigSchema s;
    s.add(Field::string("chef_environment")
              .withHelp("The name of the chef_environment sent to the Chef server. By default "
                        "this is empty and will not use an environment."));
    s.add(Field::string("chef_license")
              .withDefault("accept-silent")
              .withHelp("As of Chef v15, Chef requires users to accept a license. Defaults to "
                        "accept-silent when skip_install is false and install_command is unset."));
    s.add(Field::path("config_template", PathKind::File)
              .withHelp("Path to a template that will be used for the Chef configuration file. "
                        "By default Packer only sets configuration it needs to match the "
                        "settings set in the provisioner configuration."));
    s.add(Field::list("cookbook_paths", Field::path({}, PathKind::Directory))
              .withHelp("This is an array of paths to \"cookbooks\" directories on your local "
                        "filesystem. These will be uploaded to the remote machine in the "
                        "directory specified by the staging_directory."));
    s.add(Field::path("roles_path", PathKind::Directory)
              .withHelp("The path to the \"roles\" directory on your local filesystem. These "
                        "will be uploaded to the remote machine in the directory specified by "
                        "the staging_directory."));
    s.add(Field::path("data_bags_path", PathKind::Directory)
              .withHelp("The path to the \"data_bags\" directory on your local filesystem. These "
                        "will be uploaded to the remote machine in the directory specified by "
                        "the staging_directory."));
    s.add(Field::path("encrypted_data_bag_secret_path", PathKind::File)
              .withHelp("The path to the file containing the secret for encrypted data bags. By "
                        "default, this is empty, so no secret will be available."));
    s.add(Field::path("environments_path", PathKind::Directory)
              .withHelp("The path to the \"environments\" directory on your local filesystem. "
                        "These will be uploaded to the remote machine in the directory specified "
                        "by the staging_directory."));
    s.add(Field::string("execute_command")
              .withHelp("The command used to execute Chef. This has various configuration "
                        "template variables available."));
    s.add(Field::string("install_command")
              .withHelp("The command used to install Chef. This has various configuration "
                        "template variables available."));
    s.add(Field::list("remote_cookbook_paths", Field::elementOf(FieldType::String))
              .withHelp("A list of paths on the remote machine where cookbooks will already "
                        "exist. These may exist from a previous provisioner or step."));
    s.add(Field::any("json").markLegacyOnly().withHelp(
        "An arbitrary mapping of JSON that will be available as node attributes "
        "while running Chef. Legacy JSON templates only; HCL2 templates use "
        "json_string."));
    s.add(Field::string("json_string")
              .withHelp("JSON attributes for the Chef run, as a string (HCL templates cannot "
                        "pass an object). Replaces `json` when both are set."));
    s.add(Field::boolean("prevent_sudo")
              .withHelp("By default, the configured commands that are executed to install and "
                        "run Chef are executed with sudo."));
    s.add(Field::list("run_list", Field::elementOf(FieldType::String))
              .withHelp("The run list for Chef. By default this is empty, and will use the run "
                        "list sent down by the Chef Server."));
    s.add(Field::boolean("skip_install")
              .withHelp("If true, Chef will not automatically be installed on the machine using "
                        "the Chef omnibus installers."));
    s.add(Field::string("staging_directory")
              .withDefault("/tmp/packer-chef-solo")
              .withHelp("This is the directory where all the configuration of Chef by Packer "
                        "will be placed: cookbooks-N, roles, data_bags, environments, solo.rb "
                        "and node.json. C:/Windows/Temp/packer-chef-solo when guest_os_type is "
                        "windows."));
    // A string, as Packer's: the plugin lowercases it, so "Windows" is valid; the values
    // only suggest.
    s.add(Field::string("guest_os_type")
              .withValues({"unix", "windows"})
              .withDefault("unix")
              .withHelp("The target guest OS type, either \"unix\" or \"windows\". Setting this "
                        "to \"windows\" will cause the provisioner to use Windows friendly paths "
                        "and commands."));
    s.add(Field::string("version").withHelp(
        "The version of Chef to be installed. By default this is empty which "
        "will install the latest version of Chef."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "chef-solo";
    d.displayName = "Chef Solo";
    d.description = "Installs Chef and runs chef-solo with uploaded cookbooks on the machine.";
    d.iconName = "provisioner-chef";
    d.schema = s;
    d.settings = build::settingsReader<ChefSoloProvisionerSettings>();
    return d;
}

} // namespace kiln::components

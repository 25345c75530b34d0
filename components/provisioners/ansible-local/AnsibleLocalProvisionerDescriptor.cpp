// Keys and types mirror the HCL2 spec of packer-plugin-ansible provisioner/ansible-local;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/provisioners/ansible-local/AnsibleLocalProvisionerSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor ansibleLocalProvisionerDescription()
{
    ConfigSchema s;
    s.add(Field::string("command")
              .withDefault("ANSIBLE_FORCE_COLOR=1 PYTHONUNBUFFERED=1 ansible-playbook")
              .withHelp("The command to invoke ansible. Defaults to \"ANSIBLE_FORCE_COLOR=1 "
                        "PYTHONUNBUFFERED=1 "
                        "ansible-playbook\". If you "
                        "would like to provide a more complex command, for example, something "
                        "that sets up a virtual environment before calling ansible, take a look "
                        "at the ansible wrapper guide here for inspiration."));
    s.add(Field::list("extra_arguments", Field::elementOf(FieldType::String))
              .withHelp("Extra arguments to pass to Ansible. These arguments _will not_ be "
                        "passed through a shell and arguments should not be quoted."));
    s.add(Field::path("group_vars", PathKind::Directory)
              .withHelp("A path to the directory containing ansible group variables on your "
                        "local system to be copied to the remote machine."));
    s.add(Field::path("host_vars", PathKind::Directory)
              .withHelp("A path to the directory containing ansible host variables on your local "
                        "system to be copied to the remote machine."));
    s.add(Field::path("playbook_dir", PathKind::Directory)
              .withHelp("A path to the complete ansible directory structure on your local system "
                        "to be copied to the remote machine as the staging_directory before all "
                        "other files and directories."));
    s.add(Field::path("playbook_file", PathKind::File)
              .withHelp("The playbook file to be executed by ansible. This file must exist on "
                        "your local system and will be uploaded to the remote machine."));
    s.add(Field::list("playbook_files", Field::path({}, PathKind::File))
              .withHelp("The playbook files to be executed by ansible. These files must exist on "
                        "your local system."));
    s.add(Field::list("playbook_paths", Field::path({}, PathKind::Directory))
              .withHelp("An array of directories of playbook files on your local system. These "
                        "will be uploaded to the remote machine under "
                        "staging_directory/playbooks."));
    s.add(Field::list("role_paths", Field::path({}, PathKind::Directory))
              .withHelp("An array of paths to role directories on your local system. These will "
                        "be uploaded to the remote machine under staging_directory/roles."));
    s.add(Field::list("collection_paths", Field::path({}, PathKind::Directory))
              .withHelp("An array of local paths of collections to upload."));
    s.add(Field::string("staging_directory")
              .withDefault("/tmp/packer-provisioner-ansible-local/<uuid>")
              .withHelp("The directory where files will be uploaded. Packer requires write "
                        "permissions in this directory."));
    s.add(Field::boolean("clean_staging_directory")
              .withDefault("false")
              .withHelp("If set to true, the content of the staging_directory will be removed "
                        "after executing ansible."));
    s.add(Field::path("inventory_file", PathKind::File)
              .withHelp("The inventory file to be used by ansible. This file must exist on your "
                        "local system and will be uploaded to the remote machine."));
    s.add(Field::list("inventory_groups", Field::elementOf(FieldType::String))
              .withHelp("Groups to which Packer assigns the host 127.0.0.1 in the generated "
                        "inventory."));
    s.add(Field::path("galaxy_file", PathKind::File)
              .withHelp("A requirements file which provides a way to install roles or "
                        "collections with the ansible-galaxy cli on the local machine before "
                        "executing ansible-playbook."));
    s.add(Field::string("galaxy_command")
              .withDefault("ansible-galaxy")
              .withHelp("The command to invoke ansible-galaxy. By default, this is "
                        "ansible-galaxy."));
    s.add(Field::boolean("galaxy_force_install")
              .withDefault("false")
              .withHelp("Force overwriting an existing role. Adds --force option to "
                        "ansible-galaxy command. By default, this is false."));
    s.add(Field::string("galaxy_roles_path")
              .withHelp("The path to the directory on the remote system in which to install the "
                        "roles. Adds --roles-path /path/to/your/roles to ansible-galaxy command."));
    s.add(Field::string("galaxy_collections_path")
              .withHelp("The path to the directory on the remote system in which to install the "
                        "collections. Adds --collections-path /path/to/your/collections to "
                        "ansible-galaxy command."));
    s.exactlyOneOf({"playbook_file", "playbook_files"},
        "Either playbook_file or playbook_files must be specified",
        "Either playbook_file or playbook_files can be specified, not both");

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "ansible-local";
    d.displayName = "Ansible (local)";
    d.description = "Uploads playbooks and runs Ansible in local mode on the machine itself.";
    d.iconName = "provisioner-ansible";
    d.schema = s;
    d.settings = build::settingsReader<AnsibleLocalProvisionerSettings>();
    return d;
}

} // namespace kiln::components

// Keys and types mirror the HCL2 spec of packer-plugin-ansible provisioner/ansible;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/provisioners/ansible/AnsibleProvisionerSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor ansibleProvisionerDescription()
{
    ConfigSchema s;
    s.add(Field::string("command")
              .withDefault("ansible-playbook")
              .withHelp("The command to invoke ansible. Defaults to ansible-playbook. If you "
                        "would like to provide a more complex command, for example, something "
                        "that sets up a virtual environment before calling ansible, take a look "
                        "at the ansible wrapper guide here for inspiration."));
    s.add(Field::list("extra_arguments", Field::elementOf(FieldType::String))
              .withHelp("Extra arguments to pass to Ansible. These arguments _will not_ be "
                        "passed through a shell and arguments should not be quoted."));
    s.add(Field::list("ansible_env_vars", Field::elementOf(FieldType::String))
              .withHelp("Environment variables to set before running Ansible, e.g. "
                        "ANSIBLE_HOST_KEY_CHECKING=False."));
    s.add(Field::path("playbook_file", PathKind::File)
              .markRequired()
              .withHelp("The playbook to be run by Ansible."));
    s.add(Field::list("ansible_ssh_extra_args", Field::elementOf(FieldType::String))
              .withHelp("Specifies --ssh-extra-args on command line defaults to -o "
                        "IdentitiesOnly=yes."));
    s.add(Field::list("groups", Field::elementOf(FieldType::String))
              .withHelp("The groups into which the Ansible host should be placed. When "
                        "unspecified, the host is not associated with any groups."));
    s.add(Field::list("empty_groups", Field::elementOf(FieldType::String))
              .withHelp("The groups which should be present in inventory file but remain empty."));
    s.add(Field::string("host_alias")
              .withDefault("default")
              .withHelp("The alias by which the Ansible host should be known. Defaults to "
                        "default. This setting is ignored when using a custom inventory file."));
    s.add(Field::string("user").withHelp(
        "The ansible_user to use. Defaults to the user running packer, NOT the "
        "user set for your communicator."));
    s.add(Field::number("local_port")
              .withHelp("The port on which to attempt to listen for SSH connections. This value "
                        "is a starting point."));
    s.add(Field::path("ssh_host_key_file", PathKind::File)
              .withHelp("The SSH key that will be used to run the SSH server on the host machine "
                        "to forward commands to the target machine."));
    s.add(Field::path("ssh_authorized_key_file", PathKind::File)
              .withHelp("The SSH public key of the Ansible ssh_user. The default behavior is to "
                        "generate and use a onetime key."));
    s.add(Field::string("ansible_proxy_key_type")
              .withDefault("ECDSA")
              .withHelp("Change the key type used for the adapter. Supported values are ECDSA "
                        "(the default) or RSA."));
    s.add(Field::string("sftp_command")
              .withDefault("/usr/lib/sftp-server -e")
              .withHelp("The command to run on the machine being provisioned by Packer to handle "
                        "the SFTP protocol that Ansible will use to transfer files. The command "
                        "should read and write on stdin and stdout, respectively. Defaults to "
                        "/usr/lib/sftp-server -e (on Debian the real binary is "
                        "/usr/lib/openssh/sftp-server, on Red Hat "
                        "/usr/libexec/openssh/sftp-server)."));
    s.add(Field::boolean("skip_version_check")
              .withHelp("Check if ansible is installed prior to running. Set this to true, for "
                        "example, if you're going to install ansible during the packer run."));
    s.add(Field::boolean("use_sftp")
              .withHelp("If true, Ansible transfers files with SFTP instead of SCP."));
    s.add(Field::path("inventory_directory", PathKind::Directory)
              .withHelp("The directory in which to place the temporary generated Ansible "
                        "inventory file. By default, this is the system-specific temporary file "
                        "location."));
    s.add(Field::string("inventory_file_template")
              .withHelp("This template represents the format for the lines added to the "
                        "temporary inventory file that Packer will create to run Ansible against "
                        "your image."));
    s.add(Field::path("inventory_file", PathKind::File)
              .withHelp("The inventory file to use during provisioning. When unspecified, Packer "
                        "will create a temporary inventory file and will use the host_alias."));
    s.add(Field::boolean("keep_inventory_file")
              .withHelp("If true, the Ansible provisioner will not delete the temporary "
                        "inventory file it creates in order to connect to the instance."));
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
    s.add(Field::boolean("galaxy_force_with_deps")
              .withDefault("false")
              .withHelp("Force overwriting an existing role and its dependencies. Adds "
                        "--force-with-deps option to ansible-galaxy command."));
    s.add(Field::path("roles_path", PathKind::Directory)
              .withHelp("The path to the directory on your local system in which to install the "
                        "roles. Adds --roles-path /path/to/your/roles to ansible-galaxy command."));
    s.add(Field::path("collections_path", PathKind::Directory)
              .withHelp("The path to the directory on your local system in which to install the "
                        "collections. Adds --collections-path /path/to/your/collections to "
                        "ansible-galaxy command."));
    s.add(Field::boolean("use_proxy")
              .withDefault("true")
              .withHelp("When true, set up a localhost proxy adapter so that Ansible has an IP "
                        "address to connect to, even if your guest does not have an IP address."));
    s.add(Field::boolean("ansible_winrm_use_http")
              .withDefault("false")
              .withHelp("Force WinRM to use HTTP instead of HTTPS."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "ansible";
    d.displayName = "Ansible";
    d.description = "Runs Ansible playbooks from the Packer host against the machine over "
                    "SSH/WinRM.";
    d.iconName = "provisioner-ansible";
    d.schema = s;
    d.settings = build::settingsReader<AnsibleProvisionerSettings>();
    return d;
}

} // namespace kiln::components

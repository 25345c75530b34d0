// Keys and types mirror the HCL2 spec of packer-plugin-puppet provisioner/puppet-server;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/provisioners/puppet-server/PuppetServerProvisionerSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor puppetServerProvisionerDescription()
{
    ConfigSchema s;
    s.add(Field::boolean("clean_staging_directory")
              .withHelp("If true, staging directory is removed after executing puppet (Kiln also "
                        "removes it when the agent run fails)."));
    s.add(Field::path("client_cert_path", PathKind::Directory)
              .withHelp("A path to the directory of client certificates, uploaded to "
                        "<staging_dir>/certs and passed as --certdir."));
    s.add(Field::path("client_private_key_path", PathKind::Directory)
              .withHelp("A path to a directory containing the client private keys, uploaded to "
                        "<staging_dir>/private_keys and passed as --privatekeydir."));
    s.add(Field::string("execute_command")
              .withHelp("The command used to execute Puppet, a Go template over WorkingDir, "
                        "FacterVars, Sudo, PuppetBinDir, PuppetServer, PuppetNode, "
                        "ClientCertPath, ClientPrivateKeyPath, ExtraArguments and Debug. The "
                        "default runs `puppet agent --onetime --no-daemonize "
                        "--detailed-exitcodes`."));
    s.add(Field::list("extra_arguments", Field::elementOf(FieldType::String))
              .withHelp("Additional argument to pass when executing Puppet."));
    s.add(Field::map("facter", Field::elementOf(FieldType::String))
              .withHelp("Additional facts to set when executing Puppet (packer_build_name and "
                        "packer_builder_type are always set)."));
    // A string, as Packer's: the plugin lowercases it, so "Windows" is valid; the values
    // only suggest.
    s.add(Field::string("guest_os_type")
              .withValues({"unix", "windows"})
              .withDefault("unix")
              .withHelp("The Guest OS Type (unix or windows)"));
    s.add(Field::boolean("ignore_exit_codes")
              .withHelp("If true, packer will ignore all exit-codes from a puppet run. Otherwise "
                        "only 0 and 2 (--detailed-exitcodes: changes applied) succeed."));
    s.add(Field::boolean("prevent_sudo")
              .withHelp("If true, sudo will NOT be used to execute Puppet."));
    s.add(Field::string("puppet_bin_dir")
              .withHelp("The directory that contains the puppet binary. E.g. if it can't be "
                        "found on the standard path."));
    s.add(Field::string("puppet_node")
              .withHelp("The hostname of the Puppet node (passed as --certname)."));
    s.add(Field::string("puppet_server")
              .withHelp("The hostname of the Puppet server (passed as --server)."));
    s.add(Field::string("staging_dir")
              .withDefault("/tmp/packer-puppet-server")
              .withHelp("The directory where files will be uploaded. Packer requires write "
                        "permissions in this directory."));
    s.add(Field::string("working_directory")
              .withHelp("The directory from which the command will be executed. Packer requires "
                        "the directory to exist when running puppet. Defaults to staging_dir."));
    s.add(Field::string("elevated_user")
              .withHelp("Instructs the communicator to run the remote script as a Windows "
                        "scheduled task, effectively elevating the remote user by impersonating "
                        "a logged-in user."));
    s.add(Field::string("elevated_password")
              .markSensitive()
              .withHelp("The password for elevated_user."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "puppet-server";
    d.displayName = "Puppet server";
    d.description = "Runs the Puppet agent on the machine against a Puppet server.";
    d.iconName = "provisioner-puppet";
    d.schema = s;
    d.settings = build::settingsReader<PuppetServerProvisionerSettings>();
    return d;
}

} // namespace kiln::components

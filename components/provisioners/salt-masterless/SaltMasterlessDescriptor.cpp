// Keys and types mirror the HCL2 spec of packer-plugin-salt provisioner/salt-masterless;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/provisioners/salt-masterless/SaltMasterlessProvisionerSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor saltMasterlessProvisionerDescription()
{
    ConfigSchema s;
    s.add(Field::boolean("skip_bootstrap")
              .withHelp("If true, do not run the salt-bootstrap script (Salt is already "
                        "installed)."));
    s.add(Field::string("bootstrap_args")
              .withHelp("Arguments to send to the bootstrap script. Usage is somewhat documented "
                        "on github, but the script itself has more detailed usage instructions."));
    s.add(Field::boolean("disable_sudo")
              .withHelp("By default, the bootstrap install command is prefixed with sudo. When "
                        "using a Docker builder, you will likely want to pass true since sudo is "
                        "often not pre-installed."));
    s.add(Field::string("custom_state").withHelp("Custom state to run instead of highstate."));
    s.add(
        Field::path("minion_config", PathKind::File).withHelp("Local path to the minion config."));
    s.add(Field::path("grains_file", PathKind::File).withHelp("Local path to the minion grains."));
    s.add(Field::path("local_state_tree", PathKind::Directory)
              .withHelp("Local path to the salt state tree."));
    s.add(Field::path("local_pillar_roots", PathKind::Directory)
              .withHelp("Local path to the salt pillar roots."));
    s.add(Field::string("remote_state_tree")
              .withDefault("/srv/salt")
              .withHelp("Remote path to the salt state tree."));
    s.add(Field::string("remote_pillar_roots")
              .withDefault("/srv/pillar")
              .withHelp("Remote path to the salt pillar roots."));
    s.add(Field::string("temp_config_dir")
              .withDefault("/tmp/salt")
              .withHelp("Where files will be copied before moving to the /srv/salt directory."));
    s.add(Field::boolean("no_exit_on_failure")
              .withHelp("Don't exit packer if salt-call returns an error code."));
    s.add(Field::string("log_level")
              .withDefault("info")
              .withHelp("Set the logging level for the salt-call run."));
    s.add(Field::string("salt_call_args")
              .withHelp("Arguments to pass to salt-call, appended after the log level."));
    s.add(Field::string("salt_bin_dir").withHelp("Directory containing salt-call."));
    // A string, as Packer's: the plugin lowercases it, so "Windows" is valid; the values
    // only suggest.
    s.add(Field::string("guest_os_type")
              .withValues({"unix", "windows"})
              .withDefault("unix")
              .withHelp("The Guest OS Type (unix or windows)"));
    s.add(Field::list("formulas", Field::elementOf(FieldType::String))
              .withHelp("An array of private or community git source formulas, as go-getter git "
                        "URLs with a //subdir naming the formula (git::https://host/x-formula.git"
                        "//x?ref=v1). Each is cloned with the host's git into local_state_tree/"
                        "<subdir> unless that exists, and removed again afterwards."));

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "salt-masterless";
    d.displayName = "Salt masterless";
    d.description = "Bootstraps Salt and applies states locally on the machine.";
    d.iconName = "provisioner-salt";
    d.schema = s;
    d.settings = build::settingsReader<SaltMasterlessProvisionerSettings>();
    return d;
}

} // namespace kiln::components

// Settings for building on a remote ESXi host, which packer-plugin-vmware removed in 2.0
// (and Packer 1.6's built-in vmware builders still accepted). Templates written for those
// versions keep loading; the fields are marked deprecated so the designer can say so.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema vmwareLegacyEsxiFields()
{
    ConfigSchema s;
    s.add(Field::string("remote_datastore")
              .markDeprecated()
              .withHelp("ESXi only (removed in plugin 2.0): the datastore on the remote host "
                        "that stores the virtual machine."));
    s.add(Field::string("remote_cache_datastore")
              .withDefault("datastore1")
              .markDeprecated()
              .withHelp("ESXi only (removed in plugin 2.0): the datastore where ISOs and floppies "
                        "are cached during the build."));
    s.add(Field::string("remote_cache_directory")
              .withDefault("packer_cache")
              .markDeprecated()
              .withHelp("ESXi only (removed in plugin 2.0): the cache directory, relative to "
                        "remote_cache_datastore."));
    s.add(Field::boolean("cleanup_remote_cache")
              .withDefault("false")
              .markDeprecated()
              .withHelp("ESXi only (removed in plugin 2.0): remove the files added to the remote "
                        "cache once the build is complete."));
    s.add(Field::string("remote_host")
              .markDeprecated()
              .withHelp("ESXi only (removed in plugin 2.0): the host name or IP address of the "
                        "remote hypervisor; required when remote_type is set."));
    s.add(
        Field::number("remote_port")
            .withDefault("22")
            .markDeprecated()
            .withHelp("ESXi only (removed in plugin 2.0): the SSH port of the remote hypervisor."));
    s.add(
        Field::string("remote_username")
            .withDefault("root")
            .markDeprecated()
            .withHelp("ESXi only (removed in plugin 2.0): the SSH user on the remote hypervisor."));
    s.add(
        Field::string("remote_password")
            .markSensitive()
            .markDeprecated()
            .withHelp("ESXi only (removed in plugin 2.0): the SSH password for remote_username."));
    s.add(Field::path("remote_private_key_file", PathKind::File)
              .markDeprecated()
              .withHelp("ESXi only (removed in plugin 2.0): an SSH private key for the remote "
                        "hypervisor, instead of a password."));
    s.add(Field::boolean("skip_validate_credentials")
              .withDefault("false")
              .markDeprecated()
              .withHelp("ESXi only (removed in plugin 2.0): do not check the remote credentials "
                        "for OVF Tool before the build starts."));
    s.add(Field::string("remote_output_directory")
              .markDeprecated()
              .withHelp("ESXi only (removed in plugin 2.0): the directory on the remote datastore "
                        "that receives the virtual machine files."));
    s.add(Field::boolean("vnc_over_websocket")
              .withDefault("false")
              .markDeprecated()
              .withHelp("ESXi only (removed in plugin 2.0): send the boot command over the VNC "
                        "websocket of ESXi 6.7 and later instead of a VNC port."));
    s.add(Field::boolean("insecure_connection")
              .withDefault("false")
              .markDeprecated()
              .withHelp("ESXi only (removed in plugin 2.0): do not verify the TLS certificate of "
                        "the websocket used by vnc_over_websocket."));
    s.add(Field::boolean("keep_registered")
              .withDefault("false")
              .markDeprecated()
              .withHelp("ESXi only (removed in plugin 2.0): leave the virtual machine registered "
                        "on the remote host after the build."));
    return s;
}

} // namespace kiln::components

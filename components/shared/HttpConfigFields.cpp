// Keys and types mirror the HCL2 spec of packer-plugin-sdk multistep/commonsteps HTTPConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema httpConfigFields()
{
    ConfigSchema s;
    s.add(Field::path("http_directory", PathKind::Directory)
              .withHelp("Path to a directory to serve using an HTTP server. The files in this "
                        "directory will be available over HTTP that will be requestable from the "
                        "virtual machine."));
    s.add(Field::map("http_content", Field::elementOf(FieldType::String))
              .withHelp("Key/Values to serve using an HTTP server. http_content works like and "
                        "conflicts with http_directory."));
    s.add(Field::number("http_port_min")
              .withDefault("8000")
              .withHelp("The lowest port the built-in HTTP server may listen on; Packer picks a "
                        "free port between http_port_min and http_port_max."));
    s.add(Field::number("http_port_max")
              .withDefault("9000")
              .withHelp("The highest port the built-in HTTP server may listen on."));
    s.add(Field::string("http_bind_address")
              .withDefault("0.0.0.0")
              .withHelp("This is the bind address for the HTTP server. Defaults to 0.0.0.0 so "
                        "that it will work with any network interface."));
    s.add(Field::string("http_interface")
              .withHelp("This is the bind interface for the HTTP server. Defaults to the first "
                        "interface with a non-loopback address."));
    s.add(Field::enumeration("http_network_protocol", {"tcp", "tcp4", "tcp6", "unix", "unixpacket"})
              .withDefault("tcp")
              .withHelp("Defines the HTTP Network protocol. Valid options are tcp, tcp4, tcp6, "
                        "unix, and unixpacket."));
    s.atMostOneOf({"http_directory", "http_content"},
        "http_content cannot be used in conjunction with http_dir. Consider using the file "
        "function to load file in memory and serve them with http_content: "
        "https://www.packer.io/docs/templates/hcl_templates/functions/file/file");
    s.atMostOneOf({"http_interface", "http_bind_address"},
        "either http_interface or http_bind_address can be specified");
    return s;
}

} // namespace kiln::components

// Keys and types mirror the HCL2 spec of packer-plugin-sdk communicator Config;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema communicatorFields()
{
    ConfigSchema s;
    s.add(Field::enumeration("communicator", {"ssh", "winrm", "none"})
              .withDefault("ssh")
              .withHelp("The communicator Packer uses to reach the machine: ssh, winrm or none "
                        "(some builders add their own, e.g. docker)."));
    s.add(Field::duration("pause_before_connecting")
              .withHelp("How long to wait after the communicator becomes reachable before "
                        "connecting, e.g. to let a bootstrap script finish."));
    s.add(Field::string("ssh_host")
              .withHelp("The address to SSH to. This usually is automatically configured by the "
                        "builder."));
    s.add(Field::number("ssh_port")
              .withDefault("22")
              .withHelp("The port to connect to SSH. This defaults to 22."));
    s.add(Field::string("ssh_username")
              .withHelp("The username to connect to SSH with. Required if using SSH."));
    s.add(Field::string("ssh_password")
              .markSensitive()
              .withHelp("A plaintext password to use to authenticate with SSH."));
    s.add(Field::string("ssh_keypair_name")
              .withHelp("If specified, this is the key that will be used for SSH with the "
                        "machine. The key must match a key pair name loaded up into the remote."));
    s.add(Field::string("temporary_key_pair_name")
              .withHelp("The name of the temporary key pair to generate. By default, Packer "
                        "generates a name that looks like packer_<UUID>, where <UUID> is a 36 "
                        "character unique identifier."));
    s.add(Field::enumeration("temporary_key_pair_type", {"rsa", "dsa", "ecdsa", "ed25519"})
              .withDefault("rsa")
              .withHelp("Specifies the type of key to create. The possible values are 'dsa', "
                        "'ecdsa', 'ed25519', or 'rsa'."));
    s.add(Field::number("temporary_key_pair_bits")
              .withDefault("4096")
              .withHelp("Specifies the number of bits in the key to create. For RSA keys, the "
                        "minimum size is 1024 bits and the default is 4096 bits."));
    s.add(Field::list("ssh_ciphers", Field::elementOf(FieldType::String))
              .withHelp("This overrides the value of ciphers supported by default by Golang. The "
                        "default value is [ \"aes128-gcm@openssh.com\", "
                        "\"chacha20-poly1305@openssh.com\", \"aes128-ctr\", \"aes192-ctr\", "
                        "\"aes256-ctr\", ]."));
    s.add(Field::boolean("ssh_clear_authorized_keys")
              .withDefault("false")
              .withHelp("If true, Packer will attempt to remove its temporary key from "
                        "~/.ssh/authorized_keys and /root/.ssh/authorized_keys."));
    s.add(Field::list("ssh_key_exchange_algorithms", Field::elementOf(FieldType::String))
              .withHelp("If set, Packer will override the value of key exchange (kex) algorithms "
                        "supported by default by Golang."));
    s.add(Field::path("ssh_private_key_file", PathKind::File)
              .withHelp("Path to a PEM encoded private key file to use to authenticate with SSH. "
                        "The ~ can be used in path and will be expanded to the home directory of "
                        "current user."));
    // Kiln's own keys (Packer has no equivalent): a key given as text, e.g. from a sensitive
    // variable fed by a CI secret, and the host key the machine must present.
    s.add(Field::string("ssh_private_key")
              .markSensitive()
              .withHelp("Kiln only: the private key itself (PEM or OpenSSH format), for keys "
                        "that come from a secret store rather than a file."));
    s.add(Field::string("ssh_host_key")
              .withHelp("Kiln only: the host key the machine must present, as a public key line "
                        "(ssh-ed25519 AAAA...) or a SHA256 fingerprint. Unset: not checked, as "
                        "Packer never checks."));
    s.add(
        Field::path("ssh_certificate_file", PathKind::File)
            .withHelp("Path to user certificate used to authenticate with SSH. The ~ can be "
                      "used in path and will be expanded to the home directory of current user."));
    s.add(Field::boolean("ssh_pty").withDefault("false").withHelp(
        "If true, a PTY will be requested for the SSH connection. This defaults "
        "to false."));
    s.add(Field::duration("ssh_timeout")
              .withDefault("5m")
              .withHelp("The time to wait for SSH to become available. Packer uses this to "
                        "determine when the machine has booted so this is usually quite long."));
    s.add(Field::duration("ssh_wait_timeout")
              .markDeprecated()
              .withHelp("Deprecated in favor of SSHTimeout."));
    s.add(Field::boolean("ssh_agent_auth")
              .withHelp("If true, the local SSH agent will be used to authenticate connections "
                        "to the source instance."));
    s.add(Field::boolean("ssh_disable_agent_forwarding")
              .withDefault("false")
              .withHelp("If true, SSH agent forwarding will be disabled. Defaults to false."));
    s.add(Field::number("ssh_handshake_attempts")
              .withDefault("10")
              .withHelp("The number of handshakes to attempt with SSH once it can connect. This "
                        "defaults to 10, unless a ssh_timeout is set."));
    s.add(Field::string("ssh_bastion_host")
              .withHelp("A bastion host to use for the actual SSH connection."));
    s.add(Field::number("ssh_bastion_port")
              .withDefault("22")
              .withHelp("The port of the bastion host. Defaults to 22."));
    s.add(Field::boolean("ssh_bastion_agent_auth")
              .withDefault("false")
              .withHelp("If true, the local SSH agent will be used to authenticate with the "
                        "bastion host. Defaults to false."));
    s.add(Field::string("ssh_bastion_username")
              .withHelp("The username to connect to the bastion host."));
    s.add(Field::string("ssh_bastion_password")
              .markSensitive()
              .withHelp("The password to use to authenticate with the bastion host."));
    s.add(Field::boolean("ssh_bastion_interactive")
              .withHelp("If true, the keyboard-interactive used to authenticate with bastion "
                        "host."));
    s.add(Field::path("ssh_bastion_private_key_file", PathKind::File)
              .withHelp("Path to a PEM encoded private key file to use to authenticate with the "
                        "bastion host. The ~ can be used in path and will be expanded to the "
                        "home directory of current user."));
    s.add(Field::path("ssh_bastion_certificate_file", PathKind::File)
              .withHelp("Path to user certificate used to authenticate with bastion host. The ~ "
                        "can be used in path and will be expanded to the home directory of "
                        "current user."));
    s.add(Field::enumeration("ssh_file_transfer_method", {"scp", "sftp"})
              .withHelp("How to transfer files over SSH: scp (the default) or sftp."));
    s.add(
        Field::string("ssh_proxy_host").withHelp("A SOCKS proxy host to use for SSH connection."));
    s.add(Field::number("ssh_proxy_port")
              .withDefault("1080")
              .withHelp("A port of the SOCKS proxy. Defaults to 1080."));
    s.add(Field::string("ssh_proxy_username")
              .withHelp("The optional username to authenticate with the proxy server."));
    s.add(Field::string("ssh_proxy_password")
              .markSensitive()
              .withHelp("The optional password to use to authenticate with the proxy server."));
    s.add(Field::duration("ssh_keep_alive_interval")
              .withDefault("5s")
              .withHelp("How often to send \"keep alive\" messages to the server. Set to a "
                        "negative value (-1s) to disable."));
    s.add(Field::duration("ssh_read_write_timeout")
              .withHelp("The amount of time to wait for a remote command to end. This might be "
                        "useful if, for example, packer hangs on a connection after a reboot."));
    s.add(Field::list("ssh_remote_tunnels", Field::elementOf(FieldType::String))
              .withHelp("Remote tunnels forward a port from your local machine to the instance. "
                        "Format: [\"REMOTE_PORT:LOCAL_HOST:LOCAL_PORT\"] Example: "
                        "\"9090:localhost:80\" forwards localhost:9090 on your machine to port "
                        "80 on the instance."));
    s.add(Field::list("ssh_local_tunnels", Field::elementOf(FieldType::String))
              .withHelp("Local tunnels forward a port from the instance to your local machine. "
                        "Format: [\"LOCAL_PORT:REMOTE_HOST:REMOTE_PORT\"] Example: "
                        "\"8080:localhost:3000\" allows the instance to access your local "
                        "machine’s port 3000 via localhost:8080."));
    s.add(Field::string("winrm_username").withHelp("The username to use to connect to WinRM."));
    s.add(Field::string("winrm_password")
              .markSensitive()
              .withHelp("The password to use to connect to WinRM."));
    s.add(Field::string("winrm_host").withHelp("The address for WinRM to connect to."));
    s.add(Field::boolean("winrm_no_proxy")
              .withDefault("false")
              .withHelp("Setting this to true adds the remote host:port to the NO_PROXY "
                        "environment variable. This has the effect of bypassing any configured "
                        "proxies when connecting to the remote host."));
    s.add(Field::number("winrm_port")
              .withDefault("5985")
              .withHelp("The WinRM port to connect to. This defaults to 5985 for plain "
                        "unencrypted connection and 5986 for SSL when winrm_use_ssl is set to "
                        "true."));
    s.add(Field::duration("winrm_timeout")
              .withDefault("30m")
              .withHelp("The amount of time to wait for WinRM to become available. This defaults "
                        "to 30m since setting up a Windows machine generally takes a long time."));
    s.add(Field::boolean("winrm_use_ssl").withHelp("If true, use HTTPS for WinRM."));
    s.add(Field::boolean("winrm_insecure")
              .withHelp("If true, do not check server certificate chain and host name."));
    s.add(Field::boolean("winrm_use_ntlm")
              .withHelp("If true, NTLMv2 authentication (with session security) will be used for "
                        "WinRM, rather than default (basic authentication), removing the "
                        "requirement for basic authentication to be enabled within the target "
                        "guest."));
    return s;
}

} // namespace kiln::components

// Kiln's own post-processor (Packer has no equivalent; `kiln export` warns about it).

#include "components/Descriptions.h"
#include "components/postprocessors/sftp-upload/SftpUploadPostProcessorSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor sftpUploadPostProcessorDescription()
{
    ConfigSchema s;
    s.add(Field::string("host").markRequired().withHelp("The SSH server to upload to."));
    s.add(Field::number("port").withDefault("22").withHelp("The SSH port."));
    s.add(Field::string("username").markRequired().withHelp("The user to log in as."));
    s.add(Field::string("password")
              .markSensitive()
              .withHelp("The password (also answers keyboard-interactive prompts)."));
    s.add(Field::path("private_key_file", PathKind::File)
              .markSensitive()
              .withHelp("A private key to log in with (OpenSSH or PEM format)."));
    s.add(Field::string("remote_dir")
              .withHelp("The directory the files are written to, created when missing. Relative "
                        "paths start "
                        "in the login directory; empty: the login directory."));
    s.add(Field::boolean("resumable")
              .withDefault("true")
              .withHelp("When the remote file is the beginning of the local one (compared by "
                        "SHA-256 of that prefix), send only the rest; an identical file is not "
                        "sent again. False: always upload the whole file."));
    s.add(Field::path("known_hosts_file", PathKind::File)
              .withHelp("An OpenSSH known_hosts file the server's host key must be listed in "
                        "(hashed entries and [host]:port included), checked before logging in."));
    s.add(Field::string("host_key")
              .withHelp("The server's host key instead of a known_hosts file: a public key line "
                        "(\"ssh-ed25519 AAAA...\") or a SHA256:... fingerprint. With neither set "
                        "the key is "
                        "not checked and its fingerprint is logged."));
    s.add(Field::string("file_mode")
              .withDefault("0644")
              .withHelp("The uploaded files' mode, in octal."));
    s.add(Field::duration("timeout").withDefault("30s").withHelp(
        "How long connecting, the handshake and logging in may take."));

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "sftp-upload";
    d.displayName = "SFTP upload";
    d.description
        = "Uploads the artifact's files to an SSH server over SFTP, resumably (Kiln only).";
    d.iconName = "postprocessor-sftp-upload";
    d.schema = s;
    d.settings = build::settingsReader<SftpUploadPostProcessorSettings>();
    return d;
}

} // namespace kiln::components

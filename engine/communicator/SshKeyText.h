#pragma once

#include <QByteArray>
#include <QString>

namespace kiln::comm {

// Reading SSH keys given as text: the checks a builder's settings make on
// ssh_private_key(_file), and the public key forms host key checks compare. Part of
// the communicator layer's libssh2-free base, which `kiln validate` runs.
class SshKeyText
{
public:
    // Empty when `text` holds an unencrypted private key Kiln can use; else Go's reason
    // ("ssh: no key found", "ssh: this private key is passphrase protected").
    static QString checkPrivateKey(const QByteArray &text);

    // "SHA256:<unpadded base64>" of a public key blob, as ssh-keygen -l prints.
    static QString fingerprint(const QByteArray &blob);
    // The blob of an authorized_keys / .pub line ("type base64 [comment]"); empty if malformed.
    static QByteArray blobFromPublicKeyLine(const QString &line);
};

} // namespace kiln::comm

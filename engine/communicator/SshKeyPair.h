#pragma once

#include <QByteArray>
#include <QString>

namespace kiln::comm {

// A key pair made for one build (Packer's StepSSHKeyGen / communicator/ssh KeyPair): the
// builder injects `authorizedKey` into the machine and logs in with `privateKey`.
class SshKeyPair
{
public:
    enum class Type { Rsa, Ecdsa, Ed25519 };

    // The private key in a form libssh2 1.10 loads from memory: traditional PEM for RSA and
    // ECDSA, the OpenSSH format for ed25519 (libssh2 has no PKCS#8 ed25519 reader).
    QByteArray privateKey;
    // "ssh-ed25519 AAAA... packer_<uuid>": one authorized_keys line, no newline.
    QByteArray authorizedKey;
    // The public key blob (what the server compares) and its "SHA256:..." fingerprint.
    QByteArray publicKeyBlob;
    QString comment;

    // `bits`: RSA modulus size (>= 1024; 0: 4096), ECDSA curve size (256/384/521; 0: 521);
    // ignored for ed25519. `comment` empty: "packer_<uuid>" as Packer names temporary keys.
    static SshKeyPair generate(Type type, int bits, const QString &comment, QString *error);
    static SshKeyPair generate(
        const QString &type, int bits, const QString &comment, QString *error);
};

} // namespace kiln::comm

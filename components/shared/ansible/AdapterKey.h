#pragma once

#include <QString>
#include <libssh/libssh.h>
#include <memory>

namespace kiln::components {

// A key of the SSH proxy adapter (Packer's newUserKey / newSigner): the one-time key pair
// Ansible logs in with, the adapter's host key, or a key read from the files the template
// names (ssh_authorized_key_file, ssh_host_key_file). Owns the libssh key.
//
// Packer generates ECDSA P-384 (the default) or RSA 2048 keys; both are accepted by OpenSSH 9,
// which refuses the old ssh-rsa (SHA-1) signatures but not RSA keys signing with rsa-sha2.
class AdapterKey
{
public:
    ~AdapterKey();
    AdapterKey(const AdapterKey &) = delete;
    AdapterKey &operator=(const AdapterKey &) = delete;

    // `type` is "ECDSA" or "RSA" (ansible_proxy_key_type, already upper-cased).
    static std::unique_ptr<AdapterKey> generate(const QString &type, QString *error);
    // A private key file in any format OpenSSH writes (ssh_host_key_file).
    static std::unique_ptr<AdapterKey> loadPrivate(const QString &path, QString *error);
    // An authorized_keys style line ("ecdsa-sha2-nistp384 AAAA... comment").
    static std::unique_ptr<AdapterKey> loadPublic(const QString &path, QString *error);

    // Writes the private key to a new file only the current user can read, named like
    // Packer's tmp.File("ansible-key"). Returns its path, empty with *error on failure.
    QString writePrivateKeyFile(QString *error) const;
    bool samePublicKey(ssh_key other) const;
    ssh_key handle() const { return m_key; }
    // A copy for a libssh object that takes ownership (ssh_bind's host key).
    ssh_key duplicate() const;

private:
    explicit AdapterKey(ssh_key key)
        : m_key(key)
    { }
    ssh_key m_key = nullptr;
};

} // namespace kiln::components

#include "components/shared/ansible/AdapterKey.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace kiln::components {

AdapterKey::~AdapterKey()
{
    ssh_key_free(m_key);
}

std::unique_ptr<AdapterKey> AdapterKey::generate(const QString &type, QString *error)
{
    ssh_key key = nullptr;
    const bool rsa = type == QLatin1String("RSA");
    const int rc = rsa ? ssh_pki_generate(SSH_KEYTYPE_RSA, 2048, &key)
                       : ssh_pki_generate(SSH_KEYTYPE_ECDSA_P384, 384, &key);
    if (rc != SSH_OK || !key) {
        *error = QStringLiteral("Failed to generate key pair");
        return nullptr;
    }
    return std::unique_ptr<AdapterKey>(new AdapterKey(key));
}

std::unique_ptr<AdapterKey> AdapterKey::loadPrivate(const QString &path, QString *error)
{
    ssh_key key = nullptr;
    if (ssh_pki_import_privkey_file(
            QFile::encodeName(path).constData(), nullptr, nullptr, nullptr, &key)
        != SSH_OK) {
        *error = QStringLiteral("Failed to parse private key %1").arg(path);
        return nullptr;
    }
    return std::unique_ptr<AdapterKey>(new AdapterKey(key));
}

std::unique_ptr<AdapterKey> AdapterKey::loadPublic(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Failed to read public key");
        return nullptr;
    }
    // authorized_keys syntax: type, base64 blob, optional comment.
    const QList<QByteArray> parts = f.readAll().simplified().split(' ');
    ssh_key key = nullptr;
    if (parts.size() < 2
        || ssh_pki_import_pubkey_base64(
               parts.at(1).constData(), ssh_key_type_from_name(parts.at(0).constData()), &key)
            != SSH_OK) {
        *error = QStringLiteral("Failed to parse authorized key");
        return nullptr;
    }
    return std::unique_ptr<AdapterKey>(new AdapterKey(key));
}

QString AdapterKey::writePrivateKeyFile(QString *error) const
{
    char *pem = nullptr;
    if (ssh_pki_export_privkey_base64(m_key, nullptr, nullptr, nullptr, &pem) != SSH_OK || !pem) {
        *error = QStringLiteral("failed to write private key to temp file");
        return {};
    }
    const QByteArray text(pem);
    ssh_string_free_char(pem);
    // O_EXCL with mode 0600: the key is never readable by others, not even for a moment.
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString path = QDir::temp().filePath(
            QStringLiteral("ansible-key%1").arg(QRandomGenerator::system()->generate()));
        const int fd = ::open(
            QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            if (errno == EEXIST)
                continue;
            *error = QStringLiteral("failed to create temp file for generated key");
            return {};
        }
        const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
        ::close(fd);
        if (!ok) {
            QFile::remove(path);
            *error = QStringLiteral("failed to write private key to temp file");
            return {};
        }
        return path;
    }
    *error = QStringLiteral("failed to create temp file for generated key");
    return {};
}

bool AdapterKey::samePublicKey(ssh_key other) const
{
    return other && ssh_key_cmp(m_key, other, SSH_KEY_CMP_PUBLIC) == 0;
}

ssh_key AdapterKey::duplicate() const
{
    return ssh_key_dup(m_key);
}

} // namespace kiln::components

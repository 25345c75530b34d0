#include "engine/communicator/SshKeyPair.h"

#include <QRandomGenerator>
#include <QUuid>
#include <memory>
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace kiln::comm {

namespace {

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

// SSH wire encodings (RFC 4251 section 5).
void putUint32(QByteArray &out, quint32 v)
{
    const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(b, 4);
}

void putString(QByteArray &out, const QByteArray &s)
{
    putUint32(out, quint32(s.size()));
    out.append(s);
}

void putMpint(QByteArray &out, QByteArray magnitude)
{
    while (!magnitude.isEmpty() && magnitude.at(0) == 0)
        magnitude.remove(0, 1);
    if (!magnitude.isEmpty() && (uchar(magnitude.at(0)) & 0x80))
        magnitude.prepend('\0');
    putString(out, magnitude);
}

QByteArray bnParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (!EVP_PKEY_get_bn_param(key, name, &bn))
        return {};
    QByteArray out(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    BN_free(bn);
    return out;
}

QByteArray pemOf(EVP_PKEY *key)
{
    Bio bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!PEM_write_bio_PrivateKey_traditional(
            bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr))
        return {};
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(len));
}

QByteArray wrapBase64(const QByteArray &b64)
{
    QByteArray out;
    for (int i = 0; i < b64.size(); i += 70)
        out += b64.mid(i, 70) + '\n';
    return out;
}

// OpenSSH's "openssh-key-v1" container (PROTOCOL.key), unencrypted, for ed25519.
QByteArray opensshEd25519(
    const QByteArray &pub, const QByteArray &seed, const QByteArray &blob, const QString &comment)
{
    QByteArray priv;
    const quint32 check = QRandomGenerator::system()->generate();
    putUint32(priv, check);
    putUint32(priv, check);
    putString(priv, "ssh-ed25519");
    putString(priv, pub);
    putString(priv, seed + pub);
    putString(priv, comment.toUtf8());
    for (char pad = 1; priv.size() % 8 != 0; ++pad)
        priv.append(pad);

    QByteArray body("openssh-key-v1", 15); // includes the terminating NUL
    putString(body, "none");
    putString(body, "none");
    putString(body, QByteArray());
    putUint32(body, 1);
    putString(body, blob);
    putString(body, priv);
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + wrapBase64(body.toBase64())
        + "-----END OPENSSH PRIVATE KEY-----\n";
}

} // namespace

SshKeyPair SshKeyPair::generate(
    const QString &type, int bits, const QString &comment, QString *error)
{
    if (type == QLatin1String("rsa") || type.isEmpty())
        return generate(Type::Rsa, bits, comment, error);
    if (type == QLatin1String("ecdsa"))
        return generate(Type::Ecdsa, bits, comment, error);
    if (type == QLatin1String("ed25519"))
        return generate(Type::Ed25519, bits, comment, error);
    if (error)
        *error = QStringLiteral("unsupported key type \"%1\": OpenSSH no longer accepts dsa keys; "
                                "use rsa, ecdsa or ed25519")
                     .arg(type);
    return {};
}

SshKeyPair SshKeyPair::generate(Type type, int bits, const QString &comment, QString *error)
{
    SshKeyPair kp;
    kp.comment = comment.isEmpty()
        ? QStringLiteral("packer_") + QUuid::createUuid().toString(QUuid::WithoutBraces)
        : comment;
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return SshKeyPair();
    };
    QByteArray typeName;
    if (type == Type::Rsa) {
        if (bits == 0)
            bits = 4096;
        if (bits < 1024)
            return fail(QStringLiteral("RSA keys need at least 1024 bits, got %1").arg(bits));
        PKey key(EVP_RSA_gen(unsigned(bits)), EVP_PKEY_free);
        if (!key)
            return fail(QStringLiteral("cannot generate an RSA key"));
        typeName = "ssh-rsa";
        putString(kp.publicKeyBlob, typeName);
        putMpint(kp.publicKeyBlob, bnParam(key.get(), OSSL_PKEY_PARAM_RSA_E));
        putMpint(kp.publicKeyBlob, bnParam(key.get(), OSSL_PKEY_PARAM_RSA_N));
        kp.privateKey = pemOf(key.get());
    } else if (type == Type::Ecdsa) {
        if (bits == 0)
            bits = 521;
        const char *curve = bits == 256 ? "P-256"
            : bits == 384               ? "P-384"
            : bits == 521               ? "P-521"
                                        : nullptr;
        if (!curve)
            return fail(QStringLiteral("ECDSA keys are 256, 384 or 521 bits, got %1").arg(bits));
        PKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve), EVP_PKEY_free);
        if (!key)
            return fail(QStringLiteral("cannot generate an ECDSA key"));
        const QByteArray nist = "nistp" + QByteArray::number(bits);
        typeName = "ecdsa-sha2-" + nist;
        QByteArray point(200, '\0');
        size_t len = 0;
        EVP_PKEY_get_octet_string_param(key.get(), OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
            reinterpret_cast<unsigned char *>(point.data()), size_t(point.size()), &len);
        point.truncate(int(len));
        putString(kp.publicKeyBlob, typeName);
        putString(kp.publicKeyBlob, nist);
        putString(kp.publicKeyBlob, point);
        kp.privateKey = pemOf(key.get());
    } else {
        PKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), EVP_PKEY_free);
        if (!key)
            return fail(QStringLiteral("cannot generate an ed25519 key"));
        QByteArray pub(32, '\0'), seed(32, '\0');
        size_t len = 32;
        EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(pub.data()), &len);
        len = 32;
        EVP_PKEY_get_raw_private_key(
            key.get(), reinterpret_cast<unsigned char *>(seed.data()), &len);
        typeName = "ssh-ed25519";
        putString(kp.publicKeyBlob, typeName);
        putString(kp.publicKeyBlob, pub);
        kp.privateKey = opensshEd25519(pub, seed, kp.publicKeyBlob, kp.comment);
        seed.fill('\0');
    }
    if (kp.privateKey.isEmpty())
        return fail(QStringLiteral("cannot encode the private key"));
    kp.authorizedKey = typeName + ' ' + kp.publicKeyBlob.toBase64() + ' ' + kp.comment.toUtf8();
    return kp;
}

} // namespace kiln::comm

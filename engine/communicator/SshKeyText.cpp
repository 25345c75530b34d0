#include "engine/communicator/SshKeyText.h"

#include "engine/crypto/LibCrypto.h"

#include <QCryptographicHash>
#include <QStringList>

namespace kiln::comm {

QString SshKeyText::checkPrivateKey(const QByteArray &text)
{
    if (text.contains("-----BEGIN OPENSSH PRIVATE KEY-----")) {
        const int from = text.indexOf('\n', text.indexOf("-----BEGIN")) + 1;
        const int to = text.indexOf("-----END");
        const QByteArray body
            = QByteArray::fromBase64(text.mid(from, to - from).simplified().replace(' ', ""));
        if (!body.startsWith(QByteArray("openssh-key-v1", 15)))
            return QStringLiteral("ssh: invalid openssh private key format");
        const QByteArray cipherLen = body.mid(15, 4);
        if (cipherLen.size() < 4)
            return QStringLiteral("ssh: invalid openssh private key format");
        const quint32 n = (quint32(uchar(cipherLen[0])) << 24)
            | (quint32(uchar(cipherLen[1])) << 16) | (quint32(uchar(cipherLen[2])) << 8)
            | quint32(uchar(cipherLen[3]));
        if (body.mid(19, int(n)) != "none")
            return QStringLiteral("ssh: this private key is passphrase protected");
        return {};
    }
    if (!text.contains("-----BEGIN"))
        return QStringLiteral("ssh: no key found");
    if (text.contains("ENCRYPTED"))
        return QStringLiteral("ssh: this private key is passphrase protected");
    QString whyNot;
    const crypto::LibCrypto *ssl = crypto::LibCrypto::get(&whyNot);
    if (!ssl)
        return whyNot;
    BIO *bio = ssl->BIO_new_mem_buf(text.constData(), int(text.size()));
    // An empty passphrase callback result makes encrypted keys fail instead of prompting.
    EVP_PKEY *key = ssl->PEM_read_bio_PrivateKey(
        bio, nullptr, [](char *, int, int, void *) { return 0; }, nullptr);
    ssl->BIO_free(bio);
    if (!key)
        return QStringLiteral("ssh: no key found");
    ssl->EVP_PKEY_free(key);
    return {};
}

QString SshKeyText::fingerprint(const QByteArray &blob)
{
    QByteArray b64 = QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toBase64();
    while (b64.endsWith('='))
        b64.chop(1);
    return QStringLiteral("SHA256:") + QString::fromLatin1(b64);
}

QByteArray SshKeyText::blobFromPublicKeyLine(const QString &line)
{
    const QStringList parts = line.simplified().split(QLatin1Char(' '));
    // Lines may start with options ("restrict,command=... ssh-ed25519 AAAA..."): the blob is
    // the field after the first one that names a key type.
    for (int i = 0; i + 1 < parts.size(); ++i) {
        if (parts[i].startsWith(QLatin1String("ssh-"))
            || parts[i].startsWith(QLatin1String("ecdsa-"))) {
            const QByteArray blob = QByteArray::fromBase64(parts[i + 1].toLatin1());
            return blob.size() > 4 ? blob : QByteArray();
        }
    }
    return {};
}

} // namespace kiln::comm

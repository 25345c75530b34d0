// bcrypt md5 rsadecrypt sha1 sha256 sha512: go-cty-funcs' crypto package, on Qt's
// hashes, OpenSSL (RSA, opened when first used) and libxcrypt (bcrypt).

#include "engine/crypto/LibCrypto.h"
#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <crypt.h>
#include <openssl/rsa.h>

#include <cstring>

namespace kiln::hcl::functions {

namespace {

    Function hashFunction(const QString &name, const QString &desc, QCryptographicHash::Algorithm algo)
    {
        return simpleFunction(name, desc, {param(QStringLiteral("str"), Type::string())}, Type::string(),
                              [algo](const QList<Value> &a, const Type &, FunctionError &) {
                                  return Value::string(QString::fromLatin1(QCryptographicHash::hash(a[0].asString().toUtf8(), algo).toHex()));
                              });
    }

    Value bcryptHash(const QList<Value> &a, FunctionError &err)
    {
        qint64 cost = 10;
        if (a.size() > 1) {
            QString why;
            std::optional<qint64> c = toInt(a[1], &why);
            if (!c)
                return fail(err, -1, why);
            cost = *c;
        }
        if (a.size() > 2)
            return fail(err, -1, QStringLiteral("bcrypt() takes no more than two arguments"));
        const QByteArray input = a[0].asString().toUtf8();
        // golang.org/x/crypto/bcrypt's rules: low costs fall back to the default,
        // high ones and over-long passwords are errors.
        if (cost < 4)
            cost = 10;
        if (cost > 31)
            return fail(err, -1, QStringLiteral("error occured generating password crypto/bcrypt: cost %1 is outside allowed range (4,31)").arg(cost));
        if (input.size() > 72)
            return fail(err, -1, QStringLiteral("error occured generating password bcrypt: password length exceeds 72 bytes"));
        char setting[CRYPT_GENSALT_OUTPUT_SIZE];
        if (!crypt_gensalt_rn("$2a$", static_cast<unsigned long>(cost), nullptr, 0, setting, sizeof setting))
            return fail(err, -1, QStringLiteral("error occured generating password %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        crypt_data data;
        std::memset(&data, 0, sizeof data);
        const char *out = crypt_r(input.constData(), setting, &data);
        if (!out || out[0] == '*')
            return fail(err, -1, QStringLiteral("error occured generating password %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return Value::string(QString::fromLatin1(out));
    }

    // Go's pem.Decode: the first well-formed PEM block.
    struct PemBlock
    {
        QString type;
        QMap<QString, QString> headers;
        QByteArray der;
    };

    std::optional<PemBlock> pemDecode(const QString &text)
    {
        static const QRegularExpression re(QStringLiteral("-----BEGIN ([^-\\n]*)-----\\r?\\n(.*?)-----END \\1-----"),
                                           QRegularExpression::DotMatchesEverythingOption);
        const QRegularExpressionMatch m = re.match(text);
        if (!m.hasMatch())
            return std::nullopt;
        PemBlock b;
        b.type = m.captured(1);
        QString body = m.captured(2);
        QStringList lines = body.split(QLatin1Char('\n'));
        QString base64;
        bool inHeaders = true;
        for (QString line : lines) {
            line = line.trimmed();
            if (inHeaders) {
                const qsizetype colon = line.indexOf(QLatin1Char(':'));
                if (colon > 0) {
                    b.headers.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
                    continue;
                }
                inHeaders = false;
            }
            base64 += line;
        }
        auto decoded = QByteArray::fromBase64Encoding(base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        b.der = *decoded;
        return b;
    }

    Value rsaDecrypt(const QList<Value> &a, FunctionError &err)
    {
        const QString s = a[0].asString();
        auto cipher = QByteArray::fromBase64Encoding(s.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!cipher || s.size() % 4 != 0)
            return fail(err, -1, QStringLiteral("failed to decode input %1: cipher text must be base64-encoded").arg(goQuote(s)));
        std::optional<PemBlock> block = pemDecode(a[1].asString());
        if (!block)
            return fail(err, -1, QStringLiteral("failed to parse key: no key found"));
        if (block->headers.value(QStringLiteral("Proc-Type")) == QLatin1String("4,ENCRYPTED"))
            return fail(err, -1, QStringLiteral("failed to parse key: password protected keys are not supported. Please decrypt the key prior to use"));

        QString whyNot;
        const crypto::LibCrypto *ssl = crypto::LibCrypto::get(&whyNot);
        if (!ssl)
            return fail(err, -1, whyNot);
        // x509.ParsePKCS1PrivateKey accepts only the PKCS#1 RSAPrivateKey structure.
        const unsigned char *p = reinterpret_cast<const unsigned char *>(block->der.constData());
        EVP_PKEY *key = ssl->d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &p, long(block->der.size()));
        if (!key) {
            const unsigned char *q = reinterpret_cast<const unsigned char *>(block->der.constData());
            if (EVP_PKEY *pkcs8 = ssl->d2i_AutoPrivateKey(nullptr, &q, long(block->der.size()))) {
                ssl->EVP_PKEY_free(pkcs8);
                return fail(err, -1, QStringLiteral("x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)"));
            }
            return fail(err, -1, QStringLiteral("x509: malformed private key"));
        }
        EVP_PKEY_CTX *ctx = ssl->EVP_PKEY_CTX_new(key, nullptr);
        QByteArray out;
        bool ok = ctx && ssl->EVP_PKEY_decrypt_init(ctx) > 0 && ssl->EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) > 0;
        size_t outLen = 0;
        const auto *in = reinterpret_cast<const unsigned char *>(cipher.decoded.constData());
        ok = ok && ssl->EVP_PKEY_decrypt(ctx, nullptr, &outLen, in, size_t(cipher.decoded.size())) > 0;
        if (ok) {
            out.resize(qsizetype(outLen));
            ok = ssl->EVP_PKEY_decrypt(ctx, reinterpret_cast<unsigned char *>(out.data()), &outLen, in, size_t(cipher.decoded.size())) > 0;
            out.resize(qsizetype(outLen));
        }
        ssl->EVP_PKEY_CTX_free(ctx);
        ssl->EVP_PKEY_free(key);
        if (!ok)
            return fail(err, -1, QStringLiteral("crypto/rsa: decryption error"));
        return Value::string(QString::fromUtf8(out));
    }

} // namespace

void addCryptoFunctions(FunctionTable &t)
{
    add(t, hashFunction(QStringLiteral("md5"), QStringLiteral("Computes the MD5 hash of a given string and encodes it with hexadecimal digits."), QCryptographicHash::Md5));
    add(t, hashFunction(QStringLiteral("sha1"), QStringLiteral("Computes the SHA1 hash of a given string and encodes it with hexadecimal digits."), QCryptographicHash::Sha1));
    add(t, hashFunction(QStringLiteral("sha256"), QStringLiteral("Computes the SHA256 hash of a given string and encodes it with hexadecimal digits."), QCryptographicHash::Sha256));
    add(t, hashFunction(QStringLiteral("sha512"), QStringLiteral("Computes the SHA512 hash of a given string and encodes it with hexadecimal digits."), QCryptographicHash::Sha512));

    Function bcrypt = simpleFunction(QStringLiteral("bcrypt"), QStringLiteral("Computes a hash of the given string using the Blowfish cipher, returning a string in the Modular Crypt Format."),
                                     {param(QStringLiteral("str"), Type::string())}, Type::string(),
                                     [](const QList<Value> &a, const Type &, FunctionError &err) { return bcryptHash(a, err); });
    bcrypt.varParam = param(QStringLiteral("cost"), Type::number());
    add(t, bcrypt);

    add(t, simpleFunction(QStringLiteral("rsadecrypt"), QStringLiteral("Decrypts an RSA-encrypted ciphertext, returning the corresponding cleartext."),
                          {param(QStringLiteral("ciphertext"), Type::string()), param(QStringLiteral("privatekey"), Type::string())}, Type::string(),
                          [](const QList<Value> &a, const Type &, FunctionError &err) { return rsaDecrypt(a, err); }));
}

} // namespace kiln::hcl::functions

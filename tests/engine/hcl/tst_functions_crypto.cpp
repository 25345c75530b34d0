// Crypto functions: bcrypt md5 rsadecrypt sha1 sha256 sha512 uuidv4 uuidv5.

#include "FunctionTestSupport.h"

#include <QRegularExpression>

#include <crypt.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace kiln::hcl;
using namespace kiln::hcl::functions::test;

class TestCryptoFunctions : public QObject
{
    Q_OBJECT
private slots:
    void cases_data()
    {
        addColumns();
        row("md5(\"hello world\")", "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
        row("sha1(\"hello world\")", "\"2aae6c35c94fcfb415dbe95f408b9ce91ee846ed\"");
        row("sha256(\"hello world\")", "\"b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9\"");
        row("sha512(\"hello world\")",
            "\"309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f\"");
        row("uuidv5(\"dns\", \"www.terraform.io\")", "\"a5008fae-b28c-5ba5-96cd-82b4c53552d6\"");
        row("uuidv5(\"url\", \"https://www.terraform.io/\")", "\"9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5\"");
        row("uuidv5(\"743ac3c0-3bf7-4a5b-9a0b-0e6bd6a00000\", \"x\")", "\"0dcd9a99-f9bc-59b5-8ab9-b300d2dc5194\"");
        row("uuidv5(\"nope\", \"x\")", "ERROR: Call to function \"uuidv5\" failed: uuidv5() doesn't support namespace nope (invalid UUID length: 4).");
        row("rsadecrypt(\"!!\", \"k\")", "ERROR: Call to function \"rsadecrypt\" failed: failed to decode input \"!!\": cipher text must be base64-encoded.");
        row("rsadecrypt(\"aGk=\", \"not a key\")", "ERROR: Call to function \"rsadecrypt\" failed: failed to parse key: no key found.");
        row("bcrypt(\"x\", 10, 11)", "ERROR: Call to function \"bcrypt\" failed: bcrypt() takes no more than two arguments.");
        row("bcrypt(\"x\", 32)", "ERROR: Call to function \"bcrypt\" failed: error occured generating password crypto/bcrypt: cost 32 is outside allowed range (4,31).");
    }
    void cases()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        QCOMPARE(run(expr), expected);
    }

    void bcryptVerifies()
    {
        const QString out = run(QStringLiteral("bcrypt(\"hello world\", 5)"));
        QVERIFY2(out.startsWith(QLatin1String("\"$2a$05$")), qPrintable(out));
        const QByteArray hash = out.mid(1, out.size() - 2).toLatin1();
        crypt_data data {};
        QCOMPARE(QByteArray(crypt_r("hello world", hash.constData(), &data)), hash);
        QVERIFY(run(QStringLiteral("bcrypt(\"a\")")).startsWith(QLatin1String("\"$2a$10$")));
    }

    void uuidv4IsRandomVersion4()
    {
        static const QRegularExpression v4(QStringLiteral("^\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"$"));
        const QString a = run(QStringLiteral("uuidv4()"));
        QVERIFY2(v4.match(a).hasMatch(), qPrintable(a));
        QVERIFY(a != run(QStringLiteral("uuidv4()")));
    }

    // A fresh key: encrypt with OpenSSL, decrypt with rsadecrypt.
    void rsadecryptRoundTrip()
    {
        EVP_PKEY *key = EVP_RSA_gen(2048);
        QVERIFY(key);
        BIO *bio = BIO_new(BIO_s_mem());
        QVERIFY(PEM_write_bio_PrivateKey_traditional(bio, key, nullptr, nullptr, 0, nullptr, nullptr) == 1);
        char *pem = nullptr;
        const long pemLen = BIO_get_mem_data(bio, &pem);
        const QString keyPem = QString::fromLatin1(pem, int(pemLen));
        BIO_free(bio);
        QVERIFY(keyPem.startsWith(QLatin1String("-----BEGIN RSA PRIVATE KEY-----")));

        EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key, nullptr);
        QVERIFY(EVP_PKEY_encrypt_init(ctx) > 0);
        QVERIFY(EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) > 0);
        const QByteArray plain("Hello World");
        size_t outLen = 0;
        QVERIFY(EVP_PKEY_encrypt(ctx, nullptr, &outLen, reinterpret_cast<const unsigned char *>(plain.constData()), size_t(plain.size())) > 0);
        QByteArray cipher(qsizetype(outLen), Qt::Uninitialized);
        QVERIFY(EVP_PKEY_encrypt(ctx, reinterpret_cast<unsigned char *>(cipher.data()), &outLen,
                                 reinterpret_cast<const unsigned char *>(plain.constData()), size_t(plain.size())) > 0);
        cipher.resize(qsizetype(outLen));
        EVP_PKEY_CTX_free(ctx);
        EVP_PKEY_free(key);

        const QMap<QString, Value> vars {{QStringLiteral("key"), Value::string(keyPem)},
                                         {QStringLiteral("ct"), Value::string(QString::fromLatin1(cipher.toBase64()))}};
        QCOMPARE(run(QStringLiteral("rsadecrypt(ct, key)"), {}, vars), QStringLiteral("\"Hello World\""));
        QCOMPARE(run(QStringLiteral("rsadecrypt(\"aGVsbG8=\", key)"), {}, vars),
                 QStringLiteral("ERROR: Call to function \"rsadecrypt\" failed: crypto/rsa: decryption error."));
    }
};

QTEST_GUILESS_MAIN(TestCryptoFunctions)
#include "tst_functions_crypto.moc"

// SshConfigReader / SshConfig::validate: Packer's defaults and prepare errors, and Kiln's
// ssh_host_key and inline key checks. No server needed.

#include "engine/communicator/SshConfigReader.h"
#include "engine/communicator/SshDiagnosis.h"
#include "engine/communicator/SshKeyPair.h"
#include "engine/communicator/SshKeyText.h"

#include <QTemporaryDir>
#include <QTest>
#include <cerrno>

using namespace kiln;
using namespace kiln::comm;

namespace {

build::ComponentConfig configOf(const QMap<QString, hcl::Value> &values)
{
    return build::ComponentConfig(hcl::Value::object(values));
}

hcl::Value str(const char *s)
{
    return hcl::Value::string(QString::fromUtf8(s));
}

} // namespace

class TestSshConfig : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        QStringList errors;
        const SshConfig c = SshConfigReader::read(
            configOf({{"ssh_username", str("root")}, {"ssh_host", str("10.0.0.5")}}), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        QCOMPARE(c.host, QStringLiteral("10.0.0.5"));
        QCOMPARE(c.port, 22);
        QCOMPARE(c.timeoutMs, qint64(5 * 60 * 1000));
        QCOMPARE(c.handshakeAttempts, 10);
        QCOMPARE(c.keepAliveIntervalMs, qint64(5000));
        QCOMPARE(c.fileTransferMethod, QStringLiteral("scp"));
        QVERIFY(!c.useSftp());
        QVERIFY(!c.pty);
    }

    void timeoutAloneMeansUnlimitedAttempts()
    {
        QStringList errors;
        SshConfig c = SshConfigReader::read(
            configOf({{"ssh_username", str("u")}, {"ssh_timeout", str("20m")},
                {"ssh_port", hcl::Value::number(2222)}, {"ssh_file_transfer_method", str("sftp")},
                {"ssh_keep_alive_interval", str("-1s")}}),
            &errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(c.timeoutMs, qint64(20 * 60 * 1000));
        QCOMPARE(c.handshakeAttempts, 0);
        QCOMPARE(c.port, 2222);
        QVERIFY(c.useSftp());
        QCOMPARE(c.keepAliveIntervalMs, qint64(-1000));
        c = SshConfigReader::read(
            configOf({{"ssh_username", str("u")}, {"ssh_wait_timeout", str("1m")}}), &errors);
        QCOMPARE(c.timeoutMs, qint64(60000));
    }

    void errorsAreAppended()
    {
        // Builders collect their own prepare errors first; the SSH ones join them.
        QStringList errors{QStringLiteral("a builder error")};
        SshConfigReader::read(configOf({{"ssh_file_transfer_method", str("rsync")}}), &errors);
        QVERIFY(errors.size() >= 2);
        QCOMPARE(errors.first(), QStringLiteral("a builder error"));
    }

    void packerErrors()
    {
        QStringList errors;
        SshConfigReader::read(configOf({{"ssh_private_key_file", str("/nonexistent/key")},
                                  {"ssh_file_transfer_method", str("rsync")},
                                  {"ssh_bastion_host", str("b")}, {"ssh_proxy_host", str("p")}}),
            &errors);
        QCOMPARE(errors,
            QStringList(
                {QStringLiteral(
                     "An ssh_username must be specified\n  Note: some builders used to default "
                     "ssh_username to \"root\"."),
                    QStringLiteral(
                        "ssh_private_key_file is invalid: stat /nonexistent/key: no such file or "
                        "directory"),
                    QStringLiteral(
                        "ssh_bastion_private_key_file is invalid: stat /nonexistent/key: no such "
                        "file or directory"),
                    QStringLiteral(
                        "ssh_file_transfer_method ('rsync') is invalid, valid methods: sftp, scp"),
                    QStringLiteral(
                        "please specify either ssh_bastion_host or ssh_proxy_host, not both")}));
    }

    void bastionNeedsCredentials()
    {
        QStringList errors;
        const SshConfig c = SshConfigReader::read(
            configOf({{"ssh_username", str("u")}, {"ssh_password", str("p")},
                {"ssh_bastion_host", str("jump")}}),
            &errors);
        QCOMPARE(errors,
            QStringList({QStringLiteral("ssh_bastion_password, ssh_bastion_private_key_file or "
                                        "ssh_bastion_agent_auth must be specified")}));
        QCOMPARE(c.bastionPort, 22);
    }

    void keyFileChecks()
    {
        QTemporaryDir dir;
        const QString garbage = dir.filePath(QStringLiteral("garbage"));
        QFile g(garbage);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("not a key\n");
        g.close();
        QStringList errors;
        SshConfigReader::read(configOf({{"ssh_username", str("u")},
                                  {"ssh_private_key_file", hcl::Value::string(garbage)}}),
            &errors);
        QCOMPARE(errors,
            QStringList(
                {QStringLiteral("ssh_private_key_file is invalid: Failed to read key '%1': ssh: no "
                                "key found")
                        .arg(garbage)}));

        QString error;
        const SshKeyPair kp
            = SshKeyPair::generate(SshKeyPair::Type::Ed25519, 0, QStringLiteral("c"), &error);
        const QString good = dir.filePath(QStringLiteral("good"));
        QFile k(good);
        QVERIFY(k.open(QIODevice::WriteOnly));
        k.write(kp.privateKey);
        k.close();
        errors.clear(); // read() appends
        const SshConfig c = SshConfigReader::read(
            configOf(
                {{"ssh_username", str("u")}, {"ssh_private_key_file", hcl::Value::string(good)},
                    {"ssh_bastion_host", str("jump")}, {"ssh_bastion_username", str("j")}}),
            &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        // Packer: the bastion falls back to the target's key file.
        QCOMPARE(c.bastionAuth.privateKeyFile, good);
    }

    void inlineKeyAndHostKey()
    {
        QStringList errors;
        SshConfigReader::read(configOf({{"ssh_username", str("u")},
                                  {"ssh_private_key",
                                      str("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END "
                                          "OPENSSH PRIVATE KEY-----\n")},
                                  {"ssh_host_key", str("garbage")}}),
            &errors);
        QCOMPARE(errors,
            QStringList({QStringLiteral(
                             "ssh_private_key is invalid: ssh: invalid openssh private key format"),
                QStringLiteral("ssh_host_key is invalid: expected a public key line "
                               "(\"ssh-ed25519 AAAA...\") or a SHA256:... fingerprint")}));
    }

    void keyPairFormats()
    {
        QString error;
        const SshKeyPair ed = SshKeyPair::generate(QStringLiteral("ed25519"), 0, QString(), &error);
        QVERIFY(ed.privateKey.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n"));
        QVERIFY(ed.authorizedKey.startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"));
        QCOMPARE(SshKeyText::blobFromPublicKeyLine(QString::fromLatin1(ed.authorizedKey)),
            ed.publicKeyBlob);
        QVERIFY(SshKeyText::fingerprint(ed.publicKeyBlob).startsWith(QLatin1String("SHA256:")));
        QCOMPARE(SshKeyText::fingerprint(ed.publicKeyBlob).size(), 7 + 43);
        const SshKeyPair rsa
            = SshKeyPair::generate(QStringLiteral("rsa"), 1024, QStringLiteral("packer_x"), &error);
        QVERIFY(rsa.privateKey.startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        QVERIFY(rsa.authorizedKey.startsWith("ssh-rsa AAAAB3NzaC1yc2E"));
        QVERIFY(rsa.authorizedKey.endsWith(" packer_x"));
        QVERIFY(SshKeyPair::generate(QStringLiteral("rsa"), 512, QString(), &error)
                    .privateKey.isEmpty());
        QCOMPARE(error, QStringLiteral("RSA keys need at least 1024 bits, got 512"));
        QVERIFY(
            SshKeyPair::generate(QStringLiteral("dsa"), 0, QString(), &error).privateKey.isEmpty());
        QVERIFY(error.contains(QLatin1String("dsa")));
    }

    void diagnosisWords()
    {
        QCOMPARE(
            SshDiagnosis::connectErrno(ECONNREFUSED, QStringLiteral("127.0.0.1:2222")).message(),
            QStringLiteral("connection refused on 127.0.0.1:2222"));
        QCOMPARE(SshDiagnosis::auth(QStringLiteral("kilntest"),
                     {QStringLiteral("publickey"), QStringLiteral("password")}, {})
                     .message(),
            QStringLiteral("authentication failed for user kilntest (tried: publickey, password)"));
        const SshDiagnosis refused
            = SshDiagnosis::connectErrno(ECONNREFUSED, QStringLiteral("h:22"));
        QVERIFY(refused.timeoutMessage(7).startsWith(
            QLatin1String("Timeout waiting for SSH. The last of 7 attempts failed: connection "
                          "refused on h:22 (")));
        QCOMPARE(SshDiagnosis().timeoutMessage(0), QStringLiteral("Timeout waiting for SSH."));
        QVERIFY(!refused.countsAsHandshakeAttempt());
        QVERIFY(SshDiagnosis::hostKeyMismatch(QStringLiteral("a"), QStringLiteral("b"))
                    .countsAsHandshakeAttempt());
        QCOMPARE(SshConfig::joinHostPort(QStringLiteral("::1"), 22), QStringLiteral("[::1]:22"));
    }
};

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_ssh_config.moc"

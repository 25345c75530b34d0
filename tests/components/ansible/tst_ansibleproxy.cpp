// The ansible provisioner through its SSH proxy adapter, for real: Debian's ansible-playbook
// logs in to the adapter, which reaches the test sshd (tests/support/SshServer) through Kiln's
// SSH communicator. One run per file transfer Ansible can use: SFTP, scp in SFTP mode (OpenSSH
// 9's default) and legacy scp (`scp -O`); each runs a command, copies a file in, fetches one
// back and uses a role ansible-galaxy installed from a local tarball.

#include "AnsibleTestRun.h"
#include "engine/communicator/SshCommunicator.h"
#include "engine/communicator/SshConnector.h"
#include "support/SshServer.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
using test::Harness;

namespace {

const QString fixtures = QStringLiteral(KILN_FIXTURES_DIR "/ansible");

} // namespace

class TestAnsibleProxy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::SshServer> m_sshd;
    std::unique_ptr<comm::Communicator> m_ssh;
    QTemporaryDir m_tmp;

    void connectInfo(Harness &h) const
    {
        h.ctx.generatedData = {{"Host", m_sshd->host()}, {"Port", m_sshd->port()},
            {"User", test::SshServer::user()}, {"ConnType", "ssh"},
            {"SSHPrivateKey", QString::fromUtf8(m_sshd->clientKey())}, {"Password", ""},
            {"PackerHTTPAddr", "ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER"}};
        h.secrets->add(QString::fromUtf8(m_sshd->clientKey()));
    }
    QString remoteDir(const QString &name) const
    {
        const QString dir = m_sshd->sharedDir() + QLatin1Char('/') + name;
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFileDevice::Permissions(0x7777));
        return dir;
    }

private slots:
    void initTestCase()
    {
        const QString why = test::SshServer::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        if (QStandardPaths::findExecutable(QStringLiteral("ansible-playbook")).isEmpty())
            QSKIP("ansible-core is not installed");
        m_sshd = std::make_unique<test::SshServer>();
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
        comm::SshConfig c;
        c.host = m_sshd->host();
        c.port = m_sshd->port();
        c.auth.username = test::SshServer::user();
        c.auth.privateKeyFile = m_sshd->clientKeyPath();
        c.timeoutMs = 5000;
        c.handshakeAttempts = 1;
        c.fileTransferMethod = QStringLiteral("sftp");
        m_ssh = comm::SshConnector(c).connect(nullptr, &error);
        QVERIFY2(m_ssh, qPrintable(error));
    }

    // Through the proxy adapter (the default) with each file transfer Ansible can use.
    void proxy_data()
    {
        QTest::addColumn<QVariantMap>("transfer");
        QTest::newRow("sftp") << QVariantMap{{"use_sftp", true}};
        QTest::newRow("scp (SFTP protocol) and galaxy") << QVariantMap{{"galaxy", true}};
        QTest::newRow("legacy scp -O")
            << QVariantMap{{"env", QStringList{"ANSIBLE_SCP_EXTRA_ARGS=-O"}}};
    }
    void proxy()
    {
        QFETCH(QVariantMap, transfer);
        Harness h;
        connectInfo(h);
        const QString dir
            = remoteDir(QString::fromLatin1(QTest::currentDataTag()).section(' ', 0, 0));
        const QString marker = dir + QStringLiteral("/marker.txt");
        QTemporaryDir work;
        QTemporaryDir inventories;
        // ansible-galaxy installs kilnrole from a local tarball into roles_path.
        QVERIFY(QProcess::execute("tar",
                    {"-czf", work.filePath("kilnrole.tar.gz"), "-C", fixtures + "/roles-src",
                        "kilnrole"})
            == 0);
        QVERIFY(test::putFile(work.filePath("requirements.yml"),
            QStringLiteral("- src: file://%1\n  name: kilnrole\n")
                .arg(work.filePath("kilnrole.tar.gz"))
                .toUtf8()));
        const QString roles = work.filePath("roles");
        QVariantMap config{{"playbook_file", fixtures + "/proxy.yml"},
            {"extra_arguments",
                QStringList{"-e", "marker_path=" + marker, "-e", "marker_text=through-the-proxy",
                    "-e", "fetch_dir=" + work.path(), "-e",
                    "ansible_python_interpreter=/usr/bin/python3"}},
            {"inventory_directory", inventories.path()},
            {"ansible_env_vars",
                QStringList{"ANSIBLE_ROLES_PATH=" + roles} + transfer.value("env").toStringList()},
            {"galaxy_file", work.filePath("requirements.yml")}, {"roles_path", roles},
            // As Packer's docs advise: Ansible expands ~ of its login user on the machine,
            // so the proxy's user is the communicator's.
            {"user", test::SshServer::user()}};
        if (transfer.contains("use_sftp"))
            config.insert("use_sftp", true);
        const QString result = test::provisionWith(h, *m_ssh, config);
        const QString said = test::transcript(h.sink);
        if (!result.isEmpty())
            qWarning().noquote() << said; // Ansible's whole story
        QVERIFY2(result.isEmpty(), qPrintable(result));
        QVERIFY(said.contains("Setting up proxy adapter for Ansible...."));
        QVERIFY(said.contains("Executing Ansible Galaxy"));
        QCOMPARE(test::fileText(marker), QByteArray("through-the-proxy\n"));
        // Commands ran through the communicator, as its user; the role ran too.
        QCOMPARE(test::fileText(marker + ".user"), QByteArray("kilntest\n"));
        QCOMPARE(test::fileText(marker + ".role"), QByteArray("role ran\n"));
        // fetch came back through the proxy's download path.
        QCOMPARE(test::fileText(work.filePath("marker.txt")), QByteArray("through-the-proxy\n"));
        QVERIFY(said.contains(
            QRegularExpression("-e ansible_ssh_private_key_file=/tmp/ansible-key\\d+ -i ")));
        QVERIFY2(
            QDir(inventories.path()).entryList(QDir::Files).isEmpty(), "inventory left behind");
    }
};

QTEST_GUILESS_MAIN(TestAnsibleProxy)
#include "tst_ansibleproxy.moc"

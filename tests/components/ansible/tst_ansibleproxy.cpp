// The ansible provisioner through its SSH proxy adapter, for real: Debian's ansible-playbook
// logs in to the adapter, which reaches the test sshd (tests/support/SshServer) through Kiln's
// SSH communicator. One run per file transfer Ansible can use: SFTP, scp in SFTP mode
// (OpenSSH 9's default), legacy scp (`scp -O`) and piped (`dd` fed on stdin), and one with
// pipelining (modules sent to python3's stdin, streamed through the proxy); each runs a
// command, copies a file in, fetches one back and uses a role ansible-galaxy installed from a
// local tarball. The SFTP subsystem is the test sshd host's real sftp-server run as
// sftp_command; a wrong sftp_command fails the run with an error naming it.

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
        // Debian's real path (Packer's default /usr/lib/sftp-server is a symlink to it there).
        QTest::newRow("sftp") << QVariantMap{
            {"use_sftp", true}, {"sftp_command", "/usr/lib/openssh/sftp-server -e"}};
        // Files sent as `dd of=...` with the content on stdin, streamed through the proxy.
        QTest::newRow("piped") << QVariantMap{
            {"env", QStringList{"ANSIBLE_SSH_TRANSFER_METHOD=piped"}}};
        QTest::newRow("pipelining")
            << QVariantMap{{"env", QStringList{"ANSIBLE_PIPELINING=True"}}, {"verbose", true}};
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
        if (transfer.contains("sftp_command"))
            config.insert("sftp_command", transfer.value("sftp_command"));
        if (transfer.contains("verbose")) {
            QStringList args = config.value("extra_arguments").toStringList();
            config.insert("extra_arguments", args << "-vvv");
        }
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
        if (transfer.contains("verbose")) {
            // Pipelined: each module went to python3's stdin; none was put in a temp file.
            QVERIFY2(said.contains("python3 && sleep 0"), qPrintable(said));
            QVERIFY2(!said.contains("AnsiballZ_command.py"), qPrintable(said));
        }
    }

    // A wrong sftp_command: Ansible cannot transfer its modules, the build fails, and the
    // adapter says which setting to fix.
    void wrongSftpCommand()
    {
        Harness h;
        connectInfo(h);
        const QString marker = remoteDir(QStringLiteral("wrong-sftp")) + "/marker.txt";
        QTemporaryDir work;
        QVERIFY(test::putFile(work.filePath("plain.yml"),
            "- hosts: default\n  gather_facts: false\n  tasks:\n"
            "    - copy:\n        content: \"{{ marker_text }}\"\n"
            "        dest: \"{{ marker_path }}\"\n"));
        QVariantMap config{{"playbook_file", work.filePath("plain.yml")},
            {"extra_arguments",
                QStringList{"-e", "marker_path=" + marker, "-e", "marker_text=never", "-e",
                    "ansible_python_interpreter=/usr/bin/python3"}},
            {"use_sftp", true}, {"sftp_command", "/usr/lib/no-such-sftp-server -e"},
            // Only SFTP: Ansible's "smart" default would fall back to scp, then to piped.
            {"ansible_env_vars", QStringList{"ANSIBLE_SSH_TRANSFER_METHOD=sftp"}},
            {"user", test::SshServer::user()}};
        const QString result = test::provisionWith(h, *m_ssh, config);
        const QString said = test::transcript(h.sink);
        QVERIFY2(!result.isEmpty(), qPrintable(said));
        QVERIFY2(said.contains("sftp subsystem: sftp_command \"/usr/lib/no-such-sftp-server -e\" "
                               "exited with status 127"),
            qPrintable(said));
        QCOMPARE(test::fileText(marker), QByteArray("<missing>"));
    }
};

QTEST_GUILESS_MAIN(TestAnsibleProxy)
#include "tst_ansibleproxy.moc"

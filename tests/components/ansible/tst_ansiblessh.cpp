// The ansible provisioner run for real: Debian's ansible-playbook against the test sshd
// (tests/support/SshServer) through Kiln's SSH communicator, straight (use_proxy = false),
// plus its prepare errors, command line and inventory, and a failing playbook (through the
// proxy). tst_ansibleproxy covers the proxy adapter's file transfers. Each run changes files on
// the "machine", which the test reads back.

#include "AnsibleTestRun.h"
#include "components/provisioners/ansible/AnsibleArguments.h"
#include "components/provisioners/ansible/AnsibleInventory.h"
#include "engine/communicator/SshCommunicator.h"
#include "engine/communicator/SshConnector.h"
#include "support/SshServer.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using namespace kiln;
using test::Harness;

namespace {

const QString fixtures = QStringLiteral(KILN_FIXTURES_DIR "/ansible");

} // namespace

class TestAnsibleSsh : public QObject
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

    void prepareErrors_data()
    {
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing playbook")
            << QVariantMap{{"playbook_file", "/nonexistent/site.yml"}, {"skip_version_check", true}}
            << "prepare: playbook_file: /nonexistent/site.yml is invalid: stat "
               "/nonexistent/site.yml: no such file or directory";
        QTest::newRow("playbook is a directory")
            << QVariantMap{{"playbook_file", fixtures}, {"skip_version_check", true}}
            << QStringLiteral("prepare: playbook_file: %1 must point to a file").arg(fixtures);
        QTest::newRow("bad port and key type")
            << QVariantMap{{"playbook_file", fixtures + "/fail.yml"}, {"skip_version_check", true},
                   {"local_port", 70000}, {"ansible_proxy_key_type", "dsa"}}
            << "prepare: local_port: 70000 must be a valid port | Invalid value for "
               "ansible_proxy_key_type: \"DSA\". Supported values are ECDSA or RSA.";
        QTest::newRow("inventory_directory not a directory")
            << QVariantMap{{"playbook_file", fixtures + "/fail.yml"}, {"skip_version_check", true},
                   {"inventory_directory", fixtures + "/fail.yml"}}
            << QStringLiteral("prepare: inventory_directory: %1 must point to a directory")
                   .arg(fixtures + "/fail.yml");
        QTest::newRow("version check of a missing command")
            << QVariantMap{{"playbook_file", fixtures + "/fail.yml"},
                   {"command", "no-such-ansible"}}
            << "prepare: Error running \"no-such-ansible --version\": exec: \"no-such-ansible\": "
               "executable file not found in $PATH";
    }
    void prepareErrors()
    {
        QFETCH(QVariantMap, config);
        QFETCH(QString, error);
        Harness h;
        QCOMPARE(test::provisionWith(h, *m_ssh, config), error);
    }

    // Packer's createCmdArgs and inventory, checked without running Ansible.
    void commandLine()
    {
        components::AnsibleArguments::Inputs in;
        in.buildName = QStringLiteral("box");
        in.builderType = QStringLiteral("docker");
        in.generatedData
            = {{"ConnType", "ssh"}, {"PackerHTTPAddr", "10.0.2.2:8080"}, {"Password", "hunter22"}};
        in.extraArguments = {"-e", "db_password=s3cret", "-v"};
        in.privateKeyFile = QStringLiteral("/tmp/ansible-key1");
        in.inventory = QStringLiteral("/tmp/inv");
        in.playbook = QStringLiteral("/p/site.yml");
        const QStringList args = components::AnsibleArguments::build(in);
        QCOMPARE(args,
            QStringList({"-e", "packer_build_name=\"box\"", "-e", "packer_builder_type=docker",
                "-e", "packer_http_addr=10.0.2.2:8080", "--ssh-extra-args",
                "'-o IdentitiesOnly=yes'", "-e", "db_password=s3cret", "-v", "-e",
                "ansible_ssh_private_key_file=/tmp/ansible-key1", "-i", "/tmp/inv",
                "/p/site.yml"}));
        QCOMPARE(components::AnsibleArguments::sanitized(
                     "ansible-playbook", args, in.extraArguments, in.generatedData),
            QStringLiteral(
                "ansible-playbook -e packer_build_name=\"box\" -e packer_builder_type=docker "
                "-e packer_http_addr=10.0.2.2:8080 --ssh-extra-args '-o IdentitiesOnly=yes' "
                "-e db_password=***** -v -e ansible_ssh_private_key_file=/tmp/ansible-key1 "
                "-i /tmp/inv /p/site.yml"));
        in.sshExtraArgs = {"-o ForwardAgent=yes", "-o Foo=bar"};
        in.extraArguments = {"-e", "ansible_password=pw"};
        const QStringList withPassword = components::AnsibleArguments::build(in);
        QVERIFY(withPassword.contains("'-o ForwardAgent=yes' '-o Foo=bar'"));
        QVERIFY(!withPassword.join(' ').contains("ansible_ssh_private_key_file"));
        QVERIFY(withPassword.contains("ansible_host_key_checking=False"));

        QString error;
        const QString text
            = components::AnsibleInventory::render(components::AnsibleInventory::defaultTemplate(2),
                {{"HostAlias", "web"}, {"Host", "127.0.0.1"}, {"User", "root"}, {"Port", 2200}},
                {"a", "b"}, {"c"}, {}, &error);
        QCOMPARE(error, QString());
        QCOMPARE(text,
            QStringLiteral("web ansible_host=127.0.0.1 ansible_user=root ansible_port=2200\n"
                           "[a]\nweb ansible_host=127.0.0.1 ansible_user=root ansible_port=2200\n"
                           "[b]\nweb ansible_host=127.0.0.1 ansible_user=root ansible_port=2200\n"
                           "[c]\n"));
    }

    // use_proxy = false: groups, empty_groups, extra_arguments, ansible_env_vars,
    // keep_inventory_file in inventory_directory, the communicator's key handed to Ansible.
    void direct()
    {
        Harness h;
        connectInfo(h);
        const QString dir = remoteDir(QStringLiteral("direct"));
        QTemporaryDir inventories;
        const QString marker = dir + QStringLiteral("/marker.txt");
        const QString result = test::provisionWith(h, *m_ssh,
            {{"playbook_file", fixtures + "/direct.yml"}, {"use_proxy", false},
                {"groups", QStringList{"kilngroup"}}, {"empty_groups", QStringList{"kilnempty"}},
                {"extra_arguments",
                    QStringList{"-e", "marker_path=" + marker, "-e", "marker_text=direct-run", "-e",
                        "ansible_python_interpreter=/usr/bin/python3", "-e",
                        "kiln_db_password=Sup3rSecretValue"}},
                {"ansible_env_vars", QStringList{"KILN_ANSIBLE_ENV=from-env"}},
                {"inventory_directory", inventories.path()}, {"keep_inventory_file", true}});
        const QString said = test::transcript(h.sink);
        QVERIFY2(result.isEmpty(), qPrintable(result + "\n" + said));
        QCOMPARE(test::fileText(marker), QByteArray("direct-run\n"));
        QCOMPARE(QFileInfo(marker).ownerId(), uint(QFileInfo(m_sshd->userHome()).ownerId()));
        QVERIFY(said.contains("Provisioning with Ansible..."));
        QVERIFY(
            said.contains("Not using Proxy adapter for Ansible run:\n\tUsing ssh keys from Packer "
                          "communicator..."));
        QVERIFY(said.contains(QRegularExpression(
            "Executing Ansible: ansible-playbook -e packer_build_name=\"example\" -e "
            "packer_builder_type=null --ssh-extra-args '-o IdentitiesOnly=yes' -e marker_path=\\S+ "
            "-e marker_text=direct-run -e ansible_python_interpreter=/usr/bin/python3 -e "
            "kiln_db_password=\\*\\*\\*\\*\\* -e "
            "ansible_ssh_private_key_file=/tmp/ansible-key\\d+ -i "
            "\\S+/packer-provisioner-ansible\\d+ "
            "\\S+/direct.yml")));
        QVERIFY(!said.contains("BEGIN OPENSSH PRIVATE KEY"));
        // The password Ansible echoed is hidden too (Packer leaks it, packer#11078).
        QVERIFY(said.contains("db password is <sensitive>"));
        QVERIFY(!said.contains("Sup3rSecretValue"));
        // The kept inventory, in Packer's format; the key file is gone.
        const QStringList kept = QDir(inventories.path()).entryList(QDir::Files);
        QCOMPARE(kept.size(), 1);
        const QString host = QStringLiteral("default ansible_host=127.0.0.1 ansible_user=kilntest "
                                            "ansible_port=%1\n")
                                 .arg(m_sshd->port());
        QCOMPARE(QString::fromUtf8(test::fileText(inventories.filePath(kept.first()))),
            host + "[kilngroup]\n" + host + "[kilnempty]\n");
        const QRegularExpressionMatch key
            = QRegularExpression("ansible_ssh_private_key_file=(\\S+)").match(said);
        QVERIFY(key.hasMatch());
        QVERIFY(!QFile::exists(key.captured(1)));
    }

    // Cancelling the build while Ansible runs a command through the proxy: ansible-playbook,
    // the command on the machine and the adapter stop, and the generated files go.
    void cancelWhileRunning()
    {
        Harness h;
        connectInfo(h);
        QTemporaryDir inventories;
        QString result;
        QElapsedTimer clock;
        std::thread worker([&] {
            result = test::provisionWith(h, *m_ssh,
                {{"playbook_file", fixtures + "/sleep.yml"}, {"user", test::SshServer::user()},
                    {"inventory_directory", inventories.path()},
                    {"extra_arguments",
                        QStringList{"-e", "ansible_python_interpreter=/usr/bin/python3"}}});
        });
        // Cancel once the remote sleep is running.
        QTRY_VERIFY_WITH_TIMEOUT(
            test::SshServer::exec("pgrep", {"-u", test::SshServer::user(), "-f", "^sleep 1207$"}) == 0,
            30000);
        clock.start();
        h.ctx.cancel->cancel();
        worker.join();
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(result.startsWith("Error executing Ansible: "), qPrintable(result));
        QVERIFY(QDir(inventories.path()).entryList(QDir::Files).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            test::SshServer::exec("pgrep", {"-u", test::SshServer::user(), "-f", "^sleep 1207$"}) != 0,
            10000);
    }

    // A failing playbook: Ansible's own error in the output, Packer's error, files removed.
    void failingPlaybook()
    {
        Harness h;
        connectInfo(h);
        QTemporaryDir inventories;
        const QString result = test::provisionWith(h, *m_ssh,
            {{"playbook_file", fixtures + "/fail.yml"}, {"inventory_directory", inventories.path()},
                {"extra_arguments",
                    QStringList{"-e", "ansible_python_interpreter=/usr/bin/python3"}}});
        QCOMPARE(
            result, QStringLiteral("Error executing Ansible: Non-zero exit status: exit status 2"));
        const QString said = test::transcript(h.sink);
        QVERIFY2(said.contains("kiln-ansible-deliberate-failure"), qPrintable(said));
        QVERIFY(QDir(inventories.path()).entryList(QDir::Files).isEmpty());
        const QRegularExpressionMatch key
            = QRegularExpression("ansible_ssh_private_key_file=(\\S+)").match(said);
        QVERIFY(key.hasMatch());
        QVERIFY(!QFile::exists(key.captured(1)));
    }
};

QTEST_GUILESS_MAIN(TestAnsibleSsh)
#include "tst_ansiblessh.moc"

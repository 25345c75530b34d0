// chef-solo for real up to Chef itself (not installable here): `kiln build` of a null source
// over SSH (scp and sftp) to the test sshd stages cookbooks, roles, data bags, environments
// and the data bag secret, writes solo.rb and node.json (compared byte for byte with what
// Packer writes), and the machine's chef-solo, curl and sudo (MachineTools) record the exact
// command lines.

#include "CmKilnBuild.h"
#include "MachineTools.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
using test::KilnRun;
using test::readFile;

namespace {

const QString fixtures = QStringLiteral(KILN_FIXTURES_DIR "/cm/chef");

QString build(const QString &body)
{
    return QStringLiteral("build {\n  sources = [\"source.null.box\"]\n\n"
                          "  provisioner \"chef-solo\" {\n%1  }\n}\n")
        .arg(body);
}

} // namespace

class TestChefSsh : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::SshServer> m_sshd;
    std::unique_ptr<test::MachineTools> m_tools;

    QString source(const QString &transfer = QStringLiteral("scp")) const
    {
        return test::nullSshSource(*m_sshd, test::SshServer::user(), transfer);
    }

private slots:
    void initTestCase()
    {
        const QString why = test::SshServer::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        m_tools = std::make_unique<test::MachineTools>();
        m_sshd = std::make_unique<test::SshServer>();
        m_sshd->addConfig(m_tools->sshdSetEnv());
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
    }

    void stagesEverythingAndRunsChefSolo_data()
    {
        QTest::addColumn<QString>("transfer");
        QTest::newRow("scp") << "scp";
        QTest::newRow("sftp") << "sftp";
    }

    void stagesEverythingAndRunsChefSolo()
    {
        QFETCH(QString, transfer);
        QTemporaryDir dir;
        const QString stage = m_sshd->sharedDir() + "/chef-" + transfer;
        const QString body = QStringLiteral(
            "    cookbook_paths        = [\"%1/cookbooks\", \"%1/site-cookbooks\"]\n"
            "    remote_cookbook_paths = [\"/opt/cookbooks\"]\n"
            "    roles_path            = \"%1/roles\"\n"
            "    data_bags_path        = \"%1/data_bags\"\n"
            "    environments_path     = \"%1/environments\"\n"
            "    encrypted_data_bag_secret_path = \"%1/encrypted_data_bag_secret\"\n"
            "    chef_environment      = \"staging\"\n"
            "    json_string           = \"{\\\"list\\\": [1, 2.5, true, null], \\\"kiln\\\": "
            "{\\\"greeting\\\": \\\"hello <chef> & co\\\"}}\"\n"
            "    run_list              = [\"role[web]\", \"recipe[kiln]\"]\n"
            "    staging_directory     = \"%2\"\n"
            "    prevent_sudo          = true\n"
            "    skip_install          = true\n")
                                 .arg(fixtures, stage);
        m_tools->clearCalls();
        const KilnRun r = test::kilnBuild(dir.path(), source(transfer) + build(body));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QCOMPARE(m_tools->calls(),
            QStringList{
                QStringLiteral("chef-solo|kilntest|--no-color -c %1/solo.rb -j %1/node.json")
                    .arg(stage)});
        QVERIFY(r.out.contains(QStringLiteral("==> null.box: Provisioning with chef-solo\n")));
        QVERIFY(r.out.contains(QStringLiteral(
            "    null.box: Executing Chef: chef-solo --no-color -c %1/solo.rb -j %1/node.json\n")
                                   .arg(stage)));
        QVERIFY(!r.out.contains(QStringLiteral("Installing Chef...")));

        // Packer's DefaultConfigTemplate rendered; no license without Packer's installer.
        const QString solo = QStringLiteral(
            "\nchef_license \t\t\"\"\n"
            "cookbook_path \t[\"/opt/cookbooks\",\"%1/cookbooks-0\",\"%1/cookbooks-1\"]\n"
            "\nrole_path\t\t\"%1/roles\"\n\n"
            "\ndata_bag_path\t\"%1/data_bags\"\n\n"
            "\nencrypted_data_bag_secret \"%1/encrypted_data_bag_secret\"\n\n"
            "\nenvironment_path \"%1/environments\"\nenvironment \"staging\"\n\n")
                                 .arg(stage);
        QCOMPARE(QString::fromUtf8(readFile(stage + "/solo.rb")), solo);
        // Go's json.MarshalIndent: sorted keys, two spaces, HTML characters escaped.
        QCOMPARE(readFile(stage + "/node.json"),
            QByteArray("{\n  \"kiln\": {\n    \"greeting\": \"hello \\u003cchef\\u003e \\u0026 "
                       "co\"\n  },\n"
                       "  \"list\": [\n    1,\n    2.5,\n    true,\n    null\n  ],\n"
                       "  \"run_list\": [\n    \"role[web]\",\n    \"recipe[kiln]\"\n  ]\n}"));
        QCOMPARE(readFile(stage + "/cookbooks-0/kiln/recipes/default.rb"),
            readFile(fixtures + "/cookbooks/kiln/recipes/default.rb"));
        QCOMPARE(readFile(stage + "/cookbooks-1/extra/recipes/default.rb"),
            readFile(fixtures + "/site-cookbooks/extra/recipes/default.rb"));
        QCOMPARE(readFile(stage + "/roles/web.json"), readFile(fixtures + "/roles/web.json"));
        QCOMPARE(readFile(stage + "/data_bags/users/alice.json"),
            readFile(fixtures + "/data_bags/users/alice.json"));
        QCOMPARE(readFile(stage + "/environments/staging.json"),
            readFile(fixtures + "/environments/staging.json"));
        QCOMPARE(readFile(stage + "/encrypted_data_bag_secret"),
            readFile(fixtures + "/encrypted_data_bag_secret"));
    }

    // Packer's installer command (through the machine's curl and sudo) with a version, the
    // license it implies, and a failing chef-solo that fails the build with its status.
    void installAndFailingRun()
    {
        QTemporaryDir dir;
        const QString stage = m_sshd->sharedDir() + "/chef-install";
        m_tools->clearCalls();
        m_tools->setExitCode("chef-solo", 3);
        const KilnRun r = test::kilnBuild(dir.path(),
            source()
                + build(QStringLiteral("    cookbook_paths    = [\"%1/cookbooks\"]\n"
                                       "    version           = \"17.10.3\"\n"
                                       "    staging_directory = \"%2\"\n")
                            .arg(fixtures, stage)));
        m_tools->setExitCode("chef-solo", 0);
        QVERIFY2(r.exitCode == 1, qPrintable(r.out));
        QVERIFY2(
            r.out.contains("Error executing Chef: Non-zero exit status: 3"), qPrintable(r.out));
        QVERIFY(r.out.contains("    null.box: installer ran with: -v 17.10.3\n"));
        // curl and sudo run side by side in the install pipeline: either may log first.
        QStringList calls = m_tools->calls();
        QCOMPARE(QSet<QString>(calls.cbegin(), calls.cbegin() + qMin(2, int(calls.size()))),
            (QSet<QString>{"curl|kilntest|-L https://omnitruck.chef.io/install.sh",
                "sudo|kilntest|bash -s -- -v 17.10.3"}));
        calls.remove(0, qMin(2, int(calls.size())));
        const QStringList expected{
            QStringLiteral("sudo|kilntest|mkdir -p %1").arg(stage),
            QStringLiteral("sudo|kilntest|chmod 0777 %1").arg(stage),
            QStringLiteral("sudo|kilntest|mkdir -p %1/cookbooks-0").arg(stage),
            QStringLiteral("sudo|kilntest|chmod 0777 %1/cookbooks-0").arg(stage),
            QStringLiteral("sudo|kilntest|chef-solo --no-color -c %1/solo.rb -j %1/node.json")
                .arg(stage),
            QStringLiteral("chef-solo|kilntest|--no-color -c %1/solo.rb -j %1/node.json")
                .arg(stage),
        };
        QCOMPARE(calls, expected);
        QVERIFY(readFile(stage + "/solo.rb").startsWith("\nchef_license \t\t\"accept-silent\"\n"));
        QCOMPARE(readFile(stage + "/node.json"), QByteArray("{}"));
    }

    // Legacy JSON templates pass node attributes as an object (`json`, which the plugin's
    // HCL2 spec skips): they land in node.json with the run list, `{{user}}` expanded.
    void legacyJsonObject()
    {
        QTemporaryDir dir;
        const QString stage = m_sshd->sharedDir() + "/chef-legacy";
        const QString tpl = QStringLiteral(R"({
  "variables": {"greeting": "hi"},
  "builders": [{
    "type": "null", "name": "box", "ssh_host": "%1", "ssh_port": %2, "ssh_username": "%3",
    "ssh_private_key_file": "%4", "ssh_timeout": "20s"
  }],
  "provisioners": [{
    "type": "chef-solo", "skip_install": true, "prevent_sudo": true, "staging_directory": "%5",
    "run_list": ["recipe[kiln]"],
    "json": {"kiln": {"greeting": "{{user `greeting`}}", "ports": [80, 443]}, "enabled": true}
  }]
}
)").arg(m_sshd->host()).arg(m_sshd->port()).arg(test::SshServer::user(), m_sshd->clientKeyPath(), stage);
        m_tools->clearCalls();
        const KilnRun r = test::kilnBuild(dir.path(), tpl, {}, 120000, QStringLiteral("t.json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QCOMPARE(readFile(stage + "/node.json"),
            QByteArray("{\n  \"enabled\": true,\n  \"kiln\": {\n    \"greeting\": \"hi\",\n"
                       "    \"ports\": [\n      80,\n      443\n    ]\n  },\n"
                       "  \"run_list\": [\n    \"recipe[kiln]\"\n  ]\n}"));

        // HCL2 has no `json` argument: Packer's plugin spec skips it.
        const KilnRun hcl = test::kilnBuild(dir.path(), source() + build("    json = {}\n"));
        QCOMPARE(hcl.exitCode, 1);
        QVERIFY2(hcl.out.contains(QStringLiteral("An argument named \"json\" is not expected here.")), qPrintable(hcl.out));
    }

    // install_command and config_template are templates of their own; a failing install
    // stops the build before anything is staged.
    void customInstallAndConfigTemplate()
    {
        QTemporaryDir dir;
        const QString stage = m_sshd->sharedDir() + "/chef-custom";
        m_tools->clearCalls();
        KilnRun r = test::kilnBuild(dir.path(),
            source()
                + build(QStringLiteral(
                    "    cookbook_paths    = [\"%1/cookbooks\"]\n"
                    "    roles_path        = \"%1/roles\"\n"
                    "    install_command   = \"echo custom-install {{.Version}} {{.Sudo}}\"\n"
                    "    version           = \"1.2\"\n"
                    "    prevent_sudo      = true\n"
                    "    chef_environment  = \"prod\"\n"
                    "    config_template   = \"%1/custom-solo.rb\"\n"
                    "    staging_directory = \"%2\"\n")
                            .arg(fixtures, stage)));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QVERIFY(r.out.contains("    null.box: custom-install 1.2 false\n"));
        QCOMPARE(QString::fromUtf8(readFile(stage + "/solo.rb")),
            QStringLiteral("# config_template: rendered with the same fields as Packer's own "
                           "solo.rb template.\n"
                           "cookbook_path [\"%1/cookbooks-0\"]\n"
                           "role_path \"%1/roles\"\n"
                           "license \"\" env \"prod\"\n")
                .arg(stage));

        r = test::kilnBuild(dir.path(),
            source()
                + build(QStringLiteral("    install_command   = \"exit 7\"\n"
                                       "    staging_directory = \"%1-failed\"\n")
                            .arg(stage)));
        QVERIFY2(r.exitCode == 1, qPrintable(r.out));
        QVERIFY2(r.out.contains(
                     "Error installing Chef: Install script exited with non-zero exit status 7"),
            qPrintable(r.out));
        QVERIFY(!QFileInfo::exists(stage + "-failed"));
    }

    void prepareErrors()
    {
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.filePath("file"), "x"));
        const KilnRun r = test::kilnBuild(dir.path(),
            source()
                + build(QStringLiteral("    cookbook_paths = [\"missing\", \"file\"]\n"
                                       "    roles_path = \"file\"\n")));
        QCOMPARE(r.exitCode, 1);
        for (const QString &e :
            {QStringLiteral("Bad cookbook path 'missing': stat missing: no such file or directory"),
                QStringLiteral("Bad cookbook path 'file': %!s(<nil>)"),
                QStringLiteral("Bad roles path 'file': %!s(<nil>)")})
            QVERIFY2(r.out.contains(e), qPrintable(e + "\n---\n" + r.out));
        const KilnRun bad
            = test::kilnBuild(dir.path(), source() + build("    json_string = \"[1]\"\n"));
        QVERIFY2(bad.out.contains("Failed to unmarshal 'json_string': json: cannot unmarshal array "
                                  "into Go value of type map[string]interface {}"),
            qPrintable(bad.out));
    }
};

QTEST_GUILESS_MAIN(TestChefSsh)
#include "tst_chefssh.moc"

// puppet-masterless and puppet-server run for real: `kiln build` of a null source over SSH to
// the test sshd (this machine), with Debian's puppet-agent as the guest's Puppet. The
// manifest creates files and a user on the machine; the test reads them back, along with
// the staging directory, the exact command lines and Puppet's own error texts.
//
// Root logs in (Puppet creates a user, and there is no sudo here), so prevent_sudo is set.

#include "CmKilnBuild.h"
#include "support/LoopbackPorts.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
using test::KilnRun;
using test::readFile;

namespace {

const QString fixtures = QStringLiteral(KILN_FIXTURES_DIR "/cm/puppet");

bool userExists(const QString &name)
{
    return test::SshServer::exec(QStringLiteral("getent"), {QStringLiteral("passwd"), name}) == 0;
}

} // namespace

class TestPuppetSsh : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::SshServer> m_sshd;
    QString m_user;

    QString source() const { return test::nullSshSource(*m_sshd, QStringLiteral("root"), "scp"); }

    static QString build(const QString &provisioner)
    {
        return QStringLiteral("build {\n  sources = [\"source.null.box\"]\n\n%1}\n")
            .arg(provisioner);
    }

private slots:
    void initTestCase()
    {
        const QString why = test::SshServer::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        if (QStandardPaths::findExecutable(QStringLiteral("puppet")).isEmpty())
            QSKIP("puppet-agent is not installed");
        m_sshd = std::make_unique<test::SshServer>();
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
        QVERIFY(test::authorizeRoot(*m_sshd));
        m_user = QStringLiteral("kilncm%1").arg(QCoreApplication::applicationPid());
    }

    void cleanupTestCase()
    {
        if (!m_user.isEmpty() && userExists(m_user))
            test::SshServer::exec(QStringLiteral("userdel"), {m_user});
    }

    // Everything at once: manifest file and dir, a local module, hiera data, facts, extra
    // arguments (rendered as a template), and the staging directory removed afterwards.
    void masterlessChangesTheMachine()
    {
        QTemporaryDir dir;
        const QString out = m_sshd->sharedDir() + QStringLiteral("/puppet-full");
        const QString staging = m_sshd->sharedDir() + QStringLiteral("/stage-full");
        QVERIFY(QDir().mkpath(out));
        // Hiera reads its data where manifest_dir lands on the machine.
        QVERIFY(test::writeFile(dir.filePath("hiera.yaml"),
            QStringLiteral("---\nversion: 5\ndefaults:\n  datadir: %1/manifests/data\n"
                           "  data_hash: yaml_data\nhierarchy:\n  - name: common\n"
                           "    path: common.yaml\n")
                .arg(staging)
                .toUtf8()));
        // Puppet 7 has no --manifestdir any more: the command is Packer's default without it.
        const QString hcl = source()
            + build(QStringLiteral(
                "  provisioner \"puppet-masterless\" {\n"
                "    manifest_file     = \"%1/site.pp\"\n"
                "    manifest_dir      = \"%1/hieradata\"\n"
                "    module_paths      = [\"%1/modules\"]\n"
                "    hiera_config_path = \"hiera.yaml\"\n"
                "    facter            = { kiln_out = \"%2\", kiln_role = \"web\", kiln_user = "
                "\"%3\" }\n"
                "    extra_arguments   = [\"--logdest\", \"console\", \"--logdest\", \"%2/{{ "
                ".ModulePathJoiner }}.log\"]\n"
                "    prevent_sudo      = true\n"
                "    staging_directory = \"%4\"\n"
                "    clean_staging_directory = true\n"
                "    execute_command   = \"cd {{.WorkingDir}} && {{.FacterVars}} {{if .Sudo}}sudo "
                "-E {{end}}puppet apply --detailed-exitcodes --modulepath='{{.ModulePath}}' "
                "--hiera_config='{{.HieraConfigPath}}' {{.ExtraArguments}} {{.ManifestFile}}\"\n"
                "  }\n")
                        .arg(fixtures, out, m_user, staging));
        const KilnRun r = test::kilnBuild(dir.path(), hcl);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("==> null.box: Provisioning with Puppet...\n")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(
            QStringLiteral("    null.box: Uploading local modules from: %1/modules\n")
                .arg(fixtures)));
        QVERIFY(r.out.contains(QStringLiteral(
            "    null.box: Running Puppet: cd %1 && FACTER_kiln_out='%2' FACTER_kiln_role='web' "
            "FACTER_kiln_user='%3' FACTER_packer_build_name='box' "
            "FACTER_packer_builder_type='null' "
            "puppet apply --detailed-exitcodes --modulepath='%1/module-0' "
            "--hiera_config='%1/hiera.yaml' --logdest console --logdest %2/:.log "
            "%1/manifests/site.pp\n")
                                   .arg(staging, out, m_user)));
        // Puppet's own report reaches the console.
        QVERIFY2(r.out.contains(QStringLiteral("Notice: Applied catalog in")), qPrintable(r.out));

        QCOMPARE(readFile(out + "/site.txt"), QByteArray("role=web build=box type=null\n"));
        QCOMPARE(readFile(out + "/module.txt"), QByteArray("greeting=hello-from-hiera\n"));
        QVERIFY(userExists(m_user));
        QVERIFY(readFile(out + "/:.log").contains("Applied catalog"));
        QVERIFY2(!QFileInfo::exists(staging), "clean_staging_directory leaves nothing behind");
    }

    // Packer's default command, the default staging directory kept (no clean), and exit
    // code 2 ("changes applied") accepted.
    void masterlessDefaultCommand()
    {
        QTemporaryDir dir;
        const QString target = m_sshd->sharedDir() + QStringLiteral("/puppet-default.txt");
        const QString staging = QStringLiteral("/tmp/packer-puppet-masterless");
        QDir(staging).removeRecursively();
        const QString hcl = source()
            + build(QStringLiteral("  provisioner \"puppet-masterless\" {\n"
                                   "    manifest_file = \"%1/file-only.pp\"\n"
                                   "    facter        = { kiln_file = \"%2\" }\n"
                                   "    prevent_sudo  = true\n"
                                   "  }\n")
                        .arg(fixtures, target));
        const KilnRun r = test::kilnBuild(dir.path(), hcl);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral(
                     "    null.box: Running Puppet: cd /tmp/packer-puppet-masterless && "
                     "FACTER_kiln_file='%1' FACTER_packer_build_name='box' "
                     "FACTER_packer_builder_type='null' puppet apply --detailed-exitcodes "
                     "/tmp/packer-puppet-masterless/manifests/file-only.pp\n")
                                    .arg(target)),
            qPrintable(r.out));
        QVERIFY(r.out.contains(
            QStringLiteral("    null.box: Creating directory: /tmp/packer-puppet-masterless\n")));
        QCOMPARE(readFile(target), QByteArray("made-by-puppet build=box type=null\n"));
        QCOMPARE(
            readFile(staging + "/manifests/file-only.pp"), readFile(fixtures + "/file-only.pp"));
        QCOMPARE(QFileInfo(staging).permissions() & QFile::WriteOther, QFile::WriteOther);
        QDir(staging).removeRecursively();
    }

    // A legacy JSON template: user variables in the facts, execute_command left for the
    // provisioner to render with its own data, the builder's name as packer_build_name.
    void masterlessLegacyJson()
    {
        QTemporaryDir dir;
        const QString target = m_sshd->sharedDir() + QStringLiteral("/puppet-legacy.txt");
        const QString staging = m_sshd->sharedDir() + QStringLiteral("/stage-legacy");
        const QString json = QStringLiteral(
            "{\n"
            "  \"variables\": {\"target\": \"%1\"},\n"
            "  \"builders\": [{\"type\": \"null\", \"ssh_host\": \"%2\", \"ssh_port\": %3,\n"
            "    \"ssh_username\": \"root\", \"ssh_private_key_file\": \"%4\"}],\n"
            "  \"provisioners\": [{\"type\": \"puppet-masterless\",\n"
            "    \"manifest_file\": \"%5/file-only.pp\",\n"
            "    \"facter\": {\"kiln_file\": \"{{user `target`}}\"},\n"
            "    \"staging_directory\": \"%6\", \"clean_staging_directory\": true, "
            "\"prevent_sudo\": true,\n"
            "    \"execute_command\": \"cd {{.WorkingDir}} && {{.FacterVars}} puppet apply "
            "--detailed-exitcodes {{.ManifestFile}}\"}]\n"
            "}\n")
                                 .arg(target, m_sshd->host())
                                 .arg(m_sshd->port())
                                 .arg(m_sshd->clientKeyPath(), fixtures, staging);
        const KilnRun r = test::kilnBuild(dir.path(), json, {}, 120000, QStringLiteral("t.json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral(
                     "    null: Running Puppet: cd %1 && FACTER_kiln_file='%2' "
                     "FACTER_packer_build_name='null' FACTER_packer_builder_type='null' puppet "
                     "apply --detailed-exitcodes %1/manifests/file-only.pp\n")
                                    .arg(staging, target)),
            qPrintable(r.out));
        QCOMPARE(readFile(target), QByteArray("made-by-puppet build=null type=null\n"));
        QVERIFY(!QFileInfo::exists(staging));
    }

    void masterlessFailures_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("manifest");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("onError");
        QTest::newRow("failing manifest")
            << QString() << "failing.pp" << 1
            << QStringList{"kiln-cm-manifest-failure", "Build 'null.box' errored after ",
                   "Puppet exited with a non-zero exit status: 1"}
            << "cleanup";
        // -on-error=abort skips the build's cleanup (no error-cleanup-provisioner); the
        // provisioner's own staging cleanup still happens.
        QTest::newRow("failing manifest, -on-error=abort")
            << QString() << "failing.pp" << 1
            << QStringList{"kiln-cm-manifest-failure",
                   "Puppet exited with a non-zero exit status: 1"}
            << "abort";
        QTest::newRow("ignore_exit_codes")
            << "    ignore_exit_codes = true\n"
            << "failing.pp" << 0
            << QStringList{"kiln-cm-manifest-failure", "Build 'null.box' finished after "}
            << QString();
        // The plugin's default still passes --manifestdir, which Puppet 4 removed: Puppet
        // itself says so.
        QTest::newRow("manifest_dir on Puppet 7")
            << QStringLiteral("    manifest_dir = \"%1/hieradata\"\n").arg(fixtures) << "site.pp"
            << 1
            << QStringList{"invalid option: --manifestdir=",
                   "Puppet exited with a non-zero exit status: 1"}
            << QString();
        QTest::newRow("sudo missing on the machine")
            << QStringLiteral("    prevent_sudo = false\n") << "site.pp" << 1
            << QStringList{"sudo: command not found",
                   "Error creating staging directory: Non-zero exit status."}
            << QString();
    }

    void masterlessFailures()
    {
        QFETCH(QString, extra);
        QFETCH(QString, manifest);
        QFETCH(int, exitCode);
        QFETCH(QStringList, expected);
        QFETCH(QString, onError);
        QTemporaryDir dir;
        const QString staging = m_sshd->sharedDir() + QStringLiteral("/stage-fail-")
            + QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-');
        QString body = QStringLiteral("    manifest_file = \"%1/%2\"\n"
                                      "    staging_directory = \"%3\"\n"
                                      "    clean_staging_directory = true\n")
                           .arg(fixtures, manifest, staging);
        if (!extra.contains("prevent_sudo"))
            body += QStringLiteral("    prevent_sudo = true\n");
        // The build's error-cleanup-provisioner leaves a marker when the build cleans up.
        const QString marker = staging + QStringLiteral(".cleanup");
        const QString cleanup = onError.isEmpty()
            ? QString()
            : QStringLiteral("  error-cleanup-provisioner \"shell\" {\n"
                             "    inline = [\"touch %1\"]\n  }\n")
                  .arg(marker);
        const KilnRun r = test::kilnBuild(dir.path(),
            source()
                + build(
                    "  provisioner \"puppet-masterless\" {\n" + body + extra + "  }\n" + cleanup),
            onError.isEmpty() ? QStringList{} : QStringList{"-on-error=" + onError});
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.out));
        for (const QString &e : expected)
            QVERIFY2(r.out.contains(e), qPrintable(e + "\n---\n" + r.out));
        QVERIFY2(!QFileInfo::exists(staging), "the staging directory is removed on failure too");
        if (!onError.isEmpty())
            QCOMPARE(QFileInfo::exists(marker), onError == "cleanup");
    }

    // puppet-server: certificates and keys are staged, the exact agent command line reaches
    // the real `puppet agent`, whose failure to reach a server ends the build with its exit
    // code (or not, with ignore_exit_codes).
    void serverAgentRun_data()
    {
        QTest::addColumn<bool>("ignore");
        QTest::newRow("agent failure fails the build") << false;
        QTest::newRow("ignore_exit_codes") << true;
    }

    void serverAgentRun()
    {
        QFETCH(bool, ignore);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("certs") && QDir(dir.path()).mkpath("keys"));
        QVERIFY(test::writeFile(dir.filePath("certs/kiln-node.pem"), "CERT\n"));
        QVERIFY(test::writeFile(dir.filePath("keys/kiln-node.pem"), "KEY\n"));
        const QString staging
            = m_sshd->sharedDir() + QStringLiteral("/stage-server-%1").arg(ignore);
        const int port = test::freeLoopbackPort();
        const QString hcl = source()
            + build(QStringLiteral(
                "  provisioner \"puppet-server\" {\n"
                "    puppet_server           = \"127.0.0.1\"\n"
                "    puppet_node             = \"kiln-node\"\n"
                "    client_cert_path        = \"certs\"\n"
                "    client_private_key_path = \"keys\"\n"
                "    staging_dir             = \"%1\"\n"
                "    prevent_sudo            = true\n"
                "    ignore_exit_codes       = %2\n"
                "    facter                  = { role = \"agent\" }\n"
                "    extra_arguments         = [\"--serverport=%3\", "
                "\"--vardir={{.WorkingDir}}/var\", \"--ssldir={{.WorkingDir}}/ssl\", "
                "\"--waitforcert=0\", \"--logdest=console\"]\n"
                "  }\n")
                        .arg(staging, ignore ? "true" : "false")
                        .arg(port));
        // -on-error=abort: the failing agent ends the build without its error cleanup.
        const QString marker = staging + QStringLiteral(".cleanup");
        const QString cleanup = QStringLiteral("  error-cleanup-provisioner \"shell\" {\n"
                                               "    inline = [\"touch %1\"]\n  }\n")
                                    .arg(marker);
        const KilnRun r = test::kilnBuild(dir.path(),
            QString(hcl).replace("  }\n}\n", "  }\n" + cleanup + "}\n"), {"-on-error=abort"});
        QVERIFY2(!QFileInfo::exists(marker), "the error cleanup ran despite -on-error=abort");
        QVERIFY2(ignore || r.out.contains("Aborting without cleanup"), qPrintable(r.out));
        QVERIFY2(r.exitCode == (ignore ? 0 : 1), qPrintable(r.out));
        // The command ends in a space (Packer's template); the console trims it, as Packer's.
        // The whole console is long (Puppet's wrapped exceptions); show the command's line.
        const QString running
            = r.out.section(QStringLiteral("Running Puppet: "), 1).section('\n', 0, 0);
        QVERIFY2(
            r.out.contains(QStringLiteral(
                "    null.box: Running Puppet: cd %1 && FACTER_packer_build_name='box' "
                "FACTER_packer_builder_type='null' FACTER_role='agent' puppet agent --onetime "
                "--no-daemonize --detailed-exitcodes --server='127.0.0.1' "
                "--certname='kiln-node' --certdir='%1/certs' --privatekeydir='%1/private_keys' "
                "--serverport=%2 --vardir=%1/var --ssldir=%1/ssl --waitforcert=0 "
                "--logdest=console\n")
                               .arg(staging)
                               .arg(port)),
            qPrintable(running));
        QVERIFY(
            r.out.contains(QStringLiteral("    null.box: Uploading client cert from: certs\n")));
        QVERIFY(r.out.contains(
            QStringLiteral("    null.box: Uploading client private keys from: keys\n")));
        // The real agent's own words.
        QVERIFY2(r.out.contains(QStringLiteral("Connection refused")), qPrintable(r.out));
        if (!ignore)
            QVERIFY(r.out.contains(QStringLiteral("Puppet exited with a non-zero exit status: 1")));
        QCOMPARE(readFile(staging + "/certs/kiln-node.pem"), QByteArray("CERT\n"));
        QCOMPARE(readFile(staging + "/private_keys/kiln-node.pem"), QByteArray("KEY\n"));
        QDir(staging).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(TestPuppetSsh)
#include "tst_puppetssh.moc"

// Unix guest command lines of options the SSH tests leave at their defaults, recorded by a
// RecordingCommunicator: chef-solo's own execute_command template (ConfigPath, JsonPath,
// Sudo) and salt-masterless' salt_bin_dir, both with Packer's sudo defaults; and
// guest_os_type's case through `kiln validate`.

#include "CmKilnBuild.h"
#include "RecordingCommunicator.h"
#include "components/Descriptors.h"
#include "engine/build/Provisioner.h"
#include "support/BuildHarness.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;

namespace {

const QString fixtures = QStringLiteral(KILN_FIXTURES_DIR "/cm");

std::unique_ptr<build::Provisioner> make(const registry::ComponentDescriptor &d)
{
    auto made = d.create();
    return std::unique_ptr<build::Provisioner>(dynamic_cast<build::Provisioner *>(made.release()));
}

} // namespace

class TestCmCommands : public QObject
{
    Q_OBJECT

private slots:
    void chefExecuteCommand()
    {
        auto p = make(components::chefSoloProvisionerDescriptor());
        const build::PrepareResult prepared = p->prepare(test::configFrom(
            {{"cookbook_paths", QStringList{fixtures + "/chef/cookbooks"}}, {"skip_install", true},
                {"execute_command",
                    "{{if .Sudo}}sudo -H {{end}}/opt/chef/bin/chef-solo -l debug -c "
                    "{{.ConfigPath}} -j {{.JsonPath}}"}}));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errors.join('\n')));
        test::Harness h;
        test::RecordingCommunicator machine;
        machine.exitWith("chef-solo -l debug", 5);
        QCOMPARE(p->provision(h.ctx, machine),
            QStringLiteral("Error executing Chef: Non-zero exit status: 5"));
        QCOMPARE(machine.log,
            (QStringList{"run: sudo mkdir -p '/tmp/packer-chef-solo'",
                "run: sudo chmod 0777 '/tmp/packer-chef-solo'",
                "run: sudo mkdir -p '/tmp/packer-chef-solo/cookbooks-0'",
                "run: sudo chmod 0777 '/tmp/packer-chef-solo/cookbooks-0'",
                "uploadDir: /tmp/packer-chef-solo/cookbooks-0 <- " + fixtures + "/chef/cookbooks/",
                "upload: /tmp/packer-chef-solo/solo.rb", "upload: /tmp/packer-chef-solo/node.json",
                "run: sudo -H /opt/chef/bin/chef-solo -l debug -c /tmp/packer-chef-solo/solo.rb -j "
                "/tmp/packer-chef-solo/node.json"}));
        QVERIFY((h.sink.says() + h.sink.messages())
                    .join('\n')
                    .contains("Executing Chef: sudo -H /opt/chef/bin/chef-solo -l debug"));
    }

    void saltBinDir()
    {
        auto p = make(components::saltMasterlessProvisionerDescriptor());
        const build::PrepareResult prepared
            = p->prepare(test::configFrom({{"local_state_tree", fixtures + "/salt/states"},
                {"skip_bootstrap", true}, {"salt_bin_dir", "/opt/saltstack/salt/bin/"}}));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errors.join('\n')));
        test::Harness h;
        test::RecordingCommunicator machine;
        QCOMPARE(p->provision(h.ctx, machine), QString());
        QCOMPARE(machine.log.last(),
            QStringLiteral("run: sudo /opt/saltstack/salt/bin/salt-call --local  state.highstate "
                           "--file-root=/srv/salt --pillar-root=/srv/pillar "
                           "--retcode-passthrough -l info"));
    }
    // guest_os_type is Packer's case-insensitive string: `kiln validate` accepts "Windows"
    // for each of the four, and an unknown OS gets the plugins' own message from the build.
    void guestOsTypeIgnoresCase()
    {
        QTemporaryDir dir;
        const QString provisioners = QStringLiteral(
            "  provisioner \"puppet-masterless\" {\n"
            "    manifest_file = \"%1/puppet/site.pp\"\n    guest_os_type = \"OS\"\n  }\n"
            "  provisioner \"puppet-server\" {\n    guest_os_type = \"OS\"\n  }\n"
            "  provisioner \"chef-solo\" {\n    guest_os_type = \"OS\"\n  }\n"
            "  provisioner \"salt-masterless\" {\n"
            "    local_state_tree = \"%1/salt/states\"\n    guest_os_type = \"OS\"\n  }\n")
                                         .arg(fixtures);
        auto run = [&](const QString &command, const QString &os, QString *out) {
            test::writeFile(dir.filePath("t.pkr.hcl"),
                ("source \"null\" \"box\" {\n  communicator = \"none\"\n}\n"
                 "build {\n  sources = [\"source.null.box\"]\n"
                    + QString(provisioners).replace("\"OS\"", "\"" + os + "\"") + "}\n")
                    .toUtf8());
            QProcess p;
            p.setWorkingDirectory(dir.path());
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(QStringLiteral(KILN_BINARY),
                command == "build" ? QStringList{"build", "-color=false", "t.pkr.hcl"}
                                   : QStringList{"validate", "t.pkr.hcl"});
            p.waitForFinished(60000);
            *out = QString::fromUtf8(p.readAll());
            return p.exitCode();
        };
        QString out;
        QCOMPARE(run("validate", "Windows", &out), 0);
        QVERIFY2(!out.contains("guest_os_type"), qPrintable(out));
        // Prepare runs at build time (kiln validate checks the schema only).
        QCOMPARE(run("build", "Plan9", &out), 1);
        QCOMPARE(out.count("Invalid guest_os_type: \"plan9\""), 4);
    }
    // puppet-server's execute_command sees every field of Packer's ExecuteTemplate; a field it
    // does not have is Go's template error, naming the plugin's struct.
    void puppetServerExecuteCommand()
    {
        auto p = make(components::puppetServerProvisionerDescriptor());
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("certs") && QDir(dir.path()).mkpath("keys"));
        const build::PrepareResult prepared
            = p->prepare(test::configFrom({{"puppet_server", "puppet.lab"}, {"puppet_node", "web1"},
                {"client_cert_path", dir.filePath("certs")},
                {"client_private_key_path", dir.filePath("keys")}, {"puppet_bin_dir", "/opt/pp"},
                {"working_directory", "/srv"}, {"facter", QVariantMap{{"tier", "gold"}}},
                {"extra_arguments", QStringList{"--noop", "--tags={{.PuppetNode}}"}},
                {"execute_command",
                    "{{.FacterVars}} {{if .Sudo}}sudo {{end}}{{.PuppetBinDir}}/puppet agent "
                    "{{if .Debug}}--debug {{end}}--server {{.PuppetServer}} --certname "
                    "{{.PuppetNode}} --certdir {{.ClientCertPath}} --privatekeydir "
                    "{{.ClientPrivateKeyPath}} --cwd {{.WorkingDir}} {{.ExtraArguments}}"}}));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errors.join('\n')));
        test::Harness h;
        test::RecordingCommunicator machine;
        QCOMPARE(p->provision(h.ctx, machine), QString());
        QCOMPARE(machine.log.last(),
            QStringLiteral(
                "run: FACTER_packer_build_name='example' FACTER_packer_builder_type='null' "
                "FACTER_tier='gold' sudo /opt/pp/puppet agent --server puppet.lab --certname web1 "
                "--certdir /tmp/packer-puppet-server/certs --privatekeydir "
                "/tmp/packer-puppet-server/private_keys --cwd /srv --noop --tags=web1"));

        auto bad = make(components::puppetServerProvisionerDescriptor());
        QVERIFY(
            bad->prepare(test::configFrom({{"execute_command", "puppet {{.ManifestFile}}"}})).ok());
        test::Harness h2;
        test::RecordingCommunicator machine2;
        QCOMPARE(bad->provision(h2.ctx, machine2),
            QStringLiteral("template: root:1:9: executing \"root\" at <.ManifestFile>: can't "
                           "evaluate field ManifestFile in type *puppetserver.ExecuteTemplate"));
        QVERIFY(machine2.log.filter("puppet ").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCmCommands)
#include "tst_cmcommands.moc"

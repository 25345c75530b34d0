// guest_os_type = "windows" for puppet-masterless, puppet-server, chef-solo and
// salt-masterless: no Windows guest exists here, so a RecordingCommunicator stands in and
// each provisioner's commands and uploads are compared with the sequence Packer's plugins
// produce for a Windows guest (PowerShell directory commands, no sudo, Windows staging
// directories and execute/install commands, SET "FACTER_x=y" facts, ';' module paths).

#include "RecordingCommunicator.h"
#include "components/Descriptors.h"
#include "engine/build/Provisioner.h"
#include "support/BuildHarness.h"

#include <QTest>

using namespace kiln;

namespace {

const QString fixtures = QStringLiteral(KILN_FIXTURES_DIR "/cm");

std::unique_ptr<build::Provisioner> make(const QString &type)
{
    const QHash<QString, registry::ComponentDescriptor> descriptors{
        {"puppet-masterless", components::puppetMasterlessProvisionerDescriptor()},
        {"puppet-server", components::puppetServerProvisionerDescriptor()},
        {"salt-masterless", components::saltMasterlessProvisionerDescriptor()},
        {"chef-solo", components::chefSoloProvisionerDescriptor()}};
    auto made = descriptors.value(type).create();
    return std::unique_ptr<build::Provisioner>(dynamic_cast<build::Provisioner *>(made.release()));
}

} // namespace

class TestCmWindows : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Packer's Windows puppet staging default comes from the host's SYSTEMROOT.
        qputenv("SYSTEMROOT", "C:\\Windows");
    }

    void sequence_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("puppet-masterless")
            << "puppet-masterless"
            << QVariantMap{{"manifest_file", fixtures + "/puppet/site.pp"},
                   {"module_paths",
                       QStringList{fixtures + "/puppet/modules", fixtures + "/puppet/hieradata"}},
                   {"hiera_config_path", fixtures + "/puppet/file-only.pp"},
                   {"facter", QVariantMap{{"role", "web"}}},
                   {"extra_arguments", QStringList{"--verbose"}}, {"clean_staging_directory", true}}
            << QStringList{
                   "run: powershell.exe -Command \"New-Item -ItemType directory -Force "
                   "-ErrorAction SilentlyContinue -Path C:/Windows/Temp/packer-puppet-masterless\"",
                   "run: echo 'skipping chmod 0777 C:/Windows/Temp/packer-puppet-masterless'",
                   "upload: C:/Windows/Temp/packer-puppet-masterless/hiera.yaml",
                   "run: powershell.exe -Command \"New-Item -ItemType directory -Force "
                   "-ErrorAction SilentlyContinue -Path "
                   "C:/Windows/Temp/packer-puppet-masterless/module-0\"",
                   "run: echo 'skipping chmod 0777 "
                   "C:/Windows/Temp/packer-puppet-masterless/module-0'",
                   "uploadDir: C:/Windows/Temp/packer-puppet-masterless/module-0 <- " + fixtures
                       + "/puppet/modules/",
                   "run: powershell.exe -Command \"New-Item -ItemType directory -Force "
                   "-ErrorAction "
                   "SilentlyContinue -Path C:/Windows/Temp/packer-puppet-masterless/module-1\"",
                   "run: echo 'skipping chmod 0777 "
                   "C:/Windows/Temp/packer-puppet-masterless/module-1'",
                   "uploadDir: C:/Windows/Temp/packer-puppet-masterless/module-1 <- " + fixtures
                       + "/puppet/hieradata/",
                   "run: powershell.exe -Command \"New-Item -ItemType directory -Force "
                   "-ErrorAction SilentlyContinue -Path "
                   "C:/Windows/Temp/packer-puppet-masterless/manifests\"",
                   "run: echo 'skipping chmod 0777 "
                   "C:/Windows/Temp/packer-puppet-masterless/manifests'",
                   "upload: C:/Windows/Temp/packer-puppet-masterless/manifests/site.pp",
                   "run: cd C:/Windows/Temp/packer-puppet-masterless && SET "
                   "\"FACTER_packer_build_name=example\" & SET \"FACTER_packer_builder_type=null\" "
                   "& SET \"FACTER_role=web\" && puppet apply --detailed-exitcodes "
                   "--modulepath='C:/Windows/Temp/packer-puppet-masterless/module-0;C:/Windows/"
                   "Temp/packer-puppet-masterless/module-1' "
                   "--hiera_config='C:/Windows/Temp/packer-puppet-masterless/hiera.yaml' --verbose "
                   "C:/Windows/Temp/packer-puppet-masterless/manifests/site.pp",
                   "run: powershell.exe -Command \"rm C:/Windows/Temp/packer-puppet-masterless "
                   "-recurse -force\""};
        QTest::newRow("puppet-server")
            << "puppet-server"
            << QVariantMap{{"puppet_server", "puppet.example"}, {"puppet_node", "win1"},
                   {"facter", QVariantMap{{"role", "web"}}}, {"clean_staging_directory", true}}
            << QStringList{
                   "run: powershell.exe -Command \"New-Item -ItemType directory -Force "
                   "-ErrorAction SilentlyContinue -Path C:/Windows/Temp/packer-puppet-server\"",
                   "run: echo 'skipping chmod 0777 C:/Windows/Temp/packer-puppet-server'",
                   "run: cd C:/Windows/Temp/packer-puppet-server && SET "
                   "\"FACTER_packer_build_name=example\" & SET \"FACTER_packer_builder_type=null\" "
                   "& SET \"FACTER_role=web\" && puppet agent --onetime --no-daemonize "
                   "--detailed-exitcodes --server='puppet.example' --certname='win1' ",
                   "run: powershell.exe -Command \"rm C:/Windows/Temp/packer-puppet-server "
                   "-recurse -force\""};
        QTest::newRow("chef-solo")
            << "chef-solo"
            << QVariantMap{{"cookbook_paths", QStringList{fixtures + "/chef/cookbooks"}},
                   {"run_list", QStringList{"recipe[kiln]"}}, {"version", "17.10.0"}}
            << QStringList{"run: powershell.exe -Command \". { iwr -useb "
                           "https://omnitruck.chef.io/install.ps1 } | iex; Install-Project "
                           "-version 17.10.0\"",
                   "run: powershell.exe -Command \"New-Item -ItemType directory -Force "
                   "-ErrorAction SilentlyContinue -Path C:/Windows/Temp/packer-chef-solo\"",
                   "run: echo 'skipping chmod 0777 C:/Windows/Temp/packer-chef-solo'",
                   "run: powershell.exe -Command \"New-Item -ItemType directory -Force "
                   "-ErrorAction SilentlyContinue -Path "
                   "C:/Windows/Temp/packer-chef-solo/cookbooks-0\"",
                   "run: echo 'skipping chmod 0777 C:/Windows/Temp/packer-chef-solo/cookbooks-0'",
                   "uploadDir: C:/Windows/Temp/packer-chef-solo/cookbooks-0 <- " + fixtures
                       + "/chef/cookbooks/",
                   "upload: C:/Windows/Temp/packer-chef-solo/solo.rb",
                   "upload: C:/Windows/Temp/packer-chef-solo/node.json",
                   "run: c:/opscode/chef/bin/chef-solo.bat --no-color -c "
                   "C:/Windows/Temp/packer-chef-solo/solo.rb -j "
                   "C:/Windows/Temp/packer-chef-solo/node.json"};
        QTest::newRow("salt-masterless")
            << "salt-masterless"
            << QVariantMap{{"local_state_tree", fixtures + "/salt/states"},
                   {"local_pillar_roots", fixtures + "/salt/pillar"}, {"salt_bin_dir", "C:/salt"}}
            << QStringList{
                   "run: powershell -Command \"[System.Net.ServicePointManager]::SecurityProtocol "
                   "= [System.Net.SecurityProtocolType]'Tls,Tls11,Tls12'; Invoke-WebRequest -Uri "
                   "'https://winbootstrap.saltproject.io' -OutFile "
                   "'C:/Windows/Temp/bootstrap-salt.ps1'\"",
                   "run: Powershell C:/Windows/Temp/bootstrap-salt.ps1 ",
                   "run: powershell.exe -Command \"New-Item -ItemType directory -Force "
                   "-ErrorAction SilentlyContinue -Path C:/Windows/Temp/salt/\"",
                   "uploadDir: states <- " + fixtures + "/salt/states/",
                   "run: powershell.exe -Command \"mv states C:/Windows/Temp/salt/states -force\"",
                   "run: powershell.exe -Command { if (test-path C:/salt/state) { exit 0 } else { "
                   "exit 1 } }",
                   "run: powershell.exe -Command \"rm C:/salt/state -recurse -force\"",
                   "run: powershell.exe -Command \"mv C:/Windows/Temp/salt/states C:/salt/state "
                   "-force\"",
                   "uploadDir: pillar <- " + fixtures + "/salt/pillar/",
                   "run: powershell.exe -Command \"mv pillar C:/Windows/Temp/salt/pillar -force\"",
                   "run: powershell.exe -Command { if (test-path C:/salt/pillar/) { exit 0 } else "
                   "{ exit 1 } }",
                   "run: powershell.exe -Command \"rm C:/salt/pillar/ -recurse -force\"",
                   "run: powershell.exe -Command \"mv C:/Windows/Temp/salt/pillar C:/salt/pillar/ "
                   "-force\"",
                   "run: powershell [Net.ServicePointManager]::SecurityProtocol = "
                   "[Net.SecurityProtocolType]::Tls12; Invoke-WebRequest -Uri "
                   "https://github.com/git-for-windows/git/releases/download/v2.28.0.windows.1/"
                   "Git-2.28.0-64-bit.exe -OutFile $env:TEMP/Git.exe",
                   "run: powershell Start-Process -FilePath $env:TEMP/Git.exe /SILENT -Wait",
                   "run: powershell Remove-Item $env:TEMP/Git.exe",
                   "run: C:/salt/salt-call --local winrepo.update_git_repos",
                   "run: C:/salt/salt-call --local pkg.refresh_db",
                   "run: C:/salt/salt-call --local  state.highstate --file-root=C:/salt/state "
                   "--pillar-root=C:/salt/pillar/ --retcode-passthrough -l info"};
    }

    void sequence()
    {
        QFETCH(QString, type);
        QFETCH(QVariantMap, config);
        QFETCH(QStringList, expected);
        config.insert("guest_os_type", "windows");
        auto p = make(type);
        const build::PrepareResult prepared = p->prepare(test::configFrom(config));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errors.join('\n')));
        test::Harness h;
        test::RecordingCommunicator machine;
        const QString result = p->provision(h.ctx, machine);
        QVERIFY2(result.isEmpty(), qPrintable(result));
        QCOMPARE(machine.log, expected);
        if (type == "chef-solo") {
            // node.json carries the run list; solo.rb points at the Windows staging paths.
            QCOMPARE(machine.files.value("C:/Windows/Temp/packer-chef-solo/node.json"),
                QByteArray("{\n  \"run_list\": [\n    \"recipe[kiln]\"\n  ]\n}"));
            QVERIFY(machine.files.value("C:/Windows/Temp/packer-chef-solo/solo.rb")
                        .contains(
                            "cookbook_path \t[\"C:/Windows/Temp/packer-chef-solo/cookbooks-0\"]"));
        }
    }
    // A failing Puppet run fails the provisioner with Puppet's status, and with
    // clean_staging_directory the staging directory is removed all the same.
    void failingPuppetStillCleans()
    {
        auto p = make("puppet-masterless");
        const build::PrepareResult prepared = p->prepare(test::configFrom(
            {{"guest_os_type", "windows"}, {"manifest_file", fixtures + "/puppet/site.pp"},
                {"clean_staging_directory", true}}));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errors.join('\n')));
        test::Harness h;
        test::RecordingCommunicator machine;
        machine.exitWith("puppet apply", 4);
        QCOMPARE(p->provision(h.ctx, machine),
            QStringLiteral("Puppet exited with a non-zero exit status: 4"));
        QCOMPARE(machine.log.last(),
            QStringLiteral("run: powershell.exe -Command \"rm "
                           "C:/Windows/Temp/packer-puppet-masterless -recurse -force\""));
    }
};

QTEST_GUILESS_MAIN(TestCmWindows)
#include "tst_cmwindows.moc"

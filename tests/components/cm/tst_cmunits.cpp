// The pieces of the configuration-management provisioners that need no machine: Packer's
// guest command spellings, Go-compatible JSON, formula URLs, salt-call arguments and the
// provisioners' prepare checks (Packer's messages).

#include "components/Descriptors.h"
#include "components/provisioners/chef-solo/ChefSoloProvisioner.h"
#include "components/provisioners/salt-masterless/SaltFormula.h"
#include "components/provisioners/salt-masterless/SaltMasterlessProvisioner.h"
#include "components/provisioners/salt-masterless/SaltMasterlessProvisionerSettings.h"
#include "components/shared/cm/CmTemplate.h"
#include "components/shared/cm/GoJsonText.h"
#include "components/shared/cm/GuestCommands.h"
#include "support/BuildHarness.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
using components::GuestCommands;
using components::GuestOsSettings;

namespace {

const QString fixtures = QStringLiteral(KILN_FIXTURES_DIR "/cm");

QStringList prepareErrors(const registry::ComponentDescriptor &d, const QVariantMap &config)
{
    auto made = d.create();
    auto *p = dynamic_cast<build::Provisioner *>(made.get());
    return p ? p->prepare(test::configFrom(config)).errors : QStringList{"not a provisioner"};
}

} // namespace

class TestCmUnits : public QObject
{
    Q_OBJECT

private slots:
    void guestCommands()
    {
        const GuestCommands sudo(GuestOsSettings::unixOs(), true);
        QCOMPARE(sudo.createDir("/tmp/a b"), "sudo mkdir -p '/tmp/a b'");
        QCOMPARE(sudo.chmod("/tmp/x", "0777"), "sudo chmod 0777 '/tmp/x'");
        QCOMPARE(sudo.removeDir("/tmp/x"), "sudo rm -rf '/tmp/x'");
        QCOMPARE(sudo.statPath("/srv/salt"), "sudo stat '/srv/salt'");
        QCOMPARE(sudo.movePath("a", "/b"), "sudo mv 'a' '/b'");
        const GuestCommands plain(GuestOsSettings::unixOs(), false);
        QCOMPARE(plain.createDir("/tmp/x"), "mkdir -p '/tmp/x'");
        const GuestCommands win(GuestOsSettings::windowsOs(), true);
        QCOMPARE(win.createDir("C:/a b"),
            "powershell.exe -Command \"New-Item -ItemType directory -Force -ErrorAction "
            "SilentlyContinue -Path C:/a` b\"");
        QCOMPARE(win.chmod("C:/x", "0777"), "echo 'skipping chmod 0777 C:/x'");
        QCOMPARE(win.removeDir("C:/x"), "powershell.exe -Command \"rm C:/x -recurse -force\"");
        QCOMPARE(win.statPath("C:/x"),
            "powershell.exe -Command { if (test-path C:/x) { exit 0 } else { exit 1 } }");
        QCOMPARE(win.movePath("a", "b"), "powershell.exe -Command \"mv a b -force\"");
    }

    void goJson_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty") << QByteArray("{}") << QByteArray("{}");
        QTest::newRow("sorted and nested")
            << QByteArray("{\"b\": [], \"a\": {\"x\": 1.5e-7, \"y\": 1e21, \"z\": -3}}")
            << QByteArray("{\n  \"a\": {\n    \"x\": 1.5e-7,\n    \"y\": 1e+21,\n    \"z\": -3\n  "
                          "},\n  \"b\": []\n}");
        QTest::newRow("escapes")
            << QByteArray("{\"s\": \"<a href=\\\"x\\\">&\\u0001\\t\\u2028\xc3\xa9\"}")
            << QByteArray("{\n  \"s\": \"\\u003ca "
                          "href=\\\"x\\\"\\u003e\\u0026\\u0001\\t\\u2028\xc3\xa9\"\n}");
    }

    void goJson()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(
            components::GoJsonText::indented(QJsonDocument::fromJson(input).object()), expected);
    }

    void formulaUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("name");
        QTest::newRow("ref")
            << "git::https://github.com/saltstack-formulas/vim-formula.git//vim?ref=v0.15.5" << true
            << "vim";
        QTest::newRow("plain") << "https://example.com/x-formula.git//x" << true << "x";
        QTest::newRow("no subdir") << "https://example.com/x-formula.git" << false << QString();
        QTest::newRow("not git") << "https://example.com/x//x" << false << "x";
    }

    void formulaUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        QFETCH(QString, name);
        QCOMPARE(components::SaltMasterlessProvisionerSettings::isValidFormulaUrl(url), valid);
        QCOMPARE(components::SaltFormula(url).name(), name);
    }

    void saltCallArguments_data()
    {
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QString>("args");
        const QVariantMap base{{"local_state_tree", fixtures + "/salt/states"}};
        QTest::newRow("defaults") << base
                                  << " state.highstate --file-root=/srv/salt "
                                     "--pillar-root=/srv/pillar --retcode-passthrough -l info";
        QVariantMap minion = base;
        minion.insert("minion_config", fixtures + "/salt/minion");
        minion.insert("no_exit_on_failure", true);
        minion.insert("custom_state", "web.nginx");
        QTest::newRow("minion config") << minion << " state.sls web.nginx -l info";
        QVariantMap windows = base;
        windows.insert("guest_os_type", "Windows");
        windows.insert("salt_call_args", "pillar='{\"a\": 1}'");
        QTest::newRow("windows roots")
            << windows
            << " state.highstate --file-root=C:/salt/state --pillar-root=C:/salt/pillar/ "
               "--retcode-passthrough -l info pillar='{\"a\": 1}'";
    }

    void saltCallArguments()
    {
        QFETCH(QVariantMap, config);
        QFETCH(QString, args);
        components::SaltMasterlessProvisioner p;
        const build::PrepareResult r = p.prepare(test::configFrom(config));
        QVERIFY2(r.ok(), qPrintable(r.errors.join('\n')));
        QCOMPARE(p.commandArguments(), args);
    }

    void prepareChecks_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QStringList>("errors");
        QTest::newRow("puppet nothing") << "puppet-masterless" << QVariantMap{}
                                        << QStringList{"A manifest_file must be specified."};
        QTest::newRow("puppet paths")
            << "puppet-masterless"
            << QVariantMap{{"manifest_file", "/nonexistent.pp"},
                   {"manifest_dir", fixtures + "/puppet/site.pp"},
                   {"hiera_config_path", fixtures + "/puppet"},
                   {"module_paths", QStringList{fixtures + "/puppet/modules", "/none"}}}
            << QStringList{"hiera_config_path must point to a file",
                   "manifest_dir must point to a directory",
                   "manifest_file is invalid: stat /nonexistent.pp: no such file or directory",
                   "module_path[1] is invalid: stat /none: no such file or directory"};
        QTest::newRow("puppet os") << "puppet-masterless" << QVariantMap{{"guest_os_type", "Plan9"}}
                                   << QStringList{"Invalid guest_os_type: \"plan9\""};
        QTest::newRow("server dirs")
            << "puppet-server"
            << QVariantMap{{"client_cert_path", fixtures + "/puppet/site.pp"},
                   {"client_private_key_path", "/none"}}
            << QStringList{"client_cert_dir must point to a directory",
                   "client_private_key_dir is invalid: stat /none: no such file or directory"};
        QTest::newRow("salt nothing") << "salt-masterless" << QVariantMap{}
                                      << QStringList{"local_state_tree cannot be empty"};
        QTest::newRow("salt files")
            << "salt-masterless"
            << QVariantMap{{"local_state_tree", fixtures + "/salt/minion"},
                   {"grains_file", fixtures + "/salt"}}
            << QStringList{"local_state_tree: path '" + fixtures
                       + "/salt/minion' must point to a directory",
                   "grains_file: path '" + fixtures + "/salt' must point to a file"};
        QTest::newRow("chef json")
            << "chef-solo" << QVariantMap{{"json_string", "{\"a\": "}}
            << QStringList{"Failed to unmarshal 'json_string': unexpected end of JSON input"};
    }

    void prepareChecks()
    {
        QFETCH(QString, type);
        QFETCH(QVariantMap, config);
        QFETCH(QStringList, errors);
        const QHash<QString, registry::ComponentDescriptor> descriptors{
            {"puppet-masterless", components::puppetMasterlessProvisionerDescriptor()},
            {"puppet-server", components::puppetServerProvisionerDescriptor()},
            {"salt-masterless", components::saltMasterlessProvisionerDescriptor()},
            {"chef-solo", components::chefSoloProvisionerDescriptor()}};
        QCOMPARE(prepareErrors(descriptors.value(type), config), errors);
    }

    // Packer's solo.rb with nothing optional set: the blank lines of its {{if}} blocks stay.
    void chefDefaultConfigTemplate()
    {
        QString error;
        const QString text = components::CmTemplate::render(
            components::ChefSoloProvisioner::defaultConfigTemplate(), {},
            {{"CookbookPaths", "\"/tmp/c-0\""}, {"ChefLicense", "accept-silent"},
                {"ChefEnvironment", ""}, {"RolesPath", ""}, {"DataBagsPath", ""},
                {"EncryptedDataBagSecretPath", ""}, {"EnvironmentsPath", ""},
                {"HasRolesPath", false}, {"HasDataBagsPath", false},
                {"HasEncryptedDataBagSecretPath", false}, {"HasEnvironmentsPath", false}},
            "*chefsolo.ConfigTemplate", &error);
        QCOMPARE(error, QString());
        QCOMPARE(
            text, "\nchef_license \t\t\"accept-silent\"\ncookbook_path \t[\"/tmp/c-0\"]\n\n\n\n\n");
        components::CmTemplate::render(
            "{{.Nope}}", {}, {{"Sudo", true}}, "*chefsolo.ExecuteTemplate", &error);
        QVERIFY2(error.contains("can't evaluate field Nope"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCmUnits)
#include "tst_cmunits.moc"

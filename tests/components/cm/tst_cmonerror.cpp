// The failure path of every CM provisioner through `kiln build -on-error=...` over SSH to
// the test sshd: the failing tool's own words reach the console, the build fails with the
// provisioner's error, a provisioner that cleans its staging directory does so on failure,
// and -on-error decides whether the build's error-cleanup-provisioner runs (cleanup) or not
// (abort). puppet-masterless and ansible have the same checks in tst_puppetssh and
// tst_ansiblebuild, puppet-server's failing agent is in tst_puppetssh (serverAgentRun; the
// real agent takes seconds to start, so it is not run twice more here). Chef and Salt are the
// MachineTools stand-ins (not installable here); ansible-playbook is the real one.

#include "CmKilnBuild.h"
#include "MachineTools.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
using test::KilnRun;

namespace {

const QString fixtures = QStringLiteral(KILN_FIXTURES_DIR);

} // namespace

class TestCmOnError : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::SshServer> m_sshd;
    std::unique_ptr<test::MachineTools> m_tools;

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

    void failingRun_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("body"); // %1 fixtures, %2 staging directory
        QTest::addColumn<QString>("onError");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<bool>("stagingRemoved");
        const QString chef = QStringLiteral("    cookbook_paths    = [\"%1/cm/chef/cookbooks\"]\n"
                                            "    staging_directory = \"%2\"\n"
                                            "    skip_install      = true\n"
                                            "    prevent_sudo      = true\n");
        const QStringList chefFails{"chef-solo: simulated failure, exit 3",
            "Error executing Chef: Non-zero exit status: 3"};
        QTest::newRow("chef-solo cleanup")
            << "chef-solo" << chef << "cleanup" << chefFails << false;
        QTest::newRow("chef-solo abort") << "chef-solo" << chef << "abort" << chefFails << false;
        const QString salt = QStringLiteral("    local_state_tree  = \"%1/cm/salt/states\"\n"
                                            "    remote_state_tree = \"%2/srv-salt\"\n"
                                            "    temp_config_dir   = \"%2/tmp\"\n"
                                            "    skip_bootstrap    = true\n"
                                            "    disable_sudo      = true\n");
        const QStringList saltFails{"salt-call: simulated failure, exit 2",
            "Error executing salt-call: Bad exit status: 2"};
        QTest::newRow("salt-masterless cleanup")
            << "salt-masterless" << salt << "cleanup" << saltFails << false;
        QTest::newRow("salt-masterless abort")
            << "salt-masterless" << salt << "abort" << saltFails << false;
        QTest::newRow("ansible-local cleanup")
            << "ansible-local"
            << QStringLiteral("    playbook_file           = \"%1/ansible/fail.yml\"\n"
                              "    staging_directory       = \"%2\"\n"
                              "    clean_staging_directory = true\n")
            << "cleanup"
            << QStringList{"kiln-ansible-deliberate-failure",
                   "Error executing Ansible: Non-zero exit status: 2"}
            << true;
    }

    void failingRun()
    {
        QFETCH(QString, type);
        QFETCH(QString, body);
        QFETCH(QString, onError);
        QFETCH(QStringList, expected);
        QFETCH(bool, stagingRemoved);
        if (type == "ansible-local" && QStandardPaths::findExecutable("ansible-playbook").isEmpty())
            QSKIP("ansible-core is not installed");
        QTemporaryDir dir;
        const QString staging = m_sshd->sharedDir() + "/onerror-"
            + QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-');
        const QString marker = staging + ".cleanup";
        const QString hcl
            = test::nullSshSource(*m_sshd, test::SshServer::user(), QStringLiteral("scp"))
            + QStringLiteral("build {\n  sources = [\"source.null.box\"]\n\n"
                             "  provisioner \"%1\" {\n%2  }\n\n"
                             "  error-cleanup-provisioner \"shell\" {\n"
                             "    inline = [\"touch %3\"]\n  }\n}\n")
                  .arg(type, QString(body).replace("%1", fixtures).replace("%2", staging), marker);
        m_tools->setExitCode("chef-solo", 3);
        m_tools->setExitCode("salt-call", 2);
        const KilnRun r = test::kilnBuild(dir.path(), hcl, {"-on-error=" + onError});
        m_tools->setExitCode("chef-solo", 0);
        m_tools->setExitCode("salt-call", 0);
        QVERIFY2(r.exitCode == 1, qPrintable(r.out));
        QVERIFY2(r.out.contains("Build 'null.box' errored after "), qPrintable(r.out));
        for (const QString &e : expected)
            QVERIFY2(r.out.contains(e), qPrintable(e + "\n---\n" + r.out));
        QCOMPARE(QFileInfo::exists(staging), !stagingRemoved);
        QCOMPARE(QFileInfo::exists(marker), onError == "cleanup");
        QDir(staging).removeRecursively();
        QFile::remove(marker);
    }
};

QTEST_GUILESS_MAIN(TestCmOnError)
#include "tst_cmonerror.moc"

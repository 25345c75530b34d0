// puppet-masterless and puppet-server through a LocalCommunicator (the "machine" is this
// host): puppet_bin_dir and working_directory reach the command, and a `puppet` placed in
// puppet_bin_dir records where and how it ran. Fast checks of the options the SSH tests do
// not vary.

#include "CmKilnBuild.h"
#include "components/Descriptors.h"
#include "engine/build/Provisioner.h"
#include "engine/communicator/LocalCommunicator.h"
#include "support/BuildHarness.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kiln;

namespace {

std::unique_ptr<build::Provisioner> make(const registry::ComponentDescriptor &d)
{
    auto made = d.create();
    return std::unique_ptr<build::Provisioner>(dynamic_cast<build::Provisioner *>(made.release()));
}

} // namespace

class TestPuppetLocal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString binDir() const { return m_dir.filePath("bin"); }
    QString log() const { return m_dir.filePath("puppet.log"); }

private slots:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(binDir()));
        QVERIFY(test::writeFile(binDir() + "/puppet",
            QStringLiteral(
                "#!/bin/sh\necho \"$(pwd)|$FACTER_site|$*\" >> %1\nexit ${KILN_PUPPET_EXIT:-0}\n")
                .arg(log())
                .toUtf8(),
            true));
    }

    void options_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("args");
        const QString manifest = KILN_FIXTURES_DIR "/cm/puppet/file-only.pp";
        QTest::newRow("masterless")
            << "puppet-masterless"
            << QVariantMap{{"manifest_file", manifest}, {"extra_arguments", QStringList{"--noop"}}}
            << 2 << QString() << "apply --detailed-exitcodes --noop STAGE/manifests/file-only.pp";
        QTest::newRow("masterless failure")
            << "puppet-masterless" << QVariantMap{{"manifest_file", manifest}} << 6
            << "Puppet exited with a non-zero exit status: 6"
            << "apply --detailed-exitcodes STAGE/manifests/file-only.pp";
        QTest::newRow("server")
            << "puppet-server" << QVariantMap{{"puppet_server", "puppet.example"}} << 0 << QString()
            << "agent --onetime --no-daemonize --detailed-exitcodes --server=puppet.example";
    }

    void options()
    {
        QFETCH(QString, type);
        QFETCH(QVariantMap, config);
        QFETCH(int, exitCode);
        QFETCH(QString, error);
        QFETCH(QString, args);
        QFile::remove(log());
        const QString stage = m_dir.filePath("stage-" + type);
        const QString work = m_dir.filePath("work");
        QVERIFY(QDir().mkpath(work));
        config.insert(type == "puppet-server" ? "staging_dir" : "staging_directory", stage);
        config.insert("working_directory", work);
        config.insert("puppet_bin_dir", binDir());
        config.insert("prevent_sudo", true);
        config.insert("facter", QVariantMap{{"site", "lab"}});
        auto p
            = make(type == "puppet-server" ? components::puppetServerProvisionerDescriptor()
                                           : components::puppetMasterlessProvisionerDescriptor());
        const build::PrepareResult prepared = p->prepare(test::configFrom(config));
        QVERIFY2(prepared.ok(), qPrintable(prepared.errors.join('\n')));
        qputenv("KILN_PUPPET_EXIT", QByteArray::number(exitCode));
        test::Harness h;
        comm::LocalCommunicator local;
        const QString result = p->provision(h.ctx, local);
        qunsetenv("KILN_PUPPET_EXIT");
        QCOMPARE(result, error);
        QCOMPARE(QString::fromUtf8(test::readFile(log())),
            work + "|lab|" + QString(args).replace("STAGE", stage) + "\n");
        QVERIFY(h.sink.messages().filter("Running Puppet: cd " + work + " && ").size() == 1);
        QVERIFY(h.sink.messages().filter(binDir() + "/puppet ").size() == 1);
    }

    void elevatedUserNeedsWinRm()
    {
        auto p = make(components::puppetMasterlessProvisionerDescriptor());
        const QStringList errors
            = p->prepare(
                   test::configFrom({{"manifest_file", KILN_FIXTURES_DIR "/cm/puppet/site.pp"},
                       {"elevated_user", "Administrator"}}))
                  .errors;
        QCOMPARE(errors,
            QStringList{"elevated_user needs a Windows guest reached over WinRM, which this build "
                        "cannot provide"});
    }
};

QTEST_GUILESS_MAIN(TestPuppetLocal)
#include "tst_puppetlocal.moc"

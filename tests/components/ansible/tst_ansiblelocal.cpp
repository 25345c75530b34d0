// The ansible-local provisioner run for real over SSH: the test sshd is the "machine", and
// this host's ansible-core is the Ansible installed on it. Everything is staged through the
// SSH communicator, ansible-playbook runs there as the SSH user with the local connection,
// and the test reads back what the playbooks wrote and what is left in the staging directory.

#include "AnsibleTestRun.h"
#include "engine/communicator/SshCommunicator.h"
#include "engine/communicator/SshConnector.h"
#include "support/SshServer.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
using test::Harness;

namespace {

const QString fixtures = QStringLiteral(KILN_FIXTURES_DIR "/ansible");

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next().mid(dir.size() + 1);
    out.sort();
    return out;
}

} // namespace

class TestAnsibleLocal : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::SshServer> m_sshd;
    std::unique_ptr<comm::Communicator> m_ssh;

    QString sharedPath(const QString &name) const
    {
        return m_sshd->sharedDir() + QLatin1Char('/') + name;
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
        c.fileTransferMethod = QStringLiteral("scp");
        m_ssh = comm::SshConnector(c).connect(nullptr, &error);
        QVERIFY2(m_ssh, qPrintable(error));
    }

    void prepareErrors_data()
    {
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QString>("error");
        QTest::newRow("no playbook")
            << QVariantMap{} << "prepare: Either playbook_file or playbook_files must be specified";
        QTest::newRow("both")
            << QVariantMap{{"playbook_file", fixtures + "/fail.yml"},
                   {"playbook_files", QStringList{fixtures + "/fail.yml"}}}
            << "prepare: Either playbook_file or playbook_files can be specified, not both";
        QTest::newRow("missing directories")
            << QVariantMap{{"playbook_file", fixtures + "/fail.yml"},
                   {"group_vars", "/nonexistent/gv"},
                   {"role_paths", QStringList{fixtures + "/fail.yml"}}}
            << QStringLiteral(
                   "prepare: group_vars: /nonexistent/gv is invalid: stat /nonexistent/gv: no "
                   "such file or directory | role_paths: %1/fail.yml must point to a directory")
                   .arg(fixtures);
    }
    void prepareErrors()
    {
        QFETCH(QVariantMap, config);
        QFETCH(QString, error);
        Harness h;
        QCOMPARE(test::provisionWith(h, *m_ssh, config, true), error);
    }

    // playbook_dir + playbook_files, role_paths, group_vars, host_vars, inventory_groups,
    // extra_arguments; clean_staging_directory left false keeps the staging directory.
    void stagedRunKeepsStaging()
    {
        Harness h;
        h.ctx.generatedData = {{"PackerHTTPAddr", "ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER"}};
        const QString staging = sharedPath(QStringLiteral("staging-kept"));
        const QString marker = sharedPath(QStringLiteral("local-marker"));
        const QString local = fixtures + QStringLiteral("/local");
        const QString result = test::provisionWith(h, *m_ssh,
            {{"playbook_dir", local + "/playbooks"},
                {"playbook_files",
                    QStringList{local + "/playbooks/site.yml", local + "/second.yml"}},
                {"role_paths", QStringList{local + "/roles/localrole"}},
                {"group_vars", local + "/group_vars"}, {"host_vars", local + "/host_vars"},
                {"inventory_groups", QStringList{"kilnlocal"}}, {"staging_directory", staging},
                {"extra_arguments", QStringList{"--extra-vars", "marker_path=" + marker}}},
            true);
        const QString said = test::transcript(h.sink);
        QVERIFY2(result.isEmpty(), qPrintable(result + "\n" + said));
        QCOMPARE(test::fileText(marker), QByteArray("from group_vars / from host_vars / null\n"));
        QCOMPARE(test::fileText(marker + ".role"), QByteArray("localrole ran\n"));
        QCOMPARE(test::fileText(marker + ".second"), QByteArray("second playbook\n"));
        QVERIFY(said.contains("Uploading Playbook directory to Ansible staging directory..."));
        QVERIFY(said.contains(QStringLiteral("Uploading playbook file: %1/second.yml").arg(local)));
        QVERIFY(said.contains(QRegularExpression(QStringLiteral(
            "Executing Ansible: cd %1 &&  ANSIBLE_FORCE_COLOR=1 PYTHONUNBUFFERED=1 "
            "ansible-playbook "
            "%1/site.yml --extra-vars \"packer_build_name=example packer_builder_type=null "
            "packer_http_addr=ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER -o IdentitiesOnly=yes\" "
            "--extra-vars marker_path=\\S+ -c local -i %1/packer-provisioner-ansible-local\\d+")
                                                     .arg(QRegularExpression::escape(staging)))));
        const QStringList staged = filesUnder(staging);
        QVERIFY2(staged.contains("site.yml") && staged.contains("group_vars/all.yml")
                && staged.contains("host_vars/127.0.0.1.yml")
                && staged.contains("roles/localrole/tasks/main.yml")
                && staged.contains(QString(local + "/second.yml").mid(1)),
            qPrintable(staged.join(' ')));
        const QStringList inventories
            = staged.filter(QRegularExpression("^packer-provisioner-ansible-local\\d+$"));
        QCOMPARE(inventories.size(), 1);
        QCOMPARE(test::fileText(staging + "/" + inventories.first()),
            QByteArray("[kilnlocal]\n127.0.0.1\n"));
    }

    // galaxy_file (v2 format, `roles:`): ansible-galaxy runs on the machine and installs into
    // the staging directory, ansible-playbook finds the role through ANSIBLE_ROLES_PATH;
    // clean_staging_directory removes it all afterwards.
    void galaxyAndCleanStaging()
    {
        Harness h;
        h.ctx.generatedData = {{"PackerHTTPAddr", "ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER"}};
        const QString staging = sharedPath(QStringLiteral("staging-galaxy"));
        const QString marker = sharedPath(QStringLiteral("galaxy-marker"));
        const QString tarball = sharedPath(QStringLiteral("kilnrole.tar.gz"));
        QVERIFY(
            QProcess::execute("tar", {"-czf", tarball, "-C", fixtures + "/roles-src", "kilnrole"})
            == 0);
        QFile::setPermissions(tarball, QFileDevice::Permissions(0x6644));
        QTemporaryDir work;
        QVERIFY(test::putFile(work.filePath("requirements.yml"),
            QStringLiteral("roles:\n  - src: file://%1\n    name: kilnrole\n")
                .arg(tarball)
                .toUtf8()));
        const QString result = test::provisionWith(h, *m_ssh,
            {{"playbook_file", fixtures + "/local/galaxy.yml"},
                {"galaxy_file", work.filePath("requirements.yml")}, {"staging_directory", staging},
                {"clean_staging_directory", true},
                {"extra_arguments", QStringList{"--extra-vars", "marker_path=" + marker}}},
            true);
        const QString said = test::transcript(h.sink);
        QVERIFY2(result.isEmpty(), qPrintable(result + "\n" + said));
        QVERIFY(said.contains(
            QStringLiteral("Executing Ansible Galaxy: cd %1 && ansible-galaxy install -r "
                           "%1/requirements.yml -p %1/galaxy_roles")
                .arg(staging)));
        QVERIFY(said.contains(
            QStringLiteral("Executing Ansible: cd %1 &&  ANSIBLE_ROLES_PATH=$ANSIBLE_ROLES_PATH:"
                           "%1/galaxy_roles ANSIBLE_FORCE_COLOR=1")
                .arg(staging)));
        QCOMPARE(test::fileText(marker + ".role"), QByteArray("role ran\n"));
        QVERIFY(said.contains("Removing staging directory..."));
        QVERIFY(!QFileInfo::exists(staging));
    }

    // A failing playbook: Ansible's error in the output, Packer's error text, and the
    // staging directory removed when clean_staging_directory is set.
    void failingPlaybookCleansStaging()
    {
        Harness h;
        h.ctx.generatedData = {{"PackerHTTPAddr", "ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER"}};
        const QString staging = sharedPath(QStringLiteral("staging-fail"));
        const QString result = test::provisionWith(h, *m_ssh,
            {{"playbook_file", fixtures + "/fail.yml"}, {"staging_directory", staging},
                {"clean_staging_directory", true}},
            true);
        QCOMPARE(result, QStringLiteral("Error executing Ansible: Non-zero exit status: 2"));
        QVERIFY(test::transcript(h.sink).contains("kiln-ansible-deliberate-failure"));
        QVERIFY(!QFileInfo::exists(staging));

        Harness missing;
        const QString notFound = test::provisionWith(missing, *m_ssh,
            {{"playbook_file", fixtures + "/fail.yml"}, {"staging_directory", staging},
                {"command", "no-such-ansible-playbook"}, {"clean_staging_directory", true}},
            true);
        QCOMPARE(notFound,
            QStringLiteral("Error executing Ansible: no-such-ansible-playbook could not be "
                           "found. Verify that it is available on the\nPATH after "
                           "connecting to the machine."));
    }
};

QTEST_GUILESS_MAIN(TestAnsibleLocal)
#include "tst_ansiblelocal.moc"

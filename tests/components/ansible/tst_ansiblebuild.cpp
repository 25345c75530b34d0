// `kiln build` of a template whose ansible provisioner fails, against the test sshd: Ansible's
// own error in the console, Packer's build error, the generated inventory and key removed,
// no key material in the output, and -on-error honoured (the error-cleanup-provisioner runs
// with the default "cleanup", not with "abort").

#include "support/SshServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;

class TestAnsibleBuild : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::SshServer> m_sshd;
    QTemporaryDir m_tmp;

    QString templateText(const QString &inventories, const QString &marker) const
    {
        return QStringLiteral("source \"null\" \"box\" {\n"
                              "  ssh_host             = \"%1\"\n"
                              "  ssh_port             = %2\n"
                              "  ssh_username         = \"%3\"\n"
                              "  ssh_private_key_file = \"%4\"\n"
                              "  ssh_timeout          = \"20s\"\n"
                              "}\n\n"
                              "build {\n"
                              "  sources = [\"source.null.box\"]\n\n"
                              "  provisioner \"ansible\" {\n"
                              "    playbook_file       = \"%5\"\n"
                              "    user                = \"%3\"\n"
                              "    inventory_directory = \"%6\"\n"
                              "    extra_arguments     = [\"-e\", "
                              "\"ansible_python_interpreter=/usr/bin/python3\"]\n"
                              "  }\n\n"
                              "  error-cleanup-provisioner \"shell-local\" {\n"
                              "    inline = [\"touch %7\"]\n"
                              "  }\n"
                              "}\n")
            .arg(m_sshd->host())
            .arg(m_sshd->port())
            .arg(test::SshServer::user(), m_sshd->clientKeyPath(),
                QStringLiteral(KILN_FIXTURES_DIR "/ansible/fail.yml"), inventories, marker);
    }

    int kiln(const QStringList &args, QString *out)
    {
        QProcess p;
        p.setWorkingDirectory(m_tmp.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(KILN_BINARY), args);
        if (!p.waitForFinished(120000))
            p.kill();
        p.waitForFinished();
        *out = QString::fromUtf8(p.readAll());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private slots:
    void initTestCase()
    {
        const QString why = test::SshServer::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        if (QStandardPaths::findExecutable(QStringLiteral("ansible-playbook")).isEmpty())
            QSKIP("ansible-core is not installed");
        if (!QFileInfo::exists(QStringLiteral(KILN_BINARY)))
            QSKIP("the kiln binary is not built (ninja kiln)");
        m_sshd = std::make_unique<test::SshServer>();
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
    }

    void failingPlaybook_data()
    {
        QTest::addColumn<QString>("onError");
        QTest::addColumn<bool>("cleanupProvisionerRuns");
        QTest::newRow("cleanup") << "cleanup" << true;
        QTest::newRow("abort") << "abort" << false;
    }
    void failingPlaybook()
    {
        QFETCH(QString, onError);
        QFETCH(bool, cleanupProvisionerRuns);
        const QString inventories = m_tmp.filePath("inventories-" + onError);
        QVERIFY(QDir().mkpath(inventories));
        const QString marker = m_tmp.filePath("cleanup-ran-" + onError);
        const QString file = m_tmp.filePath("t-" + onError + ".pkr.hcl");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(templateText(inventories, marker).toUtf8());
        f.close();

        QString out;
        const int rc = kiln({"build", "-color=false", "-on-error=" + onError, file}, &out);
        QCOMPARE(rc, 1);
        QVERIFY2(out.contains("==> null.box: Provisioning with Ansible..."), qPrintable(out));
        QVERIFY(out.contains("==> null.box: Setting up proxy adapter for Ansible...."));
        QVERIFY(out.contains("==> null.box: Executing Ansible: ansible-playbook -e "
                             "packer_build_name=\"box\" -e packer_builder_type=null"));
        // Ansible's own failure, as it printed it.
        QVERIFY(out.contains(QRegularExpression(
            "null.box: fatal: \\[default\\]: FAILED! => \\{.*kiln-ansible-deliberate-failure")));
        QVERIFY(out.contains(QRegularExpression(
            "Build 'null.box' errored after [^:]+: Error executing Ansible: Non-zero exit status: "
            "exit status 2")));
        QVERIFY(!out.contains("PRIVATE KEY"));
        QVERIFY2(QDir(inventories).entryList(QDir::Files).isEmpty(), "inventory left behind");
        const QRegularExpressionMatch key
            = QRegularExpression("ansible_ssh_private_key_file=(\\S+)").match(out);
        QVERIFY(key.hasMatch());
        QVERIFY(!QFile::exists(key.captured(1)));
        QCOMPARE(QFile::exists(marker), cleanupProvisionerRuns);
    }
};

QTEST_GUILESS_MAIN(TestAnsibleBuild)
#include "tst_ansiblebuild.moc"

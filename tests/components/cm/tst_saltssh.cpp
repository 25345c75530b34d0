// salt-masterless for real up to Salt itself (not installable here): `kiln build` of a null
// source over SSH (scp and sftp) to the test sshd; the state tree, pillar roots, minion
// config and grains land in the machine's filesystem, and the machine's salt-call, curl and
// sudo (MachineTools) record the exact command lines.

#include "CmKilnBuild.h"
#include "MachineTools.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
using test::KilnRun;
using test::readFile;

namespace {

const QString fixtures = QStringLiteral(KILN_FIXTURES_DIR "/cm/salt");

QString build(const QString &body)
{
    return QStringLiteral("build {\n  sources = [\"source.null.box\"]\n\n"
                          "  provisioner \"salt-masterless\" {\n%1  }\n}\n")
        .arg(body);
}

// A copy of the fixture state tree with git metadata, which must stay on the host.
bool stateTreeWithGit(const QString &to)
{
    return QDir().mkpath(to + "/web") && QDir().mkpath(to + "/.git")
        && QFile::copy(fixtures + "/states/top.sls", to + "/top.sls")
        && QFile::copy(fixtures + "/states/web/init.sls", to + "/web/init.sls")
        && test::writeFile(to + "/.git/HEAD", "ref: refs/heads/main\n");
}

} // namespace

class TestSaltSsh : public QObject
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
        QVERIFY(test::authorizeRoot(*m_sshd));
    }

    void stagesTreesAndRunsSaltCall_data()
    {
        QTest::addColumn<QString>("transfer");
        QTest::newRow("scp") << "scp";
        QTest::newRow("sftp") << "sftp";
    }

    // As the login user without sudo: trees go where remote_* say, salt-call gets Packer's
    // arguments; a second run replaces the trees, a failing salt-call fails the build unless
    // no_exit_on_failure.
    void stagesTreesAndRunsSaltCall()
    {
        QFETCH(QString, transfer);
        QTemporaryDir dir;
        QVERIFY(stateTreeWithGit(dir.filePath("states")));
        const QString root = m_sshd->sharedDir() + "/salt-" + transfer;
        const QString body = QStringLiteral("    local_state_tree    = \"states\"\n"
                                            "    local_pillar_roots  = \"%1/pillar\"\n"
                                            "    remote_state_tree   = \"%2/srv-salt\"\n"
                                            "    remote_pillar_roots = \"%2/srv-pillar\"\n"
                                            "    temp_config_dir     = \"%2/tmp\"\n"
                                            "    skip_bootstrap      = true\n"
                                            "    disable_sudo        = true\n"
                                            "    custom_state        = \"web\"\n"
                                            "    log_level           = \"debug\"\n"
                                            "    salt_call_args      = \"--state-output=mixed\"\n")
                                 .arg(fixtures, root);
        const QString source = test::nullSshSource(*m_sshd, test::SshServer::user(), transfer);
        const QString args = QStringLiteral("state.sls web --file-root=%1/srv-salt "
                                            "--pillar-root=%1/srv-pillar --retcode-passthrough "
                                            "-l debug --state-output=mixed")
                                 .arg(root);

        for (int run = 0; run < 2; ++run) {
            m_tools->clearCalls();
            const KilnRun r = test::kilnBuild(dir.path(), source + build(body));
            QVERIFY2(r.exitCode == 0, qPrintable(r.out));
            QCOMPARE(m_tools->calls(), QStringList{"salt-call|kilntest|--local " + args});
            // Packer's message keeps the double space of its argument string.
            QVERIFY2(r.out.contains("    null.box: Running: salt-call --local  " + args + "\n"),
                qPrintable(r.out));
            QVERIFY(r.out.contains(
                QStringLiteral("    null.box: Moving %1/tmp/states to %1/srv-salt\n").arg(root)));
            QCOMPARE(readFile(root + "/srv-salt/top.sls"), readFile(fixtures + "/states/top.sls"));
            QCOMPARE(readFile(root + "/srv-salt/web/init.sls"),
                readFile(fixtures + "/states/web/init.sls"));
            QCOMPARE(
                readFile(root + "/srv-pillar/data.sls"), readFile(fixtures + "/pillar/data.sls"));
            QVERIFY(!QFileInfo::exists(root + "/srv-salt/.git"));
            // The second run replaced the trees instead of nesting the new ones inside.
            QVERIFY(!QFileInfo::exists(root + "/srv-salt/states"));
            QVERIFY(!QFileInfo::exists(root + "/srv-pillar/pillar"));
            QVERIFY(!QFileInfo::exists(root + "/tmp/states"));
        }

        m_tools->setExitCode("salt-call", 2);
        KilnRun r = test::kilnBuild(dir.path(), source + build(body));
        QVERIFY2(r.exitCode == 1, qPrintable(r.out));
        QVERIFY2(
            r.out.contains("Error executing salt-call: Bad exit status: 2"), qPrintable(r.out));

        m_tools->clearCalls();
        r = test::kilnBuild(dir.path(), source + build(body + "    no_exit_on_failure = true\n"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QCOMPARE(m_tools->calls(),
            QStringList{
                "salt-call|kilntest|--local " + QString(args).remove(" --retcode-passthrough")});
        m_tools->setExitCode("salt-call", 0);
    }

    // Root with sudo: the bootstrap runs, the minion config and grains go to /etc/salt and
    // the trees to Salt's default roots, every step through Packer's sudo commands.
    void bootstrapMinionConfigAndGrains()
    {
        for (const char *path : {"/etc/salt", "/srv/salt", "/srv/pillar", "/tmp/salt"})
            if (QFileInfo::exists(path))
                QSKIP(qPrintable(
                    QStringLiteral("%1 exists on this machine; not touching it").arg(path)));
        QTemporaryDir dir;
        m_tools->clearCalls();
        const QString body = QStringLiteral("    local_state_tree = \"%1/states\"\n"
                                            "    minion_config    = \"%1/minion\"\n"
                                            "    grains_file      = \"%1/grains\"\n"
                                            "    bootstrap_args   = \"-P -x python3\"\n")
                                 .arg(fixtures);
        const KilnRun r = test::kilnBuild(
            dir.path(), test::nullSshSource(*m_sshd, "root", "sftp") + build(body));
        const QStringList calls = m_tools->calls();
        QByteArray minion = readFile("/etc/salt/minion");
        QByteArray grains = readFile("/etc/salt/grains");
        QByteArray top = readFile("/srv/salt/top.sls");
        for (const char *path : {"/etc/salt", "/srv/salt", "/tmp/salt"})
            QDir(path).removeRecursively();
        QFile::remove("/tmp/install_salt.sh");
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QCOMPARE(minion, readFile(fixtures + "/minion"));
        QCOMPARE(grains, readFile(fixtures + "/grains"));
        QCOMPARE(top, readFile(fixtures + "/states/top.sls"));
        QVERIFY(r.out.contains("    null.box: Installing Salt with command sudo sh "
                               "/tmp/install_salt.sh -P -x python3\n"));
        QVERIFY2(
            r.out.contains("    null.box: installer ran with: -P -x python3\n"), qPrintable(r.out));

        const QStringList expected{
            "curl|root|-L https://bootstrap.saltproject.io -o /tmp/install_salt.sh",
            "sudo|root|sh /tmp/install_salt.sh -P -x python3",
            "sudo|root|mkdir -p /tmp/salt",
            "sudo|root|sudo mv minion /tmp/salt/minion",
            "sudo|root|mv minion /tmp/salt/minion",
            "sudo|root|mkdir -p /etc/salt",
            "sudo|root|sudo mv /tmp/salt/minion /etc/salt/minion",
            "sudo|root|sudo mv grains /tmp/salt/grains",
            "sudo|root|sudo mv /tmp/salt/grains /etc/salt/grains",
            "sudo|root|sudo mv states /tmp/salt/states",
            "sudo|root|stat /srv/salt",
            "sudo|root|sudo mv /tmp/salt/states /srv/salt",
            "sudo|root|salt-call --local state.highstate --retcode-passthrough -l info",
            "salt-call|root|--local state.highstate --retcode-passthrough -l info",
        };
        qsizetype at = 0;
        for (const QString &e : expected) {
            while (at < calls.size() && calls.at(at) != e)
                ++at;
            QVERIFY2(at < calls.size(),
                qPrintable("missing or out of order: " + e + "\n" + calls.join('\n')));
        }
    }

    void prepareErrors()
    {
        QTemporaryDir dir;
        const KilnRun r = test::kilnBuild(dir.path(),
            test::nullSshSource(*m_sshd, "root", "scp")
                + build("    local_state_tree = \"missing\"\n"
                        "    minion_config = \""
                    + fixtures
                    + "/minion\"\n"
                      "    remote_state_tree = \"/srv/x\"\n"
                      "    formulas = [\"https://example.com/x-formula\"]\n"));
        QCOMPARE(r.exitCode, 1);
        for (const QString &e : {QStringLiteral("local_state_tree: path 'missing' is invalid: stat "
                                                "missing: no such file or directory"),
                 QStringLiteral(
                     "Invalid formula URL. Please verify the git URLs also contain a '//' subdir"),
                 QStringLiteral("remote_state_tree and remote_pillar_roots only apply when "
                                "minion_config is not used")})
            QVERIFY2(r.out.contains(e), qPrintable(e + "\n---\n" + r.out));
    }

    // A formula from a local git repository is cloned into the state tree, staged with it,
    // and removed from the host afterwards.
    void formulaFromGit()
    {
        QTemporaryDir dir;
        QVERIFY(stateTreeWithGit(dir.filePath("states")));
        const QString repo = dir.filePath("nginx-formula.git");
        QVERIFY(QDir().mkpath(repo + "/nginx"));
        QVERIFY(test::writeFile(repo + "/nginx/init.sls", "nginx: pkg.installed\n"));
        const auto git = [&](const QStringList &args) {
            return test::SshServer::exec(
                "git", QStringList{"-C", repo, "-c", "user.name=k", "-c", "user.email=k@k"} + args);
        };
        QCOMPARE(git({"init", "-q"}), 0);
        QCOMPARE(git({"add", "."}), 0);
        QCOMPARE(git({"commit", "-q", "-m", "formula"}), 0);
        QCOMPARE(git({"tag", "v1"}), 0);
        const QString root = m_sshd->sharedDir() + "/salt-formula";
        m_tools->clearCalls();
        const KilnRun r = test::kilnBuild(dir.path(),
            test::nullSshSource(*m_sshd, test::SshServer::user(), "scp")
                + build(
                    QStringLiteral("    local_state_tree  = \"states\"\n"
                                   "    remote_state_tree = \"%1/srv-salt\"\n"
                                   "    temp_config_dir   = \"%1/tmp\"\n"
                                   "    skip_bootstrap    = true\n"
                                   "    disable_sudo      = true\n"
                                   "    formulas          = [\"git::file://%2//nginx?ref=v1\"]\n")
                        .arg(root, repo)));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        QVERIFY(r.out.contains("==> null.box: Downloading Salt formulas...\n"));
        QCOMPARE(readFile(root + "/srv-salt/nginx/init.sls"), QByteArray("nginx: pkg.installed\n"));
        QVERIFY2(
            !QFileInfo::exists(dir.filePath("states/nginx")), "the fetched formula is removed");
    }
};

QTEST_GUILESS_MAIN(TestSaltSsh)
#include "tst_saltssh.moc"

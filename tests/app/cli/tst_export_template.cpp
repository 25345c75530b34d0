// `kiln export --format hcl|json`: what Kiln writes for HashiCorp Packer, checked by
// Packer itself (Debian's 1.6.6 `packer validate`) on corpus templates that use only
// what 1.6.6 has, and the variables file next to it.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, const QString &cwd = {},
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(program, args);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

Run kiln(const QStringList &args)
{
    return run(QStringLiteral(KILN_BINARY), args);
}

QString fixture(const QString &rel)
{
    return QStringLiteral(KILN_FIXTURES_DIR "/export/") + rel;
}

QString corpus(const QString &rel)
{
    return QStringLiteral(KILN_CORPUS_DIR "/packer-v1.9.5/") + rel;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The template's directory without its templates: what an exported template needs
// around it (scripts, files it names) when Packer validates it.
void copySupportFiles(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString rel = QDir(from).relativeFilePath(file);
        if (!rel.contains(QLatin1Char('/'))
            && (rel.endsWith(QLatin1String(".hcl")) || rel.endsWith(QLatin1String(".json"))))
            continue;
        QDir().mkpath(QFileInfo(to + QLatin1Char('/') + rel).absolutePath());
        QFile::copy(file, to + QLatin1Char('/') + rel);
    }
}

} // namespace

class TestExportTemplate : public QObject
{
    Q_OBJECT

private slots:
    void packerValidates_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        // Each passes Packer 1.6.6's own `validate` as written (checked when chosen).
        const QStringList hcl2 = {
            QStringLiteral("command/test-fixtures/build-only/template.pkr.hcl"),
            QStringLiteral("command/test-fixtures/hcl/dynamic/build.pkr.hcl"),
            QStringLiteral("command/test-fixtures/hcl/recursive_local_with_input/locals.pkr.hcl"),
            QStringLiteral("command/test-fixtures/hcl/validation/map/definition.pkr.hcl"),
            QStringLiteral("command/test-fixtures/provisioners/provisioner-only-except.pkr.hcl"),
        };
        for (const QString &t : hcl2) {
            QTest::newRow(qPrintable(t + QStringLiteral(" hcl")))
                << corpus(t) << QStringLiteral("hcl");
            QTest::newRow(qPrintable(t + QStringLiteral(" json")))
                << corpus(t) << QStringLiteral("json");
        }
        // HCL's JSON syntax to native syntax, blocks told from attributes by Packer's
        // structure and the components' schemas.
        QTest::newRow("pkr.json hcl")
            << corpus(QStringLiteral("command/test-fixtures/build-only/template.pkr.json"))
            << QStringLiteral("hcl");
        QTest::newRow("pkr.json json")
            << corpus(QStringLiteral("command/test-fixtures/build-only/template.pkr.json"))
            << QStringLiteral("json");
        // Legacy templates: re-written as legacy JSON, and upgraded to HCL2 where the
        // upgrade uses nothing newer than Packer 1.6.6.
        for (const QString &t : {QStringLiteral("command/test-fixtures/build-only/template.json"),
                 QStringLiteral("command/test-fixtures/build-variable-sharing/template.json")}) {
            QTest::newRow(qPrintable(t + QStringLiteral(" hcl")))
                << corpus(t) << QStringLiteral("hcl");
            QTest::newRow(qPrintable(t + QStringLiteral(" json")))
                << corpus(t) << QStringLiteral("json");
        }
        QTest::newRow("legacy cleanup json")
            << corpus(QStringLiteral("command/test-fixtures/cleanup-script/template.json"))
            << QStringLiteral("json");
    }

    void packerValidates()
    {
        QFETCH(QString, path);
        QFETCH(QString, format);
        QTemporaryDir dir;
        copySupportFiles(QFileInfo(path).absolutePath(), dir.path());
        const bool legacy = !path.endsWith(QLatin1String(".pkr.hcl"))
            && !path.endsWith(QLatin1String(".pkr.json"));
        const QString name = format == QLatin1String("hcl") ? QStringLiteral("exported.pkr.hcl")
            : legacy                                        ? QStringLiteral("exported.json")
                                                            : QStringLiteral("exported.pkr.json");
        const Run exported = kiln({QStringLiteral("export"), QStringLiteral("--format"), format,
            QStringLiteral("--output"), dir.filePath(name), path});
        QVERIFY2(exported.code == 0, qPrintable(exported.out + exported.err));
        const Run packer
            = run(QStringLiteral("packer"), {QStringLiteral("validate"), name}, dir.path());
        QVERIFY2(packer.code == 0,
            qPrintable(packer.out + packer.err + QString::fromUtf8(readAll(dir.filePath(name)))));
        // And Kiln reads back what it wrote.
        const Run back = run(QStringLiteral(KILN_BINARY),
            {QStringLiteral("validate"), QStringLiteral("-syntax-only"), name}, dir.path());
        QVERIFY2(back.code == 0, qPrintable(back.out + back.err));
    }

    // Formatting is `packer fmt`'s: exporting an exported HCL file changes nothing.
    void hclIsNormalised()
    {
        QTemporaryDir dir;
        const QString once = dir.filePath(QStringLiteral("once.pkr.hcl"));
        QCOMPARE(
            kiln({QStringLiteral("export"), QStringLiteral("-format=hcl"),
                     QStringLiteral("-output=") + once,
                     corpus(QStringLiteral("command/test-fixtures/hcl/dynamic/build.pkr.hcl"))})
                .code,
            0);
        const Run again = kiln({QStringLiteral("export"), QStringLiteral("-format=hcl"), once});
        QCOMPARE(again.code, 0);
        QCOMPARE(again.out.toUtf8(), readAll(once));
        const Run fmt = run(
            QStringLiteral("packer"), {QStringLiteral("fmt"), QStringLiteral("-check"), once});
        QVERIFY2(fmt.code == 0, qPrintable(fmt.out));
    }

    void variablesFile()
    {
        QTemporaryDir dir;
        const QString tpl = dir.filePath(QStringLiteral("t.pkr.hcl"));
        const QString vars = dir.filePath(QStringLiteral("defaults.pkrvars.hcl"));
        const Run r = kiln({QStringLiteral("export"), QStringLiteral("--format"),
            QStringLiteral("hcl"), QStringLiteral("--output"), tpl, QStringLiteral("--vars-file"),
            vars, fixture(QStringLiteral("matrix"))});
        QCOMPARE(r.code, 0);
        QCOMPARE(readAll(vars),
            QByteArray("# api_token is sensitive: pass it as PKR_VAR_api_token, never in a file\n"
                       "copies   = [\"one\", \"two\"]\n"
                       "greeting = \"hello from kiln\"\n"));
        // The sensitive default left the template too: Packer needs it from the environment.
        const QByteArray text = readAll(tpl);
        QVERIFY(!text.contains("fixture-token-s3cr3t"));
        QVERIFY(
            text.contains("# default left out: the value is sensitive; set PKR_VAR_api_token\n"));
        Run packer = run(QStringLiteral("packer"),
            {QStringLiteral("validate"), QStringLiteral("-var-file=defaults.pkrvars.hcl"),
                QStringLiteral("t.pkr.hcl")},
            dir.path());
        QVERIFY(packer.out.contains(QLatin1String("Unset variable \"api_token\"")));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PKR_VAR_api_token"), QStringLiteral("from-ci"));
        packer = run(QStringLiteral("packer"),
            {QStringLiteral("validate"), QStringLiteral("-var-file=defaults.pkrvars.hcl"),
                QStringLiteral("t.pkr.hcl")},
            dir.path(), env);
        QVERIFY2(packer.code == 0, qPrintable(packer.out));

        const QString json = dir.filePath(QStringLiteral("defaults.pkrvars.json"));
        QCOMPARE(kiln({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
                          QStringLiteral("--output"), dir.filePath(QStringLiteral("t.pkr.json")),
                          QStringLiteral("--vars-file"), json, fixture(QStringLiteral("matrix"))})
                     .code,
            0);
        QCOMPARE(readAll(json),
            QByteArray("{\n  \"copies\": [\n    \"one\",\n    \"two\"\n  ],\n  \"greeting\": "
                       "\"hello from kiln\"\n}\n"));
    }

    void kilnOnlyFlagged()
    {
        const QString path = fixture(QStringLiteral("kiln-only/convert.pkr.hcl"));
        const QString warning = QStringLiteral(
            "post-processor \"image-convert\" is a Kiln component: HashiCorp Packer does "
            "not have it, so this template only builds with `kiln build`");
        Run r = kiln(
            {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("hcl"), path});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.err, QStringLiteral("Warning: ") + warning + QLatin1Char('\n'));
        QVERIFY(r.out.contains(QStringLiteral("  # Kiln only: ") + warning
            + QStringLiteral("\n  post-processor \"image-convert\" {")));
        r = kiln(
            {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"), path});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.err, QStringLiteral("Warning: ") + warning + QLatin1Char('\n'));
        const QString escaped = QString(warning).replace(QLatin1Char('"'), QLatin1String("\\\""));
        QVERIFY(r.out.contains(QStringLiteral(
            "\"image-convert\": {\n          \"//\": \"%1\",\n          \"format\": \"qcow2\"")
                                   .arg(escaped)));
    }
};

QTEST_GUILESS_MAIN(TestExportTemplate)
#include "tst_export_template.moc"

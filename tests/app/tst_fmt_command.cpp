#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

// Runs the real kiln binary (and, when installed, the real packer, our
// oracle) on temporary copies of small trees, comparing output, exit status
// and the files left behind.
namespace {

const QByteArray unformatted("a=1\nbbb  =  [ 1,2 ]\n");
const QByteArray formatted("a   = 1\nbbb = [1, 2]\n");

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QMap<QString, QByteArray> files; // the tree after the run
};

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        QFile f(p);
        f.open(QIODevice::ReadOnly);
        files.insert(QDir(root).relativeFilePath(p), f.readAll());
    }
    return files;
}

// Builds the tree in a fresh directory and runs `program fmt args` there.
Result run(const QString &program, const QMap<QString, QByteArray> &tree, const QStringList &args,
    const QByteArray &stdinData = {})
{
    QTemporaryDir dir;
    for (auto it = tree.begin(); it != tree.end(); ++it)
        writeFile(dir.filePath(it.key()), it.value());
    QProcess p;
    p.setWorkingDirectory(dir.path());
    p.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CHECKPOINT_DISABLE"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(program, QStringList{QStringLiteral("fmt")} + args);
    p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    Result r;
    r.exitCode = p.exitCode();
    r.out = p.readAll();
    r.files = snapshot(dir.path());
    return r;
}

QString packerBinary()
{
    return QStandardPaths::findExecutable(QStringLiteral("packer"));
}

QMap<QString, QByteArray> sampleTree()
{
    return {
        {"d/b.pkr.hcl", unformatted},
        {"d/a.pkrvars.hcl", unformatted},
        {"d/.hidden.pkr.hcl", unformatted},
        {"d/ok.pkr.hcl", formatted},
        {"d/notes.txt", unformatted},
        {"d/x.pkr.json", "{\"a\":1}"},
        {"d/sub/c.pkr.hcl", unformatted},
    };
}

} // namespace

class TestFmtCommand : public QObject
{
    Q_OBJECT

private slots:
    void matchesPacker_data();
    void matchesPacker();
    void recursive();
    void standardInput();
};

void TestFmtCommand::matchesPacker_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QStringList>("rewritten"); // files expected to become `formatted`

    const QByteArray usageStart("Usage: ");
    QTest::newRow("file") << QStringList{"d/b.pkr.hcl"} << 0 << QByteArray("d/b.pkr.hcl\n")
                          << QStringList{"d/b.pkr.hcl"};
    QTest::newRow("formatted file")
        << QStringList{"d/ok.pkr.hcl"} << 0 << QByteArray() << QStringList{};
    QTest::newRow("check") << QStringList{"-check", "d/b.pkr.hcl"} << 3
                           << QByteArray("d/b.pkr.hcl\n") << QStringList{};
    QTest::newRow("check formatted")
        << QStringList{"-check=true", "d/ok.pkr.hcl"} << 0 << QByteArray() << QStringList{};
    QTest::newRow("write=false") << QStringList{"-write=false", "d/b.pkr.hcl"} << 0
                                 << QByteArray("d/b.pkr.hcl\n") << QStringList{};
    QTest::newRow("diff") << QStringList{"-diff", "-write=false", "d/b.pkr.hcl"} << 0
                          << QByteArray("d/b.pkr.hcl\n--- old/d/b.pkr.hcl\n+++ new/d/b.pkr.hcl\n"
                                        "@@ -1,2 +1,2 @@\n-a=1\n-bbb  =  [ 1,2 ]\n"
                                        "+a   = 1\n+bbb = [1, 2]\n")
                          << QStringList{};
    QTest::newRow("directory") << QStringList{"d"} << 0
                               << QByteArray("d/.hidden.pkr.hcl\nd/b.pkr.hcl\nd/a.pkrvars.hcl\n")
                               << QStringList{
                                      "d/.hidden.pkr.hcl", "d/b.pkr.hcl", "d/a.pkrvars.hcl"};
    QTest::newRow("directory check")
        << QStringList{"-check", "d/"} << 3
        << QByteArray("d/.hidden.pkr.hcl\nd/b.pkr.hcl\nd/a.pkrvars.hcl\n") << QStringList{};
    QTest::newRow("not hcl") << QStringList{"d/notes.txt"} << 1
                             << QByteArray("Error: Cannot tell whether d/notes.txt contains HCL2 "
                                           "configuration data\n\n\n")
                             << QStringList{};
    QTest::newRow("missing") << QStringList{"nope.pkr.hcl"} << 1
                             << QByteArray(
                                    "Error: Cannot tell wether nope.pkr.hcl is a directory\n\n"
                                    "stat nope.pkr.hcl: no such file or directory\n\n\n")
                             << QStringList{};
    QTest::newRow("unparseable") << QStringList{"bad.pkr.hcl"} << 1
                                 << QByteArray(
                                        "Error: encountered an error while formatting "
                                        "bad.pkr.hcl\n\nfailed to parse HCL bad.pkr.hcl\n\n\n")
                                 << QStringList{};
    QTest::newRow("no arguments") << QStringList{} << 1 << usageStart << QStringList{};
    QTest::newRow("two arguments") << QStringList{"d", "x"} << 1 << usageStart << QStringList{};
    QTest::newRow("unknown flag") << QStringList{"-bogus", "d"} << 1 << usageStart << QStringList{};
}

void TestFmtCommand::matchesPacker()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, out);
    QFETCH(QStringList, rewritten);

    QMap<QString, QByteArray> tree = sampleTree();
    tree.insert(QStringLiteral("bad.pkr.hcl"), QByteArray("a = {\n  b = 'x'\n"));
    const Result kiln = run(QStringLiteral(KILN_BINARY), tree, args);
    QCOMPARE(kiln.exitCode, exitCode);
    if (out.startsWith("Usage: "))
        QVERIFY2(kiln.out.startsWith("Usage: kiln fmt [options] [TEMPLATE]\n"), kiln.out);
    else
        QCOMPARE(kiln.out, out);
    for (auto it = tree.begin(); it != tree.end(); ++it) {
        const QByteArray want = rewritten.contains(it.key()) ? formatted : it.value();
        QCOMPARE(kiln.files.value(it.key()), want);
    }

    // The same run under the real packer must agree (usage text aside: it
    // names the program).
    const QString packer = packerBinary();
    if (packer.isEmpty())
        return;
    const Result ref = run(packer, tree, args);
    QCOMPARE(kiln.exitCode, ref.exitCode);
    if (!out.startsWith("Usage: "))
        QCOMPARE(kiln.out, ref.out);
    QCOMPARE(kiln.files, ref.files);
}

// -recursive (Packer 1.7+) also formats files in subdirectories.
void TestFmtCommand::recursive()
{
    const Result r
        = run(QStringLiteral(KILN_BINARY), sampleTree(), {"-recursive", "-write=false", "d"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(
        r.out, QByteArray("d/.hidden.pkr.hcl\nd/b.pkr.hcl\nd/a.pkrvars.hcl\nd/sub/c.pkr.hcl\n"));
    QCOMPARE(r.files, sampleTree());
}

// "-" (Packer 1.7+) formats standard input to standard output.
void TestFmtCommand::standardInput()
{
    Result r = run(QStringLiteral(KILN_BINARY), {}, {"-"}, unformatted);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, formatted);
    r = run(QStringLiteral(KILN_BINARY), {}, {"-"}, formatted);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, formatted);
    r = run(QStringLiteral(KILN_BINARY), {}, {"-check", "-"}, unformatted);
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.out, QByteArray());
    r = run(QStringLiteral(KILN_BINARY), {}, {"-"}, QByteArray("a = \"x"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.startsWith("Error: encountered an error while formatting -"));
}

QTEST_GUILESS_MAIN(TestFmtCommand)
#include "tst_fmt_command.moc"

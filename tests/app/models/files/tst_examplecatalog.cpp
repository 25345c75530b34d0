// The example gallery's catalog: the real bundled examples, how their
// descriptions are read, and where an installed or built kiln finds them.
#include "app/models/files/ExampleCatalog.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using kiln::models::ExampleCatalog;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExampleCatalog : public QObject
{
    Q_OBJECT

private slots:
    void listsTheBundledExamples()
    {
        const QString root = QStringLiteral(KILN_SOURCE_DIR "/resources/examples");
        const ExampleCatalog catalog(root);
        QStringList names;
        for (const auto &e : catalog.examples())
            names << e.name;
        // Every subdirectory holding a template is listed, sorted by name.
        QStringList expected;
        for (const QString &d : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            if (!QDir(root + QLatin1Char('/') + d)
                     .entryList(
                         {QStringLiteral("*.pkr.hcl"), QStringLiteral("*.json")}, QDir::Files)
                     .isEmpty())
                expected << d;
        QCOMPARE(names, expected);
        QVERIFY(names.contains(QStringLiteral("hello")));
        QVERIFY(names.contains(QStringLiteral("release")));

        const auto &hello = catalog.examples().at(names.indexOf(QStringLiteral("hello")));
        QCOMPARE(hello.mainFile, root + QStringLiteral("/hello/hello.pkr.hcl"));
        QCOMPARE(hello.text(), QString::fromUtf8(readFile(hello.mainFile)));
        QCOMPARE(hello.description,
            QStringLiteral("A small pipeline: a null machine configured by shell-local, and a "
                           "Debian container image, each recorded in a manifest with checksums."));
    }

    void mainFileChoice()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("multi/a.pkr.hcl"), "# first\n"));
        QVERIFY(writeFile(dir.filePath("multi/multi.pkr.hcl"), "# named after the directory\n"));
        QVERIFY(writeFile(dir.filePath("legacy/template.json"), "{}"));
        QVERIFY(writeFile(dir.filePath("assets/readme.txt"), "not a template"));
        const ExampleCatalog catalog(dir.path());
        QCOMPARE(catalog.examples().size(), 2);
        QCOMPARE(catalog.examples().at(0).name, QStringLiteral("legacy"));
        QCOMPARE(catalog.examples().at(0).mainFile, dir.filePath("legacy/template.json"));
        QCOMPARE(catalog.examples().at(0).description, QString());
        QCOMPARE(catalog.examples().at(1).mainFile, dir.filePath("multi/multi.pkr.hcl"));
        QCOMPARE(catalog.examples().at(1).description, QStringLiteral("named after the directory"));
    }

    void leadingComment_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("hash") << "# one\n# two\nsource {}"
                              << "one two";
        QTest::newRow("slashes") << "// one\n//two\n\n# not this\n"
                                 << "one two";
        QTest::newRow("leading blank") << "\n\n# one\nx = 1"
                                       << "one";
        QTest::newRow("block") << "/* one\n   two */\nx = 1"
                               << "one two";
        QTest::newRow("one-line block") << "/* one */\n# two\n"
                                        << "one two";
        QTest::newRow("none") << "x = 1 # trailing\n"
                              << "";
        QTest::newRow("empty comment lines trimmed") << "# one\n#\n"
                                                     << "one";
    }

    void leadingComment()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(ExampleCatalog::leadingComment(text), expected);
    }

    void locateInstallAndBuildTrees()
    {
        QTemporaryDir dir;
        const QString bin = dir.filePath("prefix/bin");
        QVERIFY(QDir().mkpath(bin));
        const QString candidateUsr = QStringLiteral("/usr/share/kiln/examples");
        // Nothing bundled anywhere near: only the distribution path can match.
        QCOMPARE(ExampleCatalog::locate(bin),
            QFileInfo(candidateUsr).isDir() ? candidateUsr : QString());

        // A build directory inside the source tree: <src>/build/bin -> <src>/resources/examples.
        QVERIFY(QDir().mkpath(dir.filePath("prefix/resources/examples")));
        QCOMPARE(ExampleCatalog::locate(bin), dir.filePath("prefix/resources/examples"));

        // An install wins over a neighbouring source tree.
        QVERIFY(QDir().mkpath(dir.filePath("prefix/share/kiln/examples")));
        QCOMPARE(ExampleCatalog::locate(bin), dir.filePath("prefix/share/kiln/examples"));

        // A build directory beside its sources: <dir>/build/bin -> <dir>/resources/examples.
        const QString nested = dir.filePath("tree/build/bin");
        QVERIFY(QDir().mkpath(nested));
        QVERIFY(QDir().mkpath(dir.filePath("tree/resources/examples")));
        QCOMPARE(ExampleCatalog::locate(nested), dir.filePath("tree/resources/examples"));
    }
};

QTEST_MAIN(TestExampleCatalog)
#include "tst_examplecatalog.moc"

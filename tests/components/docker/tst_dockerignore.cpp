// .dockerignore matching as the docker CLI applies it to a build context.
#include "components/builders/docker/DockerIgnore.h"

#include <QTest>

using kiln::components::DockerIgnore;

class TestDockerIgnore : public QObject
{
    Q_OBJECT

private slots:
    void excludes_data()
    {
        QTest::addColumn<QString>("rules");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("excluded");
        QTest::newRow("none") << QString() << QStringLiteral("a.txt") << false;
        QTest::newRow("comment") << QStringLiteral("# a.txt") << QStringLiteral("a.txt") << false;
        QTest::newRow("name") << QStringLiteral("a.txt") << QStringLiteral("a.txt") << true;
        QTest::newRow("name only at top")
            << QStringLiteral("a.txt") << QStringLiteral("d/a.txt") << false;
        QTest::newRow("leading slash")
            << QStringLiteral("/a.txt") << QStringLiteral("a.txt") << true;
        QTest::newRow("star") << QStringLiteral("*.log") << QStringLiteral("x.log") << true;
        QTest::newRow("star stays in element")
            << QStringLiteral("*.log") << QStringLiteral("d/x.log") << false;
        QTest::newRow("double star")
            << QStringLiteral("**/*.log") << QStringLiteral("d/e/x.log") << true;
        QTest::newRow("double star at top")
            << QStringLiteral("**/*.log") << QStringLiteral("x.log") << true;
        QTest::newRow("directory excludes contents")
            << QStringLiteral("build") << QStringLiteral("build/out/x") << true;
        QTest::newRow("question mark")
            << QStringLiteral("file?.txt") << QStringLiteral("file1.txt") << true;
        QTest::newRow("question mark one char")
            << QStringLiteral("file?.txt") << QStringLiteral("file10.txt") << false;
        QTest::newRow("class") << QStringLiteral("[ab].txt") << QStringLiteral("b.txt") << true;
        QTest::newRow("negated class")
            << QStringLiteral("[^ab].txt") << QStringLiteral("b.txt") << false;
        QTest::newRow("exception")
            << QStringLiteral("*.md\n!README.md") << QStringLiteral("README.md") << false;
        QTest::newRow("exception others")
            << QStringLiteral("*.md\n!README.md") << QStringLiteral("NOTES.md") << true;
        QTest::newRow("last wins")
            << QStringLiteral("!a.txt\na.txt") << QStringLiteral("a.txt") << true;
        QTest::newRow("cleaned") << QStringLiteral("./d/../a.txt") << QStringLiteral("a.txt")
                                 << true;
        QTest::newRow("dot is nothing") << QStringLiteral(".") << QStringLiteral("a.txt") << false;
        QTest::newRow("whitespace")
            << QStringLiteral("  a.txt  ") << QStringLiteral("a.txt") << true;
    }
    void excludes()
    {
        QFETCH(QString, rules);
        QFETCH(QString, path);
        QFETCH(bool, excluded);
        QCOMPARE(DockerIgnore::fromText(rules).excludes(path), excluded);
    }
};

QTEST_GUILESS_MAIN(TestDockerIgnore)
#include "tst_dockerignore.moc"

#include "engine/registry/DidYouMean.h"

#include <QTest>

using namespace kiln::registry;

class TestDidYouMean : public QObject
{
    Q_OBJECT

private slots:
    void distance_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("expected");
        QTest::newRow("equal") << "docker"
                               << "docker" << 0;
        QTest::newRow("empty-left") << ""
                                    << "abc" << 3;
        QTest::newRow("empty-right") << "abcd"
                                     << "" << 4;
        QTest::newRow("kitten") << "kitten"
                                << "sitting" << 3;
        QTest::newRow("insertion") << "shel"
                                   << "shell" << 1;
        QTest::newRow("deletion") << "dockerr"
                                  << "docker" << 1;
        QTest::newRow("substitution") << "qemo"
                                      << "qemu" << 1;
        QTest::newRow("transposition-is-two") << "shlel"
                                              << "shell" << 2;
        QTest::newRow("case-sensitive") << "Docker"
                                        << "docker" << 1;
        // One code point outside the BMP counts once, as Go runes do.
        QTest::newRow("astral") << QString::fromUtf8("a\xF0\x9F\x98\x80"
                                                     "b")
                                << "ab" << 1;
        QTest::newRow("accented") << QString::fromUtf8("caf\xC3\xA9") << "cafe" << 1;
    }

    void distance()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, expected);
        QCOMPARE(levenshteinDistance(a, b), expected);
        QCOMPARE(levenshteinDistance(b, a), expected);
    }

    void suggestion_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QStringList>("candidates");
        QTest::addColumn<QString>("expected");
        const QStringList builders{"null", "file", "docker", "qemu", "amazon-ebs", "vmware-iso"};
        QTest::newRow("typo") << "dokcer" << builders << "docker";
        QTest::newRow("distance-2-ok") << "qem" << builders << "qemu";
        QTest::newRow("distance-3-too-far") << "amazon" << builders << "";
        QTest::newRow("exact") << "file" << builders << "file";
        QTest::newRow("none") << "potatoes" << builders << "";
        // Packer returns the first close candidate in order, not the closest one.
        QTest::newRow("first-wins") << "fil" << QStringList{"nil", "file"} << "nil";
        QTest::newRow("empty-list") << "shell" << QStringList{} << "";
    }

    void suggestion()
    {
        QFETCH(QString, given);
        QFETCH(QStringList, candidates);
        QFETCH(QString, expected);
        QCOMPARE(nameSuggestion(given, candidates), expected);
    }
};

QTEST_GUILESS_MAIN(TestDidYouMean)
#include "tst_didyoumean.moc"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString fixtureRoot
    = QStringLiteral(KILN_CORPUS_DIR "/packer-v1.9.5/command/test-fixtures/hcl2_upgrade/");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run kiln(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(KILN_BINARY), QStringList{QStringLiteral("hcl2_upgrade")} + args);
    p.waitForFinished(10000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestHcl2UpgradeCommand : public QObject
{
    Q_OBJECT

private slots:
    // Builder types come from Kiln's registry here, so only folders whose
    // builders Kiln knows (or knows not) the same way as Packer's test.
    void writesFixture_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("minimal") << "minimal" << QStringList{"-with-annotations"} << 0;
        QTest::newRow("without-annotations") << "without-annotations" << QStringList{} << 0;
        QTest::newRow("escaping") << "escaping" << QStringList{} << 0;
        QTest::newRow("unknown_builder") << "unknown_builder" << QStringList{} << 1;
    }

    void writesFixture()
    {
        QFETCH(QString, folder);
        QFETCH(QStringList, flags);
        QFETCH(int, exitCode);
        QTemporaryDir tmp;
        const QString input = tmp.filePath(QStringLiteral("input.json"));
        QVERIFY(QFile::copy(fixtureRoot + folder + QLatin1String("/input.json"), input));
        const Run r = kiln(flags + QStringList{input});
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(r.out,
            QStringLiteral("Successfully created %1.pkr.hcl. Exit %2\n").arg(input).arg(exitCode));
        QCOMPARE(readFile(input + QLatin1String(".pkr.hcl")),
            readFile(fixtureRoot + folder + QLatin1String("/expected.pkr.hcl")));
    }

    void outputFileFlag()
    {
        QTemporaryDir tmp;
        const QString output = tmp.filePath(QStringLiteral("sub/out.pkr.hcl"));
        const Run r = kiln({QStringLiteral("-output-file=") + output,
            fixtureRoot + QLatin1String("minimal/input.json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(readFile(output).startsWith("packer {\n  required_version = \">= 1.6.0\""));
    }

    void missingTemplate()
    {
        QTemporaryDir tmp;
        const Run r = kiln({tmp.filePath(QStringLiteral("nonexistent/input.json"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QLatin1String("Failed to get config from JSON")));
    }

    void usage()
    {
        const Run r = kiln({});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(QLatin1String("Usage: kiln hcl2_upgrade [options] TEMPLATE")));
    }
};

QTEST_GUILESS_MAIN(TestHcl2UpgradeCommand)
#include "tst_hcl2_upgrade_command.moc"

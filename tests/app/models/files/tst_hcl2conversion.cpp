// File ▸ Upgrade to HCL2 in memory: the designer's conversion must write what
// `packer hcl2_upgrade` (no flags) writes for Packer's own fixtures, produce
// text that parses as HCL, and report unreadable JSON as diagnostics.
#include "app/models/ComponentCatalog.h"
#include "app/models/files/Hcl2Conversion.h"
#include "engine/hcl/Parser.h"

#include <QFile>
#include <QFileInfo>
#include <QtTest>

using kiln::models::Hcl2Conversion;

namespace {

const QString fixtureRoot
    = QStringLiteral(KILN_CORPUS_DIR "/packer-v1.9.5/command/test-fixtures/hcl2_upgrade/");

QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestHcl2Conversion : public QObject
{
    Q_OBJECT

private slots:
    void matchesPackerFixtures_data()
    {
        QTest::addColumn<QString>("folder");
        // The fixtures Packer's own test runs without -with-annotations, as the menu does.
        for (const char *folder : {"without-annotations", "escaping", "placeholders",
                 "variables-only", "aws-access-config", "azure_shg"})
            QTest::newRow(folder) << QString::fromLatin1(folder);
    }

    void matchesPackerFixtures()
    {
        QFETCH(QString, folder);
        const QString input = fixtureRoot + folder + QStringLiteral("/input.json");
        const QString json = readFile(input);
        QVERIFY(!json.isEmpty());
        const Hcl2Conversion c
            = Hcl2Conversion::run(json, input, kiln::models::ComponentCatalog::registry());
        QVERIFY(c.ok());
        QCOMPARE(c.suggestedPath, QFileInfo(input).absoluteFilePath() + QStringLiteral(".pkr.hcl"));
        QCOMPARE(c.text, readFile(fixtureRoot + folder + QStringLiteral("/expected.pkr.hcl")));

        kiln::hcl::Diagnostics diags;
        kiln::hcl::parseConfig(c.text.toUtf8(), c.suggestedPath, diags);
        QVERIFY2(!diags.hasErrors(), qPrintable(c.text));
    }

    void annotationsAddTheHeader()
    {
        const QString input = fixtureRoot + QStringLiteral("minimal/input.json");
        const Hcl2Conversion c = Hcl2Conversion::run(
            readFile(input), input, kiln::models::ComponentCatalog::registry(), true);
        QVERIFY(c.ok());
        QCOMPARE(c.text, readFile(fixtureRoot + QStringLiteral("minimal/expected.pkr.hcl")));
    }

    void unreadableJsonGivesDiagnostics_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("syntax") << QStringLiteral("{\"builders\": [");
        QTest::newRow("unknown root key")
            << QStringLiteral("{\"builders\": [{\"type\": \"null\"}], \"bogus\": 1}");
    }

    void unreadableJsonGivesDiagnostics()
    {
        QFETCH(QString, json);
        const Hcl2Conversion c = Hcl2Conversion::run(
            json, QStringLiteral("/tmp/x.json"), kiln::models::ComponentCatalog::registry());
        QVERIFY(!c.ok());
        QVERIFY(c.diagnostics.hasErrors());
        QVERIFY(c.text.isEmpty());
    }
};

QTEST_MAIN(TestHcl2Conversion)
#include "tst_hcl2conversion.moc"

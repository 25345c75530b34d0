#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/upgrade/GoTemplateRunner.h"
#include "engine/template/upgrade/Hcl2Upgrader.h"
#include "engine/template/upgrade/HclValueText.h"

#include <QFile>
#include <QTest>

using namespace kiln::tmpl;

namespace {

const QString fixtureRoot
    = QStringLiteral(KILN_CORPUS_DIR "/packer-v1.9.5/command/test-fixtures/hcl2_upgrade/");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestHcl2Upgrade : public QObject
{
    Q_OBJECT

private slots:
    // The folders and exit codes of Packer's Test_hcl2_upgrade; the known
    // builders are the ones that test's component finder registers.
    void fixtures_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<bool>("annotations");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("knownFailure");
        auto row
            = [](const char *folder, bool annotations, int exitCode, const char *failure = "") {
                  QTest::newRow(folder) << QString::fromLatin1(folder) << annotations << exitCode
                                        << QString::fromLatin1(failure);
              };
        row("unknown_builder", false, 1);
        row("complete", true, 0);
        row("without-annotations", false, 0);
        row("minimal", true, 0);
        row("source-name", true, 0);
        row("error-cleanup-provisioner", true, 0);
        row("aws-access-config", false, 0);
        row("escaping", false, 0);
        row("vsphere_linux_options_and_network_interface", false, 1);
        row("placeholders", false, 0);
        row("ami_test", false, 0);
        row("azure_shg", false, 0);
        row("variables-only", false, 0);
        row("variables-with-variables", false, 0);
        row("complete-variables-with-template-engine", false, 0);
        row("undeclared-variables", false, 0);
        row("varfile-with-no-variables-block", false, 0);
        row("bundled-plugin-used", false, 0);
    }

    void fixtures()
    {
        QFETCH(QString, folder);
        QFETCH(bool, annotations);
        QFETCH(int, exitCode);
        QFETCH(QString, knownFailure);
        const QString dir = fixtureRoot + folder + QLatin1Char('/');
        const QByteArray source = readFile(dir + QLatin1String("input.json"));
        QVERIFY(!source.isEmpty());
        const legacy::LegacyParseResult parsed
            = legacy::LegacyTemplateParser::parse(source, dir + QLatin1String("input.json"));
        QVERIFY(!parsed.diagnostics.hasErrors());
        upgrade::UpgradeOptions options;
        options.withAnnotations = annotations;
        options.knownBuilders = {"file", "null", "amazon-ebs", "azure-arm"};
        const upgrade::UpgradeResult r
            = upgrade::Hcl2Upgrader::upgrade(parsed.tmpl, QString::fromUtf8(source), options);
        QCOMPARE(r.exitCode, exitCode);
        if (!knownFailure.isEmpty())
            QEXPECT_FAIL("", qPrintable(knownFailure), Abort);
        QCOMPARE(QString::fromUtf8(r.output),
            QString::fromUtf8(readFile(dir + QLatin1String("expected.pkr.hcl"))));
    }

    void goDuration_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("ms") << qint64(500) << "500ms";
        QTest::newRow("s") << qint64(5000) << "5s";
        QTest::newRow("fraction") << qint64(1500) << "1.5s";
        QTest::newRow("minutes") << qint64(90000) << "1m30s";
        QTest::newRow("hours") << qint64(3600000) << "1h0m0s";
    }

    void goDuration()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(upgrade::Hcl2Upgrader::goDuration(ms), text);
    }

    void fixQuoting_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("env") << "{{ env \\\"ONE\\\" }}"
                             << "{{ env \"ONE\" }}";
        QTest::newRow("split") << "x {{ split \\\"a-b\\\" \\\"-\\\" 0 }} y"
                               << "x {{ split \"a-b\" \"-\" 0 }} y";
        QTest::newRow("backticks untouched") << "{{ env `A` }}"
                                             << "{{ env `A` }}";
    }

    void fixQuoting()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(upgrade::GoTemplateRunner::fixQuoting(in), out);
    }

    void quotedString_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("template introducers") << "${a} %{b} $c"
                                              << "\"$${a} %%{b} $c\"";
        QTest::newRow("escapes") << "a\"b\\c\nd\te"
                                 << "\"a\\\"b\\\\c\\nd\\te\"";
        QTest::newRow("control") << QStringLiteral("\x01") << "\"\\u0001\"";
    }

    void quotedString()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(upgrade::HclValueText::quoted(in), out);
    }
};

QTEST_APPLESS_MAIN(TestHcl2Upgrade)
#include "tst_hcl2_upgrade.moc"

// The designer's Export dialog: live preview from `kiln export` per target and runner,
// the right QScintilla lexer for each, and Save writing exactly what is previewed.

#include "app/ui/export/ExportDialog.h"

#include <QComboBox>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexeryaml.h>
#include <Qsci/qsciscintilla.h>

using kiln::models::ExportPreview;
using kiln::ui::ExportDialog;

namespace {

QString fixture(const QString &rel)
{
    return QStringLiteral(KILN_FIXTURES_DIR "/export/") + rel;
}

// Waits for the preview started by the last change.
bool waitForPreview(ExportDialog &dialog)
{
    QSignalSpy ready(dialog.preview(), &ExportPreview::previewReady);
    return dialog.preview()->isRunning() ? ready.wait(30000) : true;
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void arguments()
    {
        QCOMPARE(ExportPreview::arguments(ExportPreview::Target::GitLab,
                     ExportPreview::Runner::Kiln, QStringLiteral("t")),
            (QStringList{QStringLiteral("export"), QStringLiteral("-ci=gitlab"),
                QStringLiteral("-runner=kiln"), QStringLiteral("t")}));
        QCOMPARE(ExportPreview::arguments(
                     ExportPreview::Target::Json, ExportPreview::Runner::Kiln, QStringLiteral("t")),
            (QStringList{
                QStringLiteral("export"), QStringLiteral("-format=json"), QStringLiteral("t")}));
    }

    void livePreviewPerTarget()
    {
        ExportDialog dialog(fixture(QStringLiteral("matrix")), QStringLiteral(KILN_BINARY));
        QVERIFY(waitForPreview(dialog));
        QVERIFY(dialog.preview()->ok());
        QVERIFY(qobject_cast<QsciLexerYAML *>(dialog.editor()->lexer()));
        QVERIFY(dialog.editor()->text().contains(QLatin1String("uses: hashicorp/setup-packer@v3")));
        QVERIFY(dialog.editor()->text().contains(QLatin1String("- file.hello")));
        QVERIFY(dialog.editor()->isReadOnly());

        dialog.setRunner(ExportPreview::Runner::Kiln);
        QVERIFY(waitForPreview(dialog));
        QVERIFY(dialog.editor()->text().contains(QLatin1String("name: Install Kiln")));

        dialog.setTarget(ExportPreview::Target::GitLab);
        QVERIFY(waitForPreview(dialog));
        QVERIFY(dialog.editor()->text().contains(QLatin1String("parallel:")));
        QVERIFY(dialog.editor()->text().contains(QLatin1String("KILN_BIN: kiln")));

        dialog.setTarget(ExportPreview::Target::Json);
        QVERIFY(waitForPreview(dialog));
        QVERIFY(qobject_cast<QsciLexerJSON *>(dialog.editor()->lexer()));
        QVERIFY(dialog.editor()->text().startsWith(QLatin1String("{\n  \"variable\": {")));
        QVERIFY(!dialog.findChildren<QComboBox *>().at(1)->isEnabled()); // no runner for a template

        dialog.setTarget(ExportPreview::Target::Hcl);
        QVERIFY(waitForPreview(dialog));
        QCOMPARE(QString::fromLatin1(dialog.editor()->lexer()->language()), QStringLiteral("HCL"));
        QVERIFY(dialog.editor()->text().contains(QLatin1String("source \"file\" \"hello\" {")));
        QVERIFY(!dialog.editor()->text().contains(QLatin1String("fixture-token-s3cr3t")));
    }

    void warningsShown()
    {
        ExportDialog dialog(
            fixture(QStringLiteral("kiln-only/convert.pkr.hcl")), QStringLiteral(KILN_BINARY));
        QVERIFY(waitForPreview(dialog));
        dialog.setRunner(ExportPreview::Runner::Packer);
        QVERIFY(waitForPreview(dialog));
        QVERIFY(dialog.message().contains(
            QLatin1String("post-processor \"image-convert\" is a Kiln component")));
    }

    void errorsShown()
    {
        ExportDialog untitled(QString(), QStringLiteral(KILN_BINARY));
        QVERIFY(waitForPreview(untitled));
        QVERIFY(!untitled.preview()->ok());
        QCOMPARE(untitled.message(),
            QStringLiteral("Save the template first: the export reads it from disk."));

        ExportDialog missing(QStringLiteral("/nonexistent.pkr.hcl"), QStringLiteral(KILN_BINARY));
        QVERIFY(waitForPreview(missing));
        QVERIFY(!missing.preview()->ok());
        QCOMPARE(missing.message(),
            QStringLiteral("Error: stat /nonexistent.pkr.hcl: no such file or directory"));
        QVERIFY(missing.editor()->text().isEmpty());
    }

    void saveWritesThePreview()
    {
        ExportDialog dialog(fixture(QStringLiteral("matrix")), QStringLiteral(KILN_BINARY));
        dialog.setTarget(ExportPreview::Target::GitLab);
        QVERIFY(waitForPreview(dialog));
        QVERIFY(dialog.suggestedPath().endsWith(QLatin1String("/.gitlab-ci.yml")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ci/.gitlab-ci.yml"));
        QString error;
        QVERIFY2(dialog.saveTo(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), dialog.editor()->text());
        if (!qEnvironmentVariableIsEmpty("KILN_EXPORT_SCREENSHOT")) {
            dialog.resize(900, 700);
            dialog.show();
            QTest::qWait(200);
            dialog.grab().save(qEnvironmentVariable("KILN_EXPORT_SCREENSHOT"));
        }
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_export_dialog.moc"

// File ▸ New from Example and File ▸ Upgrade to HCL2 in the window: the gallery
// lists the real bundled examples, choosing one makes an unsaved document with
// its text, and a legacy JSON template upgrades to Packer's exact HCL2 output.
#include "app/models/document/TemplateDocument.h"
#include "app/models/files/ExampleCatalog.h"
#include "app/ui/MainWindow.h"
#include "app/ui/build/ProblemsView.h"
#include "app/ui/files/ExampleGalleryDialog.h"

#include <QAction>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln;

namespace {

QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

const QString upgradeFixtures
    = QStringLiteral(KILN_CORPUS_DIR "/packer-v1.9.5/command/test-fixtures/hcl2_upgrade/");

} // namespace

class TestNewDocuments : public QObject
{
    Q_OBJECT

private slots:
    void galleryListsTheBundledExamples()
    {
        const models::ExampleCatalog catalog(QStringLiteral(KILN_SOURCE_DIR "/resources/examples"));
        QVERIFY(catalog.examples().size() >= 2);
        ui::ExampleGalleryDialog dialog(catalog);
        QCOMPARE(dialog.list()->count(), catalog.examples().size());
        for (int i = 0; i < catalog.examples().size(); ++i) {
            QCOMPARE(dialog.list()->item(i)->text(), catalog.examples().at(i).name);
            QCOMPARE(dialog.list()->item(i)->toolTip(), catalog.examples().at(i).description);
        }
        const auto found = dialog.list()->findItems(QStringLiteral("release"), Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        dialog.list()->setCurrentItem(found.first());
        QCOMPARE(dialog.selected()->name, QStringLiteral("release"));
        const QString text = readFile(
            QStringLiteral(KILN_SOURCE_DIR "/resources/examples/release/release.pkr.hcl"));
        QCOMPARE(dialog.findChild<QPlainTextEdit *>()->toPlainText(), text);
    }

    void emptyGalleryCannotCreate()
    {
        QTemporaryDir dir;
        const models::ExampleCatalog catalog(dir.path());
        ui::ExampleGalleryDialog dialog(catalog);
        QCOMPARE(dialog.list()->count(), 0);
        QVERIFY(!dialog.selected());
    }

    void newFromExampleIsAnUnsavedCopy()
    {
        const models::ExampleCatalog catalog(QStringLiteral(KILN_SOURCE_DIR "/resources/examples"));
        ui::MainWindow w;
        QVERIFY(w.action(QStringLiteral("newFromExample")));
        for (const models::Example &e : catalog.examples()) {
            w.newFromExample(e);
            QVERIFY(w.document()->isUntitled());
            QVERIFY(!w.document()->isModified());
            QCOMPARE(w.document()->text(), readFile(e.mainFile));
            // The bundled examples are valid, complete pipelines.
            QVERIFY2(!w.document()->diagnostics().hasErrors(), qPrintable(e.name));
            QVERIFY(!w.document()->snapshot().builds.isEmpty());
        }
    }

    void upgradeOpensPackersOutput_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("without-annotations") << QStringLiteral("without-annotations");
        QTest::newRow("escaping") << QStringLiteral("escaping");
        QTest::newRow("placeholders") << QStringLiteral("placeholders");
    }

    void upgradeOpensPackersOutput()
    {
        QFETCH(QString, folder);
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("template.json"));
        QVERIFY(QFile::copy(upgradeFixtures + folder + QStringLiteral("/input.json"), json));
        ui::MainWindow w;
        QAction *upgrade = w.action(QStringLiteral("upgradeHcl2"));
        QVERIFY(upgrade);
        QVERIFY(!upgrade->isEnabled()); // the untitled HCL2 start document
        QVERIFY(w.openPath(json, true));
        QVERIFY(upgrade->isEnabled());

        QVERIFY(w.upgradeToHcl2());
        QVERIFY(w.document()->isUntitled());
        QCOMPARE(w.document()->syntax(), models::TemplateSyntax::Hcl2Native);
        QCOMPARE(w.document()->files(), QStringList{json + QStringLiteral(".pkr.hcl")});
        QCOMPARE(w.document()->text(),
            readFile(upgradeFixtures + folder + QStringLiteral("/expected.pkr.hcl")));
        QVERIFY(!upgrade->isEnabled());
        // Nothing is written until the user saves.
        QVERIFY(!QFile::exists(json + QStringLiteral(".pkr.hcl")));
    }

    void upgradeOfBrokenJsonFillsProblems()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("broken.json"));
        {
            QFile f(json);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"builders\": [{\"type\": \"null\"}], \"bogus\": 1}");
        }
        ui::MainWindow w;
        QVERIFY(w.openPath(json, true));
        QVERIFY(!w.upgradeToHcl2());
        QCOMPARE(w.document()->path(), json); // the JSON stays open
        QVERIFY(w.problems()->diagnostics().hasErrors());
        QVERIFY(w.problems()->diagnostics().at(0).summary.contains(QStringLiteral("bogus")));
    }
};

QTEST_MAIN(TestNewDocuments)
#include "tst_newdocuments.moc"

// Renders the designer window with real templates in light and dark palettes and
// writes PNGs (to $KILN_SCREENSHOT_DIR, else a temporary directory). Run it under
// `xvfb-run -a -s '-screen 0 1600x1000x24'` with -platform xcb for real fonts; it
// also checks what it renders so it is a test, not only a picture.
#include "app/models/document/TemplateDocument.h"
#include "app/ui/MainWindow.h"
#include "app/ui/build/BuildDock.h"
#include "app/ui/build/ConsolePane.h"
#include "app/ui/graph/NodeItem.h"
#include "app/ui/graph/PipelineScene.h"
#include "app/ui/graph/PipelineView.h"

#include <QApplication>
#include <QDockWidget>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QDir>
#include <QFile>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln;

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x24, 0x27, 0x2e), base(0x1b, 0x1e, 0x24), text(0xe6, 0xe8, 0xec);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x91, 0x9c));
    p.setColor(QPalette::Mid, QColor(0x3a, 0x3f, 0x4a));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x86, 0x90));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x86, 0x90));
    return p;
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    QString m_dir;
    QTemporaryDir m_tmp;

    void shoot(const QString &path, const QString &name, bool dark,
        const std::function<void(ui::MainWindow &)> &prepare = {})
    {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
        ui::MainWindow w;
        w.resize(1600, 1000);
        if (!path.isEmpty())
            QVERIFY(w.openPath(path, true));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(100);
        w.graphView()->fitAll();
        if (prepare)
            prepare(w);
        QTest::qWait(150);
        const QImage image = w.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(QDir(m_dir).filePath(name + QStringLiteral(".png"))));
    }

private slots:
    void initTestCase()
    {
        m_dir = qEnvironmentVariable("KILN_SCREENSHOT_DIR");
        if (m_dir.isEmpty())
            m_dir = m_tmp.path();
        QDir().mkpath(m_dir);
    }

    void emptyStart() { shoot({}, QStringLiteral("01-start-light"), false); }

    void bento()
    {
        const QString dir = QStringLiteral(KILN_CORPUS_DIR "/bento/packer_templates");
        shoot(dir, QStringLiteral("02-bento-light"), false, [](ui::MainWindow &w) {
            QVERIFY(w.scene()->nodeItems().size() > 3);
            QCOMPARE(w.document()->snapshot().builds.size(), 1);
        });
        shoot(dir, QStringLiteral("03-bento-dark"), true);
    }

    void multiBuild()
    {
        const QString file
            = QStringLiteral(KILN_SOURCE_DIR "/tests/app/ui/graph/fixtures/multi-build.pkr.hcl");
        shoot(file, QStringLiteral("04-multi-build-light"), false, [](ui::MainWindow &w) {
            QCOMPARE(w.document()->snapshot().builds.size(), 2);
            w.scene()->selectIds({QStringLiteral("build.0.provisioner.1")});
        });
        shoot(file, QStringLiteral("05-multi-build-dark"), true, [](ui::MainWindow &w) {
            w.scene()->selectIds({QStringLiteral("source.docker.ubuntu")});
            // The states the build dock reports while a run is under way.
            w.scene()->setRunState(QStringLiteral("container.docker.ubuntu"),
                QStringLiteral("running step StepProvision"));
            w.scene()->setRunState(QStringLiteral("artifacts.null.smoke"), QStringLiteral("done"));
            w.scene()->setRunState(
                QStringLiteral("artifacts.file.config"), QStringLiteral("failed"));
        });
    }

    void broken()
    {
        const QString file
            = QStringLiteral(KILN_SOURCE_DIR "/tests/app/ui/graph/fixtures/broken.pkr.hcl");
        shoot(file, QStringLiteral("06-diagnostics-light"), false,
            [](ui::MainWindow &w) { QVERIFY(!w.document()->diagnostics().isEmpty()); });
        shoot(file, QStringLiteral("07-syntax-error-dark"), true, [](ui::MainWindow &w) {
            // Break the text: the graph keeps the last valid pipeline, greyed, with a banner.
            models::TemplateDocument *doc = w.document();
            const int at = int(doc->text().indexOf(QStringLiteral("provisioner")));
            doc->applyUserEdit(doc->activeFile(), at, at, QStringLiteral("provisioner {{ "));
            doc->reparseNow();
            QVERIFY(!doc->isStructureCurrent());
            QVERIFY(!w.graphView()->bannerText().isEmpty());
        });
    }

    // A finished build's console tab with its first two steps folded (the gutter's markers,
    // the "⋯" after a folded header) and the last one open.
    void consoleFoldedSteps()
    {
        const QString file = QDir(m_tmp.path()).filePath(QStringLiteral("steps.pkr.hcl"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"(source "null" "web" {
  communicator = "none"
}

build {
  sources = ["source.null.web"]

  provisioner "shell-local" {
    inline = ["echo Installing packages", "for p in nginx curl jq ca-certificates; do echo Setting up $p; done"]
  }

  provisioner "shell-local" {
    inline = ["for i in 1 2 3 4 5 6; do echo wrote /etc/app/conf.d/$i.conf; done"]
  }

  provisioner "shell-local" {
    inline = ["echo Running smoke tests", "for t in http tls health metrics; do echo ok: $t; done"]
  }
}
)");
        f.close();
        for (const bool dark : {false, true}) {
            shoot(file,
                dark ? QStringLiteral("10-console-folded-dark")
                     : QStringLiteral("09-console-folded-light"),
                dark, [](ui::MainWindow &w) {
                    w.action(QStringLiteral("build"))->trigger();
                    ui::BuildDock *dock = w.buildDock();
                    QTRY_VERIFY_WITH_TIMEOUT(!dock->isRunning(), 30000);
                    ui::ConsolePane *pane = dock->pane(QStringLiteral("null.web"));
                    QVERIFY(pane);
                    dock->tabs()->setCurrentWidget(pane);
                    QList<int> headers;
                    for (QTextBlock b = pane->view()->document()->begin(); b.isValid();
                         b = b.next())
                        if (b.text().startsWith(QStringLiteral("==> Running local shell script")))
                            headers << b.blockNumber();
                    QCOMPARE(headers.size(), 3);
                    QVERIFY(pane->foldStep(headers.at(0)));
                    QVERIFY(pane->foldStep(headers.at(1)));
                    QVERIFY(pane->visibleLineCount() < pane->view()->document()->blockCount());
                    // Room for the console: the output dock taller, the steps from the top.
                    if (auto *dock = w.findChild<QDockWidget *>(QStringLiteral("outputDock")))
                        w.resizeDocks({dock}, {460}, Qt::Vertical);
                    QTest::qWait(50);
                    pane->view()->verticalScrollBar()->setValue(0);
                });
        }
    }

    void legacy()
    {
        const QString file = QStringLiteral(KILN_CORPUS_DIR
            "/packer-v1.9.5/command/test-fixtures/hcl2_upgrade/complete/input.json");
        shoot(file, QStringLiteral("08-legacy-light"), false,
            [](ui::MainWindow &w) { QVERIFY(w.document()->snapshot().sources.size() >= 1); });
    }

    // A legacy JSON template being designed: post-processors in the string, object and
    // array forms drawn as chains, a builder selected with its JSON values in the inspector.
    void legacyJsonDesigner()
    {
        const QString file = QStringLiteral(
            KILN_SOURCE_DIR "/tests/app/models/document/fixtures/legacy-complete.json");
        shoot(file, QStringLiteral("legacy-json-designer-light"), false, [](ui::MainWindow &w) {
            QCOMPARE(w.document()->snapshot().builds.first().chains.size(), 2);
            w.scene()->selectIds({QStringLiteral("source.amazon-ebs.named_builder")});
        });
        const QString forms = QStringLiteral(
            KILN_SOURCE_DIR "/tests/app/models/document/fixtures/legacy-postprocessors.json");
        shoot(forms, QStringLiteral("legacy-json-chains-dark"), true, [](ui::MainWindow &w) {
            QCOMPARE(w.document()->snapshot().builds.first().chains.size(), 4);
            w.scene()->selectIds({QStringLiteral("build.0.post-processor.2.1")});
        });
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"

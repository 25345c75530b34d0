// The designer in German (the longest strings), French, Spanish, Japanese and Chinese (CJK
// glyphs): renders the main window with a two-build template and writes PNGs to
// $KILN_SCREENSHOT_DIR (else a temporary directory) for a person to look at. Run it under
// `xvfb-run -a -s '-screen 0 1600x1000x24'` with -platform xcb for the real desktop path.
// It checks what it can without eyes: the language really is active, a font covers every
// character of the translated texts, and no button or label is narrower than its text.
#include "app/models/document/TemplateDocument.h"
#include "app/ui/MainWindow.h"
#include "app/ui/export/ExportDialog.h"
#include "app/ui/files/RecoveryBar.h"
#include "app/ui/files/ReloadBar.h"
#include "app/ui/graph/PipelineScene.h"
#include "app/ui/graph/PipelineView.h"
#include "app/ui/settings/LanguageSettings.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFontDatabase>
#include <QLabel>
#include <QMenuBar>
#include <QRawFont>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln;

namespace {

// Whether some installed font has a glyph for every character of text, as font fallback
// would pick it; a character no font has would render as a box.
QString uncovered(const QString &text, QFontDatabase::WritingSystem system)
{
    QList<QRawFont> fonts;
    for (const QString &family : QFontDatabase::families(system))
        fonts << QRawFont::fromFont(QFont(family), system);
    fonts << QRawFont::fromFont(QApplication::font());
    QString missing;
    for (const char32_t c : text.toUcs4()) {
        if (c < 0x80 || QChar::isSpace(c))
            continue;
        const bool found = std::any_of(fonts.cbegin(), fonts.cend(),
            [c](const QRawFont &f) { return f.isValid() && f.supportsCharacter(c); });
        if (!found)
            missing += QString::fromUcs4(&c, 1);
    }
    return missing;
}

// Widgets whose text is cut: a button or single-line label narrower than it asks to be.
QStringList clipped(const QWidget &window)
{
    QStringList out;
    for (const QAbstractButton *b : window.findChildren<QAbstractButton *>()) {
        if (!b->isVisible() || b->text().isEmpty())
            continue;
        if (b->width() < b->minimumSizeHint().width())
            out << QStringLiteral("button “%1”: %2 < %3")
                       .arg(b->text())
                       .arg(b->width())
                       .arg(b->minimumSizeHint().width());
    }
    for (const QLabel *l : window.findChildren<QLabel *>()) {
        if (!l->isVisible() || l->text().isEmpty() || l->wordWrap())
            continue;
        if (l->width() < l->minimumSizeHint().width())
            out << QStringLiteral("label “%1”: %2 < %3")
                       .arg(l->text())
                       .arg(l->width())
                       .arg(l->minimumSizeHint().width());
    }
    for (const QComboBox *c : window.findChildren<QComboBox *>()) {
        if (!c->isVisible())
            continue;
        if (c->width() < c->minimumSizeHint().width())
            out << QStringLiteral("combo box “%1”: %2 < %3")
                       .arg(c->currentText())
                       .arg(c->width())
                       .arg(c->minimumSizeHint().width());
    }
    // The menu bar shows every menu title (nothing goes into the overflow extension).
    const QMenuBar *bar = window.findChild<QMenuBar *>();
    if (bar && bar->actions().size() > 0) {
        const QRect last = bar->actionGeometry(bar->actions().last());
        if (last.isEmpty() || last.right() > bar->width())
            out << QStringLiteral("menu bar: “%1” does not fit").arg(bar->actions().last()->text());
    }
    return out;
}

} // namespace

class TestI18nScreenshots : public QObject
{
    Q_OBJECT

private:
    QString m_dir;
    QTemporaryDir m_tmp;

    void shoot(const QString &code, const QString &name, const QStringList &menuTitles,
        QFontDatabase::WritingSystem system, const QString &fixture = QStringLiteral("multi-build"),
        const std::function<void(ui::MainWindow &)> &prepare = {})
    {
        QVERIFY(ui::LanguageSettings::apply(code));
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        ui::MainWindow w;
        w.resize(1600, 1000);
        const QString file
            = QStringLiteral(KILN_SOURCE_DIR "/tests/app/ui/graph/fixtures/%1.pkr.hcl")
                  .arg(fixture);
        QVERIFY(w.openPath(file, true));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(100);
        w.graphView()->fitAll();
        // A run under way: the lanes and the build dock show their translated states.
        w.scene()->setRunState(QStringLiteral("container.docker.ubuntu"),
            QStringLiteral("running step StepProvision"));
        w.scene()->setRunState(QStringLiteral("artifacts.null.smoke"), QStringLiteral("done"));
        if (prepare)
            prepare(w);
        QTest::qWait(150);

        QStringList titles;
        QString allText;
        for (const QAction *a : w.menuBar()->actions()) {
            titles << a->text();
            allText += a->text();
            if (a->menu())
                for (const QAction *entry : a->menu()->actions())
                    allText += entry->text();
        }
        for (const QString &t : menuTitles)
            QVERIFY2(titles.contains(t), qPrintable(titles.join(u' ')));
        for (const QWidget *child : w.findChildren<QWidget *>()) {
            if (const auto *l = qobject_cast<const QLabel *>(child))
                allText += l->text();
            else if (const auto *b = qobject_cast<const QAbstractButton *>(child))
                allText += b->text();
        }
        for (const QTabBar *tabs : w.findChildren<QTabBar *>())
            for (int i = 0; i < tabs->count(); ++i)
                allText += tabs->tabText(i);
        const QString missing = uncovered(allText, system);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no font for: ") + missing));
        const QStringList cut = clipped(w);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));

        const QImage image = w.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(QDir(m_dir).filePath(name + QStringLiteral(".png"))));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_dir = qEnvironmentVariable("KILN_SCREENSHOT_DIR");
        if (m_dir.isEmpty())
            m_dir = m_tmp.path();
        QDir().mkpath(m_dir);
    }

    void cleanupTestCase() { ui::LanguageSettings::apply(QStringLiteral("en")); }

    void german()
    {
        shoot(QStringLiteral("de"), QStringLiteral("i18n-de"),
            {QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"), QStringLiteral("&Ansicht"),
                QStringLiteral("&Einstellungen")},
            QFontDatabase::Latin);
    }

    void japanese()
    {
        QVERIFY2(!QFontDatabase::families(QFontDatabase::Japanese).isEmpty(),
            "no Japanese font installed (fonts-noto-cjk)");
        shoot(QStringLiteral("ja"), QStringLiteral("i18n-ja"),
            {QStringLiteral("ファイル(&F)"), QStringLiteral("編集(&E)"), QStringLiteral("表示(&V)"),
                QStringLiteral("設定(&S)")},
            QFontDatabase::Japanese);
    }

    // The bars above the editor and the Problems tab carry the longest German sentences.
    void germanBarsAndProblems()
    {
        shoot(QStringLiteral("de"), QStringLiteral("i18n-de-bars"), {QStringLiteral("&Datei")},
            QFontDatabase::Latin, QStringLiteral("broken"), [](ui::MainWindow &w) {
                QVERIFY(!w.document()->diagnostics().isEmpty());
                w.reloadBar()->ask({w.document()->activeFile()});
                models::AutosaveEntry entry;
                entry.path = w.document()->path();
                entry.savedAt = QDateTime(QDate(2026, 3, 14), QTime(9, 26));
                w.recoveryBar()->offer(entry);
                for (QTabWidget *tabs : w.findChildren<QTabWidget *>())
                    for (int i = 0; i < tabs->count(); ++i)
                        if (tabs->tabText(i).startsWith(QStringLiteral("Probleme")))
                            tabs->setCurrentIndex(i);
            });
    }

    void germanExportDialog()
    {
        QVERIFY(ui::LanguageSettings::apply(QStringLiteral("de")));
        ui::ExportDialog dialog(
            QStringLiteral(KILN_SOURCE_DIR "/tests/app/ui/graph/fixtures/multi-build.pkr.hcl"),
            QStringLiteral(KILN_BINARY));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Exportieren"));
        QTest::qWait(300);
        const QStringList cut = clipped(dialog);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
        QVERIFY(dialog.grab().save(QDir(m_dir).filePath(QStringLiteral("i18n-de-export.png"))));
    }

    void french()
    {
        shoot(QStringLiteral("fr"), QStringLiteral("i18n-fr"),
            {QStringLiteral("&Fichier"), QStringLiteral("É&dition"), QStringLiteral("&Paramètres")},
            QFontDatabase::Latin);
    }

    void spanish()
    {
        shoot(QStringLiteral("es"), QStringLiteral("i18n-es"),
            {QStringLiteral("&Archivo"), QStringLiteral("&Editar"),
                QStringLiteral("&Configuración")},
            QFontDatabase::Latin);
    }

    void simplifiedChinese()
    {
        QVERIFY(!QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty());
        shoot(QStringLiteral("zh_CN"), QStringLiteral("i18n-zh_CN"),
            {QStringLiteral("文件(&F)"), QStringLiteral("设置(&S)")},
            QFontDatabase::SimplifiedChinese);
    }
};

QTEST_MAIN(TestI18nScreenshots)
#include "tst_i18nscreenshots.moc"

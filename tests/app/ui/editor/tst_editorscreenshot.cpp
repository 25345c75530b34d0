#include "app/ui/editor/TemplateTextEditor.h"
#include "components/Builtins.h"
#include "engine/hcl/Parser.h"
#include "engine/registry/Registry.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QScreen>
#include <QTest>

using kiln::ui::TemplateTextEditor;

// Renders the editor on a real template (bento's build file) with one real parse error, in
// the light and the dark palette, and writes PNGs next to the test binary
// (editor-light.png, editor-dark.png) for a person to look at. Run it under
// `xvfb-run -a -s '-screen 0 1600x1000x24'` for the fonts of a real desktop.
class TestEditorScreenshot : public QObject
{
    Q_OBJECT

private:
    QString render(const QPalette &palette, const QString &name)
    {
        QFile file(QStringLiteral(KILN_CORPUS_DIR "/bento/packer_templates/pkr-builder.pkr.hcl"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QString text = QString::fromUtf8(file.readAll());
        // One mistake a user makes: a duration without quotes.
        const QString anchor = QStringLiteral("    expect_disconnect = true\n");
        const qsizetype at = text.indexOf(anchor);
        if (at < 0)
            return {};
        text.insert(at + anchor.size(), QStringLiteral("    timeout           = 10s\n"));

        kiln::hcl::Diagnostics diags;
        kiln::hcl::parseConfig(text.toUtf8(), QStringLiteral("pkr-builder.pkr.hcl"), diags);
        if (diags.size() != 1) // exactly the one mistake
            return {};

        kiln::registry::Registry registry;
        kiln::components::registerBuiltins(registry);
        TemplateTextEditor editor;
        editor.setPalette(palette);
        editor.setRegistry(&registry);
        editor.setFileName(QStringLiteral("pkr-builder.pkr.hcl"));
        editor.resetText(text);
        editor.setDiagnostics(diags);
        editor.resize(1100, 760);
        editor.show();
        if (!QTest::qWaitForWindowExposed(&editor))
            return {};
        // Fold the locals block so the build block is in view, as a user would, then put
        // the mistake a third of the way down.
        editor.foldLine(0);
        const int line = diags.first().subject->start.line - 1;
        editor.revealLineColumn(line + 1, diags.first().subject->start.column);
        const long visible = editor.SendScintilla(QsciScintilla::SCI_VISIBLEFROMDOCLINE, line);
        editor.SendScintilla(QsciScintilla::SCI_SETFIRSTVISIBLELINE, std::max(0L, visible - 12));
        QApplication::processEvents();
        const QString path = QDir(QCoreApplication::applicationDirPath()).filePath(name);
        return editor.grab().save(path) ? path : QString();
    }

private slots:
    void lightAndDark()
    {
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, QColor(0x20, 0x20, 0x20));
        light.setColor(QPalette::Window, QColor(0xf3, 0xf3, 0xf3));
        light.setColor(QPalette::Highlight, QColor(0xad, 0xd6, 0xff));
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::Text, QColor(0xdc, 0xdc, 0xdc));
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        dark.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Highlight, QColor(0x26, 0x4f, 0x78));
        for (const auto &[palette, name] :
            {std::pair{light, "editor-light.png"}, {dark, "editor-dark.png"}}) {
            const QString path = render(palette, QString::fromLatin1(name));
            QVERIFY2(!path.isEmpty(), name);
            const QImage image(path);
            QCOMPARE(image.size(), QSize(1100, 760) * image.devicePixelRatio());
        }
    }

    // The completion list is a popup of its own: grab the screen around the editor.
    void completionList()
    {
        kiln::registry::Registry registry;
        kiln::components::registerBuiltins(registry);
        TemplateTextEditor editor;
        editor.setRegistry(&registry);
        editor.resetText(
            QStringLiteral("build {\n  provisioner \"shell\" {\n    inline = [\"echo hi\"]\n"
                           "    ex\n  }\n}\n"));
        editor.resize(900, 400);
        editor.move(0, 0);
        editor.show();
        editor.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        editor.setFocus();
        const qsizetype at = editor.text().indexOf(QStringLiteral("ex\n")) + 2;
        editor.selectRange(at, at);
        editor.showCompletions();
        QVERIFY(editor.isListActive());
        editor.SendScintilla(QsciScintilla::SCI_LINEDOWN); // moves the list's selection
        QTest::qWait(300);
        const QPixmap shot = editor.screen()->grabWindow(0, 0, 0, 900, 400);
        const QString path
            = QDir(QCoreApplication::applicationDirPath()).filePath("editor-completion.png");
        QVERIFY(shot.save(path));
    }
};

QTEST_MAIN(TestEditorScreenshot)
#include "tst_editorscreenshot.moc"

#include "app/ui/editor/EditorDiagnostics.h"
#include "app/ui/editor/HclHighlighter.h"
#include "app/ui/editor/TemplateTextEditor.h"
#include "components/Builtins.h"
#include "engine/hcl/Parser.h"
#include "engine/registry/Registry.h"

#include <QApplication>
#include <QClipboard>
#include <QInputMethodEvent>
#include <QSignalSpy>
#include <QTest>
#include <Qsci/qscilexerjson.h>

using kiln::ui::EditorDiagnostics;
using kiln::ui::HclStyle;
using kiln::ui::TemplateTextEditor;

namespace {

// Replays userEdited signals on a copy of the text: after every user action the copy
// must equal the editor's text, which proves the offsets are UTF-16 offsets of the text
// before each change.
class EditMirror
{
public:
    EditMirror(TemplateTextEditor &editor)
        : m_text(editor.text())
    {
        QObject::connect(&editor, &TemplateTextEditor::userEdited,
            [this](qsizetype start, qsizetype end, const QString &text) {
                m_text.replace(start, end - start, text);
                ++m_count;
            });
    }
    QString m_text;
    int m_count = 0;
};

int styleAt(TemplateTextEditor &e, qsizetype offset)
{
    e.SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);
    return int(e.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, e.positionFromOffset(offset)));
}

int foldLevel(TemplateTextEditor &e, int line)
{
    e.SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);
    return int(e.SendScintilla(QsciScintilla::SCI_GETFOLDLEVEL, line));
}

const QString multibyte
    = QStringLiteral("# caf\u00e9 \U0001F600 \u4e2d\u6587\n"
                     "variable \"r\u00e9gion\" {\n  default = \"\U0001F680\"\n}\n"
                     "locals {\n  greeting = \"h\u00e9llo ${var.r\u00e9gion}\"\n}\n");

} // namespace

class TestTemplateTextEditor : public QObject
{
    Q_OBJECT

private slots:
    void offsetConversion()
    {
        TemplateTextEditor e;
        e.resetText(multibyte);
        QCOMPARE(e.text(), multibyte);
        for (qsizetype i = 0; i <= multibyte.size(); ++i) {
            if (i > 0 && multibyte[i - 1].isHighSurrogate())
                continue; // inside a surrogate pair there is no byte position
            const int bytes = int(multibyte.left(i).toUtf8().size());
            QCOMPARE(e.positionFromOffset(i), bytes);
            QCOMPARE(e.offsetFromPosition(bytes), i);
        }
        QCOMPARE(e.positionFromOffset(multibyte.size() + 10), int(multibyte.toUtf8().size()));
    }

    void typingPastingDeletingReportUtf16Edits()
    {
        TemplateTextEditor e;
        e.resetText(multibyte);
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        EditMirror mirror(e);
        QSignalSpy edits(&e, &TemplateTextEditor::userEdited);

        // Typing after the emoji of the first line.
        const qsizetype afterEmoji = multibyte.indexOf(QStringLiteral("\U0001F600")) + 2;
        e.selectRange(afterEmoji, afterEmoji);
        QTest::keyClicks(&e, QStringLiteral("ab"));
        // QTest::keyClicks only knows ASCII: send the key event for "é" directly.
        QTest::sendKeyEvent(
            QTest::Click, &e, Qt::Key_Eacute, QStringLiteral("\u00e9"), Qt::NoModifier);
        QCOMPARE(mirror.m_text, e.text());
        QCOMPARE(edits.size(), 3);
        QCOMPARE(edits.first().at(0).value<qsizetype>(), afterEmoji);
        QCOMPARE(edits.first().at(2).toString(), QStringLiteral("a"));

        // An emoji committed by an input method.
        QInputMethodEvent im;
        im.setCommitString(QStringLiteral("\U0001F40D"));
        QApplication::sendEvent(&e, &im);
        QCOMPARE(mirror.m_text, e.text());
        QVERIFY(e.text().contains(QStringLiteral("ab\u00e9\U0001F40D")));

        // Pasting multi-line, multibyte text over a selection: removal then insertion.
        const qsizetype rocket = e.text().indexOf(QStringLiteral("\U0001F680"));
        e.selectRange(rocket, rocket + 2);
        QApplication::clipboard()->setText(QStringLiteral("\u00fc\n\U0001F4A1"));
        edits.clear();
        e.paste();
        QCOMPARE(mirror.m_text, e.text());
        QCOMPARE(edits.size(), 2);
        QCOMPARE(edits[0].at(0).value<qsizetype>(), rocket);
        QCOMPARE(edits[0].at(1).value<qsizetype>(), rocket + 2);
        QCOMPARE(edits[0].at(2).toString(), QString());
        QCOMPARE(edits[1].at(2).toString(), QStringLiteral("\u00fc\n\U0001F4A1"));

        // Deleting an emoji with Backspace and a character with Delete.
        const qsizetype bulb = e.text().indexOf(QStringLiteral("\U0001F4A1"));
        e.selectRange(bulb + 2, bulb + 2);
        edits.clear();
        QTest::keyClick(&e, Qt::Key_Backspace);
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits[0].at(0).value<qsizetype>(), bulb);
        QCOMPARE(edits[0].at(1).value<qsizetype>(), bulb + 2);
        QTest::keyClick(&e, Qt::Key_Delete);
        QCOMPARE(mirror.m_text, e.text());

        // Deleting a selection spanning lines.
        e.selectRange(0, e.text().indexOf(u'{'));
        QTest::keyClick(&e, Qt::Key_Delete);
        QCOMPARE(mirror.m_text, e.text());
        QVERIFY(e.text().startsWith(u'{'));
    }

    void programmaticEditsAreSilent()
    {
        TemplateTextEditor e;
        QSignalSpy edits(&e, &TemplateTextEditor::userEdited);
        e.resetText(multibyte);
        const qsizetype value = multibyte.indexOf(QStringLiteral("\U0001F680"));
        const qsizetype greeting = multibyte.indexOf(QStringLiteral("greeting"));
        e.selectRange(greeting, greeting); // cursor after the edit
        e.applyEdit(value, value + 2, QStringLiteral("\u00e9t\u00e9"));
        QCOMPARE(edits.size(), 0);
        QString expected = multibyte;
        expected.replace(value, 2, QStringLiteral("\u00e9t\u00e9"));
        QCOMPARE(e.text(), expected);
        QCOMPARE(e.cursorOffset(), greeting + 1); // shifted by the edit
        // An insertion after the cursor leaves it alone.
        e.applyEdit(expected.size(), expected.size(), QStringLiteral("\n# end"));
        QCOMPARE(e.cursorOffset(), greeting + 1);
        QCOMPARE(edits.size(), 0);
    }

    void undoIsRequestedNotPerformed()
    {
        TemplateTextEditor e;
        e.resetText(QStringLiteral("a = 1\n"));
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        QSignalSpy undo(&e, &TemplateTextEditor::undoRequested);
        QSignalSpy redo(&e, &TemplateTextEditor::redoRequested);
        e.selectRange(5, 5);
        QTest::keyClicks(&e, QStringLiteral("2"));
        QCOMPARE(e.text(), QStringLiteral("a = 12\n"));
        QTest::keyClick(&e, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(undo.size(), 1);
        QCOMPARE(e.text(), QStringLiteral("a = 12\n")); // the document undoes, not Scintilla
        QVERIFY(!e.SendScintilla(QsciScintilla::SCI_CANUNDO));
        QTest::keyClick(&e, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(&e, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(redo.size(), 2);
        QCOMPARE(undo.size(), 1);
    }

    void diagnosticsFromTheParser()
    {
        // A real parse error after multibyte text: its byte range must land on the token.
        const QString text
            = QStringLiteral("# \u00e9\u00e9 \U0001F600\nbuild {\n  name = \"caf\u00e9\" +\n}\n"
                             "source \"null\" \"x\" {}\n");
        kiln::hcl::Diagnostics diags;
        kiln::hcl::parseConfig(text.toUtf8(), QStringLiteral("t.pkr.hcl"), diags);
        QVERIFY(diags.hasErrors());
        kiln::hcl::Diagnostic warning = kiln::hcl::Diagnostic::warning(
            QStringLiteral("Odd source"), QStringLiteral("Detail line"), diags.first().subject);
        const qsizetype sourceAt = text.indexOf(QStringLiteral("\"null\""));
        warning.subject->start.byte = int(text.left(sourceAt).toUtf8().size());
        warning.subject->end.byte = warning.subject->start.byte + 6;
        diags.append(warning);
        kiln::hcl::Diagnostic elsewhere = warning;
        elsewhere.subject->filename = QStringLiteral("other.pkr.hcl");
        elsewhere.subject->start.byte = 0;
        elsewhere.subject->end.byte = 3;
        diags.append(elsewhere);

        TemplateTextEditor e;
        e.setFileName(QStringLiteral("t.pkr.hcl"));
        e.resetText(text);
        e.setDiagnostics(diags);
        const auto indicatorAt = [&](int indicator, int byte) {
            return e.SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, indicator, byte) != 0;
        };
        const auto &subject = *diags.first().subject;
        const int errorLine = subject.start.line - 1;
        QVERIFY(indicatorAt(EditorDiagnostics::ErrorIndicator, subject.start.byte));
        QVERIFY(!indicatorAt(EditorDiagnostics::ErrorIndicator, 0));
        QVERIFY(e.markersAtLine(errorLine) & (1 << EditorDiagnostics::ErrorMarker));
        QVERIFY(e.annotation(errorLine).contains(diags.first().summary));
        const int sourceByte = warning.subject->start.byte;
        QVERIFY(indicatorAt(EditorDiagnostics::WarningIndicator, sourceByte + 3));
        QVERIFY(!indicatorAt(EditorDiagnostics::ErrorIndicator, sourceByte + 3));
        QVERIFY(!indicatorAt(EditorDiagnostics::WarningIndicator, sourceByte + 6));
        QVERIFY(!indicatorAt(EditorDiagnostics::WarningIndicator, 1)); // other file ignored
        const int warningLine
            = int(e.SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, sourceByte));
        QVERIFY(e.markersAtLine(warningLine) & (1 << EditorDiagnostics::WarningMarker));
        QCOMPARE(e.annotation(warningLine), QStringLiteral("Warning: Odd source\nDetail line"));
        QCOMPARE(e.markersAtLine(0), 0u);

        e.setDiagnostics({});
        QVERIFY(!indicatorAt(EditorDiagnostics::ErrorIndicator, subject.start.byte));
        QCOMPARE(e.markersAtLine(errorLine), 0u);
        QVERIFY(e.annotation(errorLine).isEmpty());
    }

    void goToDefinition_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("skip"); // characters into the reference where the cursor is
        QTest::addColumn<QString>("declaration");
        QTest::newRow("variable") << "var.r\u00e9gion}" << 6 << "r\u00e9gion\" {";
        QTest::newRow("local") << "local.stamp" << 2 << "stamp =";
        QTest::newRow("source reference") << "source.docker.ubuntu\"" << 15 << "ubuntu\" {";
        QTest::newRow("build source block") << "docker.ubuntu\" {\n    name" << 3 << "ubuntu\" {";
        QTest::newRow("data source") << "data.http.page.body" << 12 << "page\" {";
    }

    void goToDefinition()
    {
        QFETCH(QString, reference);
        QFETCH(int, skip);
        QFETCH(QString, declaration);
        const QString text = QStringLiteral(
            "variable \"r\u00e9gion\" {}\nlocals {\n  stamp = 1\n}\n"
            "source \"docker\" \"ubuntu\" {}\ndata \"http\" \"page\" {}\n"
            "build {\n  sources = [\"source.docker.ubuntu\"]\n  name = \"${var.r\u00e9gion}\"\n"
            "  description = local.stamp\n  source \"docker.ubuntu\" {\n    name = "
            "data.http.page.body\n  }\n}\n");
        TemplateTextEditor e;
        e.resetText(text);
        const qsizetype ref = text.lastIndexOf(reference);
        QVERIFY(ref >= 0);
        QVERIFY(e.goToDefinition(ref + skip));
        const qsizetype decl = text.indexOf(declaration);
        int lineFrom, indexFrom, lineTo, indexTo;
        e.getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
        QCOMPARE(e.offsetFromPosition(e.positionFromLineIndex(lineFrom, indexFrom)), decl);
        QCOMPARE(e.selectedText(), declaration.section(u'"', 0, 0).section(u' ', 0, 0));
    }

    void goToDefinitionWithF12()
    {
        TemplateTextEditor e;
        e.resetText(QStringLiteral("variable \"x\" {}\nlocals {\n  y = var.x\n}\n"));
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        e.selectRange(e.text().indexOf(QStringLiteral("var.x")) + 4,
            e.text().indexOf(QStringLiteral("var.x")) + 4);
        QTest::keyClick(&e, Qt::Key_F12);
        QCOMPARE(e.selectedText(), QStringLiteral("x"));
        QCOMPARE(e.cursorOffset(), 11);
        QVERIFY(!e.goToDefinition(0)); // "variable" is no reference
    }

    void goToDefinitionWithCtrlClick()
    {
        TemplateTextEditor e;
        const QString text
            = QStringLiteral("locals {\n  here = 1\n}\nbuild {\n  name = local.here\n}\n");
        e.resetText(text);
        e.resize(600, 300);
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        const int pos = e.positionFromOffset(text.indexOf(QStringLiteral("local.here")) + 8);
        const QPoint p(int(e.SendScintilla(QsciScintilla::SCI_POINTXFROMPOSITION, 0, pos)) + 2,
            int(e.SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0, pos)) + 4);
        QSignalSpy moved(&e, &TemplateTextEditor::cursorOffsetChanged);
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::ControlModifier, p);
        QCOMPARE(e.selectedText(), QStringLiteral("here"));
        QCOMPARE(e.cursorOffset(), text.indexOf(QStringLiteral("here")) + 4);
        QVERIFY(!moved.isEmpty());
        QCOMPARE(moved.last().first().value<qsizetype>(), e.cursorOffset());
        // A plain click only moves the cursor.
        QTest::mouseClick(e.viewport(), Qt::LeftButton, Qt::NoModifier, p);
        QVERIFY(e.selectedText().isEmpty());
    }

    void revealLineColumn()
    {
        TemplateTextEditor e;
        e.resetText(multibyte);
        QSignalSpy moved(&e, &TemplateTextEditor::cursorOffsetChanged);
        e.selectRange(0, 3); // the graph's selection is not echoed
        QCOMPARE(moved.size(), 0);
        // Line 1, column 8 is after "# café " + the emoji (columns count characters).
        e.revealLineColumn(1, 9);
        QCOMPARE(e.cursorOffset(), multibyte.indexOf(QStringLiteral(" \u4e2d")));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.first().first().value<qsizetype>(), e.cursorOffset());
        e.revealLineColumn(3, 200); // past the end of the line: its end
        QCOMPARE(e.cursorOffset(), multibyte.indexOf(QStringLiteral("\n}")));
    }

    void restyleInsideHeredocAndComments()
    {
        TemplateTextEditor e;
        const QString text
            = QStringLiteral("locals {\n  s = <<EOT\n  one\n  two\nEOT\n  after = 1\n}\n"
                             "/* c\n*/\nbuild {}\n");
        e.resetText(text);
        const qsizetype after = text.indexOf(QStringLiteral("after"));
        const qsizetype two = text.indexOf(QStringLiteral("two"));
        QCOMPARE(styleAt(e, after), int(HclStyle::Attribute));
        QCOMPARE(styleAt(e, two), int(HclStyle::String));
        // Closing the heredoc early, in its middle: "two" becomes code.
        e.applyEdit(two, two, QStringLiteral("EOT\n"));
        QCOMPARE(styleAt(e, two), int(HclStyle::Heredoc));
        QCOMPARE(styleAt(e, two + 6), int(HclStyle::BlockType)); // "two" now starts a statement
        // Undoing that: the rest is heredoc text again.
        e.applyEdit(two, two + 4, QString());
        QCOMPARE(styleAt(e, two), int(HclStyle::String));
        QCOMPARE(styleAt(e, after), int(HclStyle::Attribute));
        // Removing "*/" turns everything after it into comment; restoring it restores code.
        const qsizetype close = e.text().indexOf(QStringLiteral("*/"));
        const qsizetype build = e.text().indexOf(QStringLiteral("build"));
        QCOMPARE(styleAt(e, build), int(HclStyle::BlockType));
        e.applyEdit(close, close + 2, QString());
        QCOMPARE(styleAt(e, build - 2), int(HclStyle::Comment));
        e.applyEdit(close, close, QStringLiteral("*/"));
        QCOMPARE(styleAt(e, build), int(HclStyle::BlockType));
    }

    void folding()
    {
        TemplateTextEditor e;
        e.resetText(QStringLiteral(
            "build {\n  x = {\n    a = 1\n  }\n  s = <<EOT\n  t\nEOT\n}\nlocals {}\n"));
        const int header = QsciScintilla::SC_FOLDLEVELHEADERFLAG;
        const int base = QsciScintilla::SC_FOLDLEVELBASE;
        QVERIFY(foldLevel(e, 0) & header);
        QCOMPARE(foldLevel(e, 0) & QsciScintilla::SC_FOLDLEVELNUMBERMASK, base);
        QVERIFY(foldLevel(e, 1) & header); // object
        QCOMPARE(foldLevel(e, 2) & QsciScintilla::SC_FOLDLEVELNUMBERMASK, base + 2);
        QVERIFY(foldLevel(e, 4) & header); // heredoc
        QCOMPARE(foldLevel(e, 5) & QsciScintilla::SC_FOLDLEVELNUMBERMASK, base + 2);
        QCOMPARE(foldLevel(e, 7) & QsciScintilla::SC_FOLDLEVELNUMBERMASK, base + 1); // "}"
        QVERIFY(!(foldLevel(e, 8) & header)); // a one-line block does not fold
        e.foldLine(0);
        QVERIFY(!e.SendScintilla(QsciScintilla::SCI_GETLINEVISIBLE, 3));
        e.revealLineColumn(4, 3); // revealing a folded line unfolds it
        QVERIFY(e.SendScintilla(QsciScintilla::SCI_GETLINEVISIBLE, 3));
    }

    void braceMatching()
    {
        TemplateTextEditor e;
        e.resetText(QStringLiteral("a = { b = \"}\" }\n"));
        e.SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);
        QCOMPARE(e.SendScintilla(QsciScintilla::SCI_BRACEMATCH, 4UL, 0L), 14L);
    }

    void json()
    {
        TemplateTextEditor e;
        e.setSyntax(TemplateTextEditor::Syntax::Json);
        const QString text
            = QStringLiteral("{\n  \"builders\": [\n    {\"type\": \"null\"}\n  ]\n}\n");
        e.resetText(text);
        QVERIFY(qobject_cast<QsciLexerJSON *>(e.lexer()));
        QCOMPARE(
            styleAt(e, text.indexOf(QStringLiteral("builders"))), int(QsciLexerJSON::Property));
        QCOMPARE(styleAt(e, text.indexOf(QStringLiteral("null"))), int(QsciLexerJSON::String));
        QVERIFY(foldLevel(e, 0) & QsciScintilla::SC_FOLDLEVELHEADERFLAG);
        // Completion and go-to-definition are HCL2 notions.
        e.selectRange(text.indexOf(QStringLiteral("null")), text.indexOf(QStringLiteral("null")));
        e.showCompletions();
        QVERIFY(!e.isListActive());
        QVERIFY(!e.goToDefinition(5));
        e.setSyntax(TemplateTextEditor::Syntax::Hcl);
        QVERIFY(!qobject_cast<QsciLexerJSON *>(e.lexer()));
    }

    void completionListAndAcceptance()
    {
        kiln::registry::Registry registry;
        kiln::components::registerBuiltins(registry);
        TemplateTextEditor e;
        e.setRegistry(&registry);
        e.resetText(QStringLiteral("sou"));
        e.show();
        e.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&e));
        e.setFocus();
        e.selectRange(3, 3);
        e.showCompletions();
        QVERIFY(e.isListActive());
        e.SendScintilla(QsciScintilla::SCI_AUTOCCOMPLETE);
        QCOMPARE(e.text(), QStringLiteral("source \""));
        // The accepted item chains into the builder types.
        QTRY_VERIFY(e.isListActive());
        QTest::keyClicks(&e, QStringLiteral("doc"));
        e.SendScintilla(QsciScintilla::SCI_AUTOCCOMPLETE);
        QCOMPARE(e.text(), QStringLiteral("source \"docker"));
    }

    void callTipFollowsArguments()
    {
        TemplateTextEditor e;
        e.resetText(QStringLiteral("locals {\n  x = \n}\n"));
        e.show();
        QVERIFY(QTest::qWaitForWindowExposed(&e));
        e.selectRange(15, 15);
        QTest::keyClicks(&e, QStringLiteral("join("));
        QVERIFY(e.SendScintilla(QsciScintilla::SCI_CALLTIPACTIVE));
        QTest::keyClicks(&e, QStringLiteral("\",\", [\"a\"])"));
        QVERIFY(!e.SendScintilla(QsciScintilla::SCI_CALLTIPACTIVE));
    }

    void followsThePalette()
    {
        TemplateTextEditor e;
        e.resetText(QStringLiteral("a = 1\n"));
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
        e.setPalette(dark);
        const long paper
            = e.SendScintilla(QsciScintilla::SCI_STYLEGETBACK, int(HclStyle::Attribute));
        QCOMPARE(QColor(int(paper & 0xff), int((paper >> 8) & 0xff), int((paper >> 16) & 0xff)),
            QColor(0x1e, 0x1e, 0x1e));
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        e.setPalette(light);
        const long lightPaper
            = e.SendScintilla(QsciScintilla::SCI_STYLEGETBACK, int(HclStyle::Attribute));
        QCOMPARE(QColor(int(lightPaper & 0xff), int((lightPaper >> 8) & 0xff),
                     int((lightPaper >> 16) & 0xff)),
            QColor(Qt::white));
    }
};

QTEST_MAIN(TestTemplateTextEditor)
#include "tst_templatetexteditor.moc"

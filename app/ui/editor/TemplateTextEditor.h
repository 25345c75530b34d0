#pragma once

#include "engine/hcl/Diagnostic.h"

#include <QList>
#include <QString>
#include <Qsci/qsciscintilla.h>
#include <functional>
#include <optional>
#include <utility>

class QsciLexerJSON;

namespace kiln::registry {
class Registry;
}

namespace kiln::ui {

class EditorCompletion;
class EditorDiagnostics;
class HclLexer;

// The template text view of the designer: QScintilla with Kiln's HCL2 lexer (or JSON),
// folding, brace matching, diagnostics (squiggles, margin markers, annotations), completion
// from the component schemas, call tips and go-to-definition.
//
// Every position in this API is a UTF-16 offset into the QString text (what QString and the
// designer's document use); Scintilla works in UTF-8 bytes internally and the editor
// converts. Line/column pairs are 1-based as in hcl::SourceRange (column in characters).
//
// Undo: the document owns one undo stack over the text (graph and text edits undo
// together), so Scintilla's own undo collection is off; Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y
// (and the context menu) emit undoRequested()/redoRequested() instead, and the document
// answers with applyEdit() or resetText().
class TemplateTextEditor : public QsciScintilla
{
    Q_OBJECT
public:
    enum class Syntax { Hcl, Json };

    explicit TemplateTextEditor(QWidget *parent = nullptr);
    ~TemplateTextEditor() override;

    void setSyntax(Syntax syntax);
    Syntax syntax() const { return m_syntax; }
    // The component catalogue completion reads schemas from; may be null (no component
    // completion). Not owned; must outlive the editor or be reset.
    void setRegistry(const kiln::registry::Registry *registry);
    // The other files of a directory template (their text): completion offers what they
    // declare (var., local., source., data.) as well.
    void setCompanionTexts(const QStringList &texts);
    // The other files of a directory template as (file name, current text), asked for
    // when needed: go-to-definition resolves across them and completion offers what they
    // declare. Replaces setCompanionTexts() while set.
    using CompanionFiles = std::function<QList<std::pair<QString, QString>>()>;
    void setCompanionFiles(CompanionFiles companions);
    // Diagnostics whose SourceRange filename differs from this name are ignored.
    void setFileName(const QString &fileName);
    QString fileName() const { return m_fileName; }

    // Replaces the whole text (opening a file, undo of a large change); emits no userEdited.
    void resetText(const QString &text);
    // Replaces [start, end) with `text` on behalf of the document (a graph or inspector
    // edit, an undo step). Emits no userEdited. The cursor and the first visible line stay
    // where they were relative to the unchanged text around them.
    void applyEdit(qsizetype start, qsizetype end, const QString &text);

    // Shows these diagnostics (replacing the previous ones): a squiggle under each subject
    // (error red, warning amber), a marker in the margin of its line and an annotation
    // below the line with summary and detail.
    void setDiagnostics(const kiln::hcl::Diagnostics &diagnostics);

    // Scrolls [start, end) into view and selects it (unfolding as needed). Meant for the
    // graph's selection sync, so it does not emit cursorOffsetChanged.
    void selectRange(qsizetype start, qsizetype end);
    // Moves the cursor to a 1-based line and character column and scrolls it into view;
    // emits cursorOffsetChanged (the graph selects what the problem is about).
    void revealLineColumn(int line, int column);

    // Position conversion between the QString text (UTF-16 offsets) and Scintilla (bytes).
    qsizetype offsetFromPosition(int bytePosition) const;
    int positionFromOffset(qsizetype offset) const;
    qsizetype cursorOffset() const;

    // Jumps to the declaration of the reference at `offset` (var.x, local.x,
    // source.type.name, data.type.name, also inside "${...}" and heredocs), in this file
    // or a companion file (then fileJumpRequested asks the window to switch); false when
    // there is none. Bound to F12 and Ctrl+click. HCL2 only, as completion is. The place
    // jumped from is remembered for goBack().
    bool goToDefinition(qsizetype offset);
    // Returns to where the last go-to-definition jumped from (Alt+Left), switching file
    // through fileJumpRequested if needed; false when there is nowhere to go back to.
    bool goBack();
    bool canGoBack() const { return !m_backStack.isEmpty(); }
    // Selects [start, end) as a jump the user asked for: scrolled into view, and the graph
    // follows the cursor (cursorOffsetChanged), unlike selectRange().
    void jumpTo(qsizetype start, qsizetype end);
    // Opens the completion list for the cursor position (Ctrl+Space; also automatic after
    // typing an identifier character, '.', '"' or '=').
    void showCompletions();

signals:
    // Every change made by the user: [start, end) of the text before the change (UTF-16
    // offsets) was replaced by `text`. Typing over a selection reports the removal and
    // the insertion as two signals, each relative to the text at that moment.
    void userEdited(qsizetype start, qsizetype end, const QString &text);
    // The cursor moved (user moves, revealLineColumn, go-to-definition).
    void cursorOffsetChanged(qsizetype offset);
    // Go-to-definition or back navigation leads into another file of the template: the
    // window shows `file` in this editor, then calls jumpTo(start, end).
    void fileJumpRequested(const QString &file, qsizetype start, qsizetype end);
    void undoRequested();
    void redoRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onModified(int position, int type, const char *text, int length);
    void onCursorMoved();
    void applyColors();
    void applyLexer();
    int lineAt(int position) const;
    void refreshCompanionTexts();

    Syntax m_syntax = Syntax::Hcl;
    QString m_fileName;
    HclLexer *m_hclLexer = nullptr;
    QsciLexerJSON *m_jsonLexer = nullptr;
    EditorDiagnostics *m_diagnostics = nullptr;
    EditorCompletion *m_completion = nullptr;
    bool m_applyingColors = false;
    int m_programmaticEdit = 0; // >0 while the document, not the user, changes the text
    qsizetype m_lastCursorOffset = -1;
    CompanionFiles m_companions;
    struct Place
    {
        QString file;
        qsizetype start = 0;
        qsizetype end = 0;
    };
    QList<Place> m_backStack; // where go-to-definition jumped from, most recent last
    // Where the reference at `offset` is declared, in this file or a companion.
    std::optional<Place> definitionFor(qsizetype offset) const;
};

} // namespace kiln::ui

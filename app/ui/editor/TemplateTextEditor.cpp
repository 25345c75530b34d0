#include "app/ui/editor/TemplateTextEditor.h"

#include "app/models/completion/SymbolNavigator.h"
#include "app/ui/editor/EditorColors.h"
#include "app/ui/editor/EditorCompletion.h"
#include "app/ui/editor/EditorDiagnostics.h"
#include "app/ui/editor/HclLexer.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QToolTip>
#include <Qsci/qscilexerjson.h>

namespace kiln::ui {

namespace {

constexpr int LineNumberMargin = 0;
constexpr int FoldMargin = 2;

} // namespace

TemplateTextEditor::TemplateTextEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_hclLexer(new HclLexer(this))
    , m_jsonLexer(new QsciLexerJSON(this))
{
    setUtf8(true);
    // The document owns the undo stack (one stack for graph and text edits).
    SendScintilla(SCI_SETUNDOCOLLECTION, false);
    // Lets Scintilla convert between bytes and UTF-16 code units in O(log lines).
    SendScintilla(SCI_ALLOCATELINECHARACTERINDEX, SC_LINECHARACTERINDEX_UTF16);
    // Style the whole document in the background so folds exist for off-screen lines.
    SendScintilla(SCI_SETIDLESTYLING, SC_IDLESTYLING_ALL);

    setMarginType(LineNumberMargin, NumberMargin);
    setMarginWidth(LineNumberMargin, QStringLiteral("00000"));
    setFolding(BoxedTreeFoldStyle, FoldMargin);
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    setIndentationsUseTabs(false);
    setTabWidth(2);
    setAutoIndent(true);
    setIndentationGuides(true);
    setMouseTracking(true);
    // The horizontal scroll bar only when a line is wider than the view.
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, true);
    SendScintilla(SCI_SETMOUSEDWELLTIME, 500);

    m_diagnostics = new EditorDiagnostics(this);
    m_completion = new EditorCompletion(this);

    connect(this, &QsciScintillaBase::SCN_MODIFIED, this,
        [this](int position, int type, const char *text, int length, int, int, int, int, int, int) {
            onModified(position, type, text, length);
        });
    connect(this, &QsciScintilla::cursorPositionChanged, this, [this] { onCursorMoved(); });
    connect(this, &QsciScintilla::userListActivated, this,
        [this](int id, const QString &text) { m_completion->accept(id, text); });
    connect(this, &QsciScintillaBase::SCN_AUTOCSELECTIONCHANGE, this,
        [this](const char *selection, int, int) {
            m_completion->selectionChanged(QString::fromUtf8(selection));
        });
    connect(this, &QsciScintillaBase::SCN_CHARADDED, this, [this](int ch) {
        if (m_syntax == Syntax::Hcl)
            m_completion->characterAdded(ch);
    });
    connect(this, &QsciScintillaBase::SCN_DWELLSTART, this, [this](int position, int x, int y) {
        if (position < 0)
            return;
        // A diagnostic under the mouse comes first; else what the word under it is.
        QString text = m_diagnostics->textAt(position);
        if (text.isEmpty() && m_syntax == Syntax::Hcl)
            text = models::SymbolNavigator::describeAt(this->text(), offsetFromPosition(position));
        if (!text.isEmpty())
            QToolTip::showText(viewport()->mapToGlobal(QPoint(x, y + 16)), text, this);
    });
    connect(this, &QsciScintillaBase::SCN_DWELLEND, this, [] { QToolTip::hideText(); });

    applyLexer();
}

TemplateTextEditor::~TemplateTextEditor()
{
    delete m_completion;
    delete m_diagnostics;
}

void TemplateTextEditor::setSyntax(Syntax syntax)
{
    if (syntax == m_syntax && lexer())
        return;
    m_syntax = syntax;
    applyLexer();
}

void TemplateTextEditor::applyLexer()
{
    setLexer(m_syntax == Syntax::Hcl ? static_cast<QsciLexer *>(m_hclLexer) : m_jsonLexer);
    if (m_syntax == Syntax::Json) {
        const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        m_jsonLexer->setDefaultFont(mono);
        m_jsonLexer->setFont(mono, -1);
        m_jsonLexer->setFoldCompact(false);
    }
    applyColors();
}

void TemplateTextEditor::applyColors()
{
    const EditorColors colors = EditorColors::fromPalette(palette());
    m_hclLexer->applyColors(colors);
    m_jsonLexer->setDefaultPaper(colors.paper);
    m_jsonLexer->setPaper(colors.paper, -1);
    m_jsonLexer->setColor(colors.text, QsciLexerJSON::Default);
    m_jsonLexer->setColor(colors.style(HclStyle::Number), QsciLexerJSON::Number);
    m_jsonLexer->setColor(colors.style(HclStyle::String), QsciLexerJSON::String);
    m_jsonLexer->setColor(colors.error, QsciLexerJSON::UnclosedString);
    m_jsonLexer->setColor(colors.style(HclStyle::Attribute), QsciLexerJSON::Property);
    m_jsonLexer->setColor(colors.style(HclStyle::Escape), QsciLexerJSON::EscapeSequence);
    m_jsonLexer->setColor(colors.style(HclStyle::Comment), QsciLexerJSON::CommentLine);
    m_jsonLexer->setColor(colors.style(HclStyle::Comment), QsciLexerJSON::CommentBlock);
    m_jsonLexer->setColor(colors.style(HclStyle::Operator), QsciLexerJSON::Operator);
    m_jsonLexer->setColor(colors.style(HclStyle::Keyword), QsciLexerJSON::Keyword);
    m_jsonLexer->setColor(colors.error, QsciLexerJSON::Error);
    // Re-setting the lexer makes Scintilla pick up the new style colours.
    setLexer(m_syntax == Syntax::Hcl ? static_cast<QsciLexer *>(m_hclLexer) : m_jsonLexer);

    setMarginsBackgroundColor(colors.margin);
    setMarginsForegroundColor(colors.marginText);
    setFoldMarginColors(colors.margin, colors.margin);
    // Fold markers (Scintilla's markers 25-31): quiet outlines instead of white boxes.
    for (int marker = int(SC_MARKNUM_FOLDEREND); marker <= int(SC_MARKNUM_FOLDEROPEN); ++marker) {
        setMarkerForegroundColor(colors.paper, marker);
        setMarkerBackgroundColor(colors.marginText, marker);
    }
    setCaretForegroundColor(colors.text);
    setCaretLineBackgroundColor(colors.caretLine);
    setMatchedBraceBackgroundColor(colors.braceMatch);
    setMatchedBraceForegroundColor(colors.text);
    setUnmatchedBraceForegroundColor(colors.error);
    setSelectionBackgroundColor(colors.selection);
    setSelectionForegroundColor(palette().color(QPalette::HighlightedText));
    setIndentationGuidesBackgroundColor(colors.margin);
    setIndentationGuidesForegroundColor(colors.marginText);
    setMarginWidth(LineNumberMargin, QStringLiteral("00000"));
    m_diagnostics->applyColors(colors);
}

void TemplateTextEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange
        || event->type() == QEvent::ApplicationPaletteChange) {
        if (!m_applyingColors) {
            m_applyingColors = true;
            applyColors();
            m_applyingColors = false;
        }
    }
}

void TemplateTextEditor::setRegistry(const kiln::registry::Registry *registry)
{
    m_completion->setRegistry(registry);
}

void TemplateTextEditor::setCompanionTexts(const QStringList &texts)
{
    m_completion->setCompanionTexts(texts);
}

void TemplateTextEditor::setCompanionFiles(CompanionFiles companions)
{
    m_companions = std::move(companions);
}

void TemplateTextEditor::setFileName(const QString &fileName)
{
    m_fileName = fileName;
    // Completion while typing offers what the other files declare as of now.
    refreshCompanionTexts();
}

void TemplateTextEditor::refreshCompanionTexts()
{
    if (!m_companions)
        return;
    QStringList texts;
    for (const auto &[file, companionText] : m_companions())
        if (file != m_fileName && !file.endsWith(QLatin1String(".json")))
            texts << companionText;
    m_completion->setCompanionTexts(texts);
}

// Both conversions go through the line containing the position: Scintilla's UTF-16 line
// index gives the line's offset in O(log lines), and only that line's text is counted.
qsizetype TemplateTextEditor::offsetFromPosition(int bytePosition) const
{
    auto *self = const_cast<TemplateTextEditor *>(this);
    const long length = self->SendScintilla(SCI_GETLENGTH);
    const long pos = std::clamp<long>(bytePosition, 0, length);
    const long line = self->SendScintilla(SCI_LINEFROMPOSITION, pos);
    const long lineStart = self->SendScintilla(SCI_POSITIONFROMLINE, line);
    const long lineOffset
        = self->SendScintilla(SCI_INDEXPOSITIONFROMLINE, line, long(SC_LINECHARACTERINDEX_UTF16));
    return qsizetype(lineOffset + self->SendScintilla(SCI_COUNTCODEUNITS, lineStart, pos));
}

int TemplateTextEditor::positionFromOffset(qsizetype offset) const
{
    auto *self = const_cast<TemplateTextEditor *>(this);
    const long length = self->SendScintilla(SCI_GETLENGTH);
    if (offset <= 0)
        return 0;
    const long line = self->SendScintilla(
        SCI_LINEFROMINDEXPOSITION, long(offset), long(SC_LINECHARACTERINDEX_UTF16));
    const long lineStart = self->SendScintilla(SCI_POSITIONFROMLINE, line);
    const long lineOffset
        = self->SendScintilla(SCI_INDEXPOSITIONFROMLINE, line, long(SC_LINECHARACTERINDEX_UTF16));
    const long lineEnd
        = line + 1 < self->lines() ? self->SendScintilla(SCI_POSITIONFROMLINE, line + 1) : length;
    const long within = long(offset) - lineOffset;
    if (within <= 0)
        return int(lineStart);
    // SCI_POSITIONRELATIVECODEUNITS answers 0 when it runs past the end of the document.
    const long pos = self->SendScintilla(SCI_POSITIONRELATIVECODEUNITS, lineStart, within);
    return int(pos == 0 || pos > lineEnd ? lineEnd : pos);
}

qsizetype TemplateTextEditor::cursorOffset() const
{
    auto *self = const_cast<TemplateTextEditor *>(this);
    return offsetFromPosition(int(self->SendScintilla(SCI_GETCURRENTPOS)));
}

void TemplateTextEditor::resetText(const QString &text)
{
    ++m_programmaticEdit;
    setText(text);
    --m_programmaticEdit;
    SendScintilla(SCI_EMPTYUNDOBUFFER);
    m_diagnostics->clear();
}

void TemplateTextEditor::applyEdit(qsizetype start, qsizetype end, const QString &text)
{
    const int from = positionFromOffset(start);
    const int to = positionFromOffset(std::max(start, end));
    const QByteArray bytes = text.toUtf8();
    const int delta = int(bytes.size()) - (to - from);
    const int caret = int(SendScintilla(SCI_GETCURRENTPOS));
    const int anchor = int(SendScintilla(SCI_GETANCHOR));
    const int firstVisible = firstVisibleLine();
    const int editLine = int(SendScintilla(SCI_LINEFROMPOSITION, from));
    const int linesBefore = lines();

    ++m_programmaticEdit;
    SendScintilla(SCI_SETTARGETRANGE, from, to);
    SendScintilla(SCI_REPLACETARGET, long(bytes.size()), bytes.constData());
    --m_programmaticEdit;

    // Positions after the edit shift with it; positions inside the replaced text move to
    // its end (the edit replaced what they pointed into).
    const auto moved = [&](int pos) {
        if (pos >= to)
            return pos + delta;
        if (pos > from)
            return from + int(bytes.size());
        return pos;
    };
    SendScintilla(SCI_SETSEL, moved(anchor), moved(caret));
    // Keep the same text at the top of the view when lines were added or removed above it.
    if (editLine < firstVisible)
        setFirstVisibleLine(std::max(0, firstVisible + lines() - linesBefore));
    else
        setFirstVisibleLine(firstVisible);
}

void TemplateTextEditor::setDiagnostics(const kiln::hcl::Diagnostics &diagnostics)
{
    m_diagnostics->show(diagnostics, m_fileName);
}

void TemplateTextEditor::selectRange(qsizetype start, qsizetype end)
{
    const int from = positionFromOffset(start);
    const int to = positionFromOffset(end);
    for (int line = lineAt(from); line <= lineAt(to); ++line)
        SendScintilla(SCI_ENSUREVISIBLEENFORCEPOLICY, line);
    SendScintilla(SCI_SETSEL, from, to);
    SendScintilla(SCI_SCROLLRANGE, to, from);
    // The graph asked for this selection: do not echo it back as a cursor move.
    m_lastCursorOffset = cursorOffset();
}

int TemplateTextEditor::lineAt(int position) const
{
    return int(
        const_cast<TemplateTextEditor *>(this)->SendScintilla(SCI_LINEFROMPOSITION, position));
}

void TemplateTextEditor::revealLineColumn(int line, int column)
{
    const int lineIndex = std::clamp(line - 1, 0, std::max(0, lines() - 1));
    const int lineStart = int(SendScintilla(SCI_POSITIONFROMLINE, lineIndex));
    const int lineEnd = int(SendScintilla(SCI_GETLINEENDPOSITION, lineIndex));
    int pos = lineStart;
    // HCL columns count characters (code points), as SCI_POSITIONRELATIVE does.
    if (column > 1) {
        pos = int(SendScintilla(SCI_POSITIONRELATIVE, lineStart, long(column - 1)));
        if (pos == 0 || pos > lineEnd)
            pos = lineEnd;
    }
    SendScintilla(SCI_ENSUREVISIBLEENFORCEPOLICY, lineIndex);
    SendScintilla(SCI_GOTOPOS, pos);
    SendScintilla(SCI_SCROLLCARET);
    onCursorMoved();
}

std::optional<TemplateTextEditor::Place> TemplateTextEditor::definitionFor(qsizetype offset) const
{
    // References and their declarations are HCL2 notions; JSON templates have neither.
    if (m_syntax != Syntax::Hcl)
        return std::nullopt;
    QStringList texts{text()};
    QStringList files{m_fileName};
    if (m_companions) {
        for (const auto &[file, companionText] : m_companions()) {
            // JSON files declare nothing HclOutline can read.
            if (file == m_fileName || file.endsWith(QLatin1String(".json")))
                continue;
            files << file;
            texts << companionText;
        }
    }
    const auto found = models::SymbolNavigator::definitionIn(texts, 0, offset);
    if (!found)
        return std::nullopt;
    return Place{files.at(found->text), found->span.start, found->span.end};
}

bool TemplateTextEditor::goToDefinition(qsizetype offset)
{
    const auto target = definitionFor(offset);
    if (!target)
        return false;
    // Back returns the caret where it was (a selection collapses to the caret).
    const qsizetype here = cursorOffset();
    m_backStack.append({m_fileName, here, here});
    // Bounded like a browser's history: old places are of no use after many jumps.
    if (m_backStack.size() > 100)
        m_backStack.removeFirst();
    if (target->file == m_fileName)
        jumpTo(target->start, target->end);
    else
        emit fileJumpRequested(target->file, target->start, target->end);
    return true;
}

bool TemplateTextEditor::goBack()
{
    if (m_backStack.isEmpty())
        return false;
    const Place place = m_backStack.takeLast();
    if (place.file == m_fileName)
        jumpTo(place.start, place.end);
    else
        emit fileJumpRequested(place.file, place.start, place.end);
    return true;
}

void TemplateTextEditor::jumpTo(qsizetype start, qsizetype end)
{
    if (start == end) {
        SendScintilla(SCI_GOTOPOS, positionFromOffset(start));
        SendScintilla(SCI_SCROLLCARET);
    } else {
        selectRange(start, end);
    }
    // A jump the user asked for: the graph follows it like any cursor move.
    m_lastCursorOffset = -1;
    onCursorMoved();
}

void TemplateTextEditor::showCompletions()
{
    if (m_syntax != Syntax::Hcl)
        return;
    refreshCompanionTexts();
    m_completion->show();
}

void TemplateTextEditor::onModified(int position, int type, const char *text, int length)
{
    if (m_programmaticEdit > 0)
        return;
    if (type & SC_MOD_BEFOREDELETE) {
        // Offsets of the text before the change: it is still there to be measured.
        emit userEdited(
            offsetFromPosition(position), offsetFromPosition(position + length), QString());
    } else if (type & SC_MOD_INSERTTEXT) {
        // The text before `position` is unchanged by the insertion.
        const qsizetype at = offsetFromPosition(position);
        emit userEdited(at, at, QString::fromUtf8(text, length));
    }
}

void TemplateTextEditor::onCursorMoved()
{
    const qsizetype offset = cursorOffset();
    if (offset == m_lastCursorOffset)
        return;
    m_lastCursorOffset = offset;
    emit cursorOffsetChanged(offset);
}

void TemplateTextEditor::keyPressEvent(QKeyEvent *event)
{
    const QKeyCombination key = event->keyCombination();
    const bool ctrl = key.keyboardModifiers() == Qt::ControlModifier;
    const bool ctrlShift = key.keyboardModifiers() == (Qt::ControlModifier | Qt::ShiftModifier);
    if (event->matches(QKeySequence::Undo) || (ctrl && key.key() == Qt::Key_Z)) {
        emit undoRequested();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::Redo) || (ctrl && key.key() == Qt::Key_Y)
        || (ctrlShift && key.key() == Qt::Key_Z)) {
        emit redoRequested();
        event->accept();
        return;
    }
    if (key.key() == Qt::Key_F12 && key.keyboardModifiers() == Qt::NoModifier) {
        goToDefinition(cursorOffset());
        event->accept();
        return;
    }
    if (key.key() == Qt::Key_Left && key.keyboardModifiers() == Qt::AltModifier) {
        goBack();
        event->accept();
        return;
    }
    if (ctrl && key.key() == Qt::Key_Space) {
        showCompletions();
        event->accept();
        return;
    }
    QsciScintilla::keyPressEvent(event);
}

void TemplateTextEditor::mouseReleaseEvent(QMouseEvent *event)
{
    QsciScintilla::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && event->modifiers() == Qt::ControlModifier) {
        // Mouse events of a scroll area arrive in viewport coordinates.
        const QPoint p = event->position().toPoint();
        const long pos = SendScintilla(SCI_POSITIONFROMPOINTCLOSE, p.x(), p.y());
        if (pos >= 0)
            goToDefinition(offsetFromPosition(int(pos)));
    }
}

void TemplateTextEditor::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu();
    if (!menu)
        return;
    // QScintilla names its menu entries with QsciScintilla::tr() and ships catalogues for
    // only a few languages, so Kiln's .ts files carry that context for all of them.
    [[maybe_unused]] static const char *const menuTexts[] = {
        QT_TRANSLATE_NOOP("QsciScintilla", "Cu&t"),
        QT_TRANSLATE_NOOP("QsciScintilla", "&Copy"),
        QT_TRANSLATE_NOOP("QsciScintilla", "&Paste"),
        QT_TRANSLATE_NOOP("QsciScintilla", "Delete"),
        QT_TRANSLATE_NOOP("QsciScintilla", "Select All"),
    };
    // Scintilla's own undo is off; the menu's Undo/Redo ask the document instead.
    const QString undoText = QCoreApplication::translate("QsciScintilla", "&Undo");
    const QString redoText = QCoreApplication::translate("QsciScintilla", "&Redo");
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        const QString text = action->text();
        if (text == undoText || text == redoText) {
            const bool undo = text == undoText;
            action->disconnect();
            action->setEnabled(!isReadOnly());
            connect(action, &QAction::triggered, this,
                [this, undo] { undo ? emit undoRequested() : emit redoRequested(); });
        }
    }
    // Navigation first, as editors put it: the reference under the click, and back.
    const long clicked = event->reason() == QContextMenuEvent::Mouse
        ? SendScintilla(SCI_POSITIONFROMPOINTCLOSE, event->pos().x(), event->pos().y())
        : -1;
    const qsizetype at = clicked >= 0 ? offsetFromPosition(int(clicked)) : cursorOffset();
    QAction *before = menu->actions().value(0);
    auto *definition = new QAction(tr("Go to Definition"), menu);
    definition->setShortcut(QKeySequence(Qt::Key_F12));
    definition->setShortcutVisibleInContextMenu(true);
    definition->setEnabled(definitionFor(at).has_value());
    connect(definition, &QAction::triggered, this, [this, at] { goToDefinition(at); });
    auto *back = new QAction(tr("Go Back"), menu);
    back->setShortcut(QKeySequence(Qt::AltModifier | Qt::Key_Left));
    back->setShortcutVisibleInContextMenu(true);
    back->setEnabled(canGoBack());
    connect(back, &QAction::triggered, this, [this] { goBack(); });
    menu->insertActions(before, {definition, back});
    menu->insertSeparator(before);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

} // namespace kiln::ui

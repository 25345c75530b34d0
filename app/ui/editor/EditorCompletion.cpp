#include "app/ui/editor/EditorCompletion.h"

#include "app/models/completion/FunctionCatalog.h"
#include "app/models/completion/SymbolNavigator.h"
#include "app/ui/editor/TemplateTextEditor.h"

#include <QFontMetrics>
#include <QTimer>
#include <QToolTip>

namespace kiln::ui {

using models::CompletionItem;

EditorCompletion::EditorCompletion(TemplateTextEditor *editor)
    : m_editor(editor)
{
    // One proposal per line: names and signatures contain spaces.
    editor->SendScintilla(QsciScintilla::SCI_AUTOCSETSEPARATOR, '\n');
    editor->SendScintilla(QsciScintilla::SCI_AUTOCSETIGNORECASE, true);
    editor->SendScintilla(QsciScintilla::SCI_AUTOCSETORDER, QsciScintilla::SC_ORDER_CUSTOM);
    editor->SendScintilla(QsciScintilla::SCI_AUTOCSETMAXWIDTH, 80);
    editor->SendScintilla(QsciScintilla::SCI_AUTOCSETMAXHEIGHT, 12);
}

bool EditorCompletion::show()
{
    m_result = m_engine.complete(m_editor->text(), m_editor->cursorOffset());
    m_shown.clear();
    if (m_result.items.isEmpty()) {
        m_editor->cancelList();
        return false;
    }
    for (const auto &item : std::as_const(m_result.items)) {
        QString shown = item.label;
        if (item.kind == CompletionItem::Kind::Function)
            shown = item.detail; // the signature starts with the name
        else if (!item.detail.isEmpty())
            shown += QStringLiteral("  \u2014 ") + item.detail;
        m_shown.append(shown);
    }
    m_editor->SendScintilla(
        QsciScintilla::SCI_USERLISTSHOW, ListId, m_shown.join(u'\n').toUtf8().constData());
    return true;
}

const CompletionItem *EditorCompletion::itemFor(const QString &shown) const
{
    const qsizetype index = m_shown.indexOf(shown);
    return index >= 0 ? &m_result.items[index] : nullptr;
}

void EditorCompletion::accept(int id, const QString &shown)
{
    if (id != ListId)
        return;
    const CompletionItem *item = itemFor(shown);
    QToolTip::hideText();
    if (!item)
        return;
    // Replace what was typed since the list opened, from the start of the prefix.
    const qsizetype end = m_editor->cursorOffset();
    const qsizetype start = std::min(m_result.replaceStart, end);
    const int from = m_editor->positionFromOffset(start);
    const int to = m_editor->positionFromOffset(end);
    m_editor->SendScintilla(QsciScintilla::SCI_SETSEL, from, to);
    m_editor->SendScintilla(QsciScintilla::SCI_REPLACESEL, item->insertText.toUtf8().constData());
    // Chain into the next list where the inserted text asks for one: `source "`, `var.`.
    // Deferred: Scintilla closes whatever list is open when this notification returns.
    const bool chain = item->insertText.endsWith(u'"') || item->insertText.endsWith(u'.');
    const bool call = item->insertText.endsWith(u'(');
    if (chain || call) {
        QTimer::singleShot(
            0, m_editor, [this, chain] { chain ? (void)show() : (void)updateCallTip(); });
    }
}

void EditorCompletion::selectionChanged(const QString &shown)
{
    const CompletionItem *item = itemFor(shown);
    if (!item || (item->documentation.isEmpty() && item->detail.isEmpty())) {
        QToolTip::hideText();
        return;
    }
    // Put the help beside the list: Scintilla opens it under the line, at the start of the
    // typed prefix, as wide as its longest entry.
    const int startPos = int(m_editor->SendScintilla(QsciScintilla::SCI_AUTOCPOSSTART));
    const int x = int(m_editor->SendScintilla(QsciScintilla::SCI_POINTXFROMPOSITION, 0, startPos));
    const int y = int(m_editor->SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0, startPos));
    const int lineHeight = int(m_editor->SendScintilla(QsciScintilla::SCI_TEXTHEIGHT, 0));
    int width = 0;
    // The list draws with the widget's font, not the lexer's.
    const QFontMetrics metrics(m_editor->font());
    for (const QString &entry : std::as_const(m_shown))
        width = std::max(width, metrics.horizontalAdvance(entry));
    const QPoint at
        = m_editor->viewport()->mapToGlobal(QPoint(x + width + 24, y + lineHeight - 16));
    QString text = QStringLiteral("<b>") + item->label.toHtmlEscaped() + QStringLiteral("</b>");
    if (!item->detail.isEmpty() && item->kind != CompletionItem::Kind::Function)
        text += QStringLiteral(" <i>") + item->detail.toHtmlEscaped() + QStringLiteral("</i>");
    else if (!item->detail.isEmpty())
        text = QStringLiteral("<b>") + item->detail.toHtmlEscaped() + QStringLiteral("</b>");
    if (!item->documentation.isEmpty())
        text += QStringLiteral("<br>")
            + item->documentation.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
    QToolTip::showText(at, text, m_editor);
}

void EditorCompletion::characterAdded(int ch)
{
    if (ch == '(' || ch == ',') {
        updateCallTip();
        return;
    }
    if (ch == ')') {
        if (!updateCallTip())
            m_editor->SendScintilla(QsciScintilla::SCI_CALLTIPCANCEL);
        return;
    }
    if (m_editor->isListActive())
        return;
    if (ch == '.' || ch == '"') {
        show();
        return;
    }
    const bool wordChar = QChar(ch).isLetterOrNumber() || ch == '_' || ch == '-';
    if (!wordChar)
        return;
    // Open the list once a word has two characters; Scintilla filters it from there on.
    const QString text = m_editor->text();
    qsizetype i = m_editor->cursorOffset();
    qsizetype n = 0;
    while (
        i > 0 && (text[i - 1].isLetterOrNumber() || text[i - 1] == u'_' || text[i - 1] == u'-')) {
        --i;
        ++n;
    }
    if (n == 2)
        show();
}

bool EditorCompletion::updateCallTip()
{
    const auto call = models::SymbolNavigator::callAt(m_editor->text(), m_editor->cursorOffset());
    const models::FunctionSignature *f
        = call ? models::FunctionCatalog::instance().find(call->function) : nullptr;
    if (!f)
        return false;
    const QByteArray tip = f->text().toUtf8();
    const int pos = m_editor->positionFromOffset(call->openParen);
    m_editor->SendScintilla(QsciScintilla::SCI_CALLTIPSHOW, pos, tip.constData());
    const auto [start, end] = f->paramRange(call->argument);
    // The signature is ASCII apart from type names, so character and byte ranges agree.
    m_editor->SendScintilla(QsciScintilla::SCI_CALLTIPSETHLT, start, end);
    return true;
}

} // namespace kiln::ui

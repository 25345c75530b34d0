#include "app/ui/editor/EditorCompletion.h"

#include "app/models/completion/FunctionCatalog.h"
#include "app/models/completion/SymbolNavigator.h"
#include "app/ui/editor/EditorColors.h"
#include "app/ui/editor/TemplateTextEditor.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPixmap>
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
    registerKindImages();
}

void EditorCompletion::registerKindImages()
{
    // A letter badge per kind of proposal, coloured like the lexer colours that kind, so
    // the list reads at a glance: B block, A argument, T type, E enum value, ...
    struct Badge
    {
        CompletionItem::Kind kind;
        char letter;
        HclStyle style;
    };
    static const Badge badges[] = {
        {CompletionItem::Kind::BlockType, 'B', HclStyle::BlockType},
        {CompletionItem::Kind::Attribute, 'A', HclStyle::Attribute},
        {CompletionItem::Kind::ComponentType, 'T', HclStyle::Label},
        {CompletionItem::Kind::EnumValue, 'E', HclStyle::String},
        {CompletionItem::Kind::Variable, 'V', HclStyle::Number},
        {CompletionItem::Kind::Local, 'L', HclStyle::Number},
        {CompletionItem::Kind::Source, 'S', HclStyle::Label},
        {CompletionItem::Kind::DataSource, 'D', HclStyle::Label},
        {CompletionItem::Kind::Function, 'F', HclStyle::Function},
        {CompletionItem::Kind::Keyword, 'K', HclStyle::Keyword},
    };
    // The light set's colours are deep enough for white letters in either appearance.
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    const EditorColors colors = EditorColors::fromPalette(light);
    const qreal dpr = m_editor->devicePixelRatioF();
    const int size = 14;
    for (const Badge &b : badges) {
        QPixmap pixmap(QSize(size, size) * dpr);
        pixmap.setDevicePixelRatio(dpr);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colors.style(b.style));
        painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3, 3);
        QFont font = m_editor->font();
        font.setPixelSize(10);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, QString(QChar(b.letter)));
        painter.end();
        m_editor->registerImage(int(b.kind) + 1, pixmap);
    }
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
    // Each entry carries the image of its kind after Scintilla's type separator ("?").
    QStringList entries;
    for (qsizetype i = 0; i < m_shown.size(); ++i)
        entries.append(m_shown[i] + u'?' + QString::number(int(m_result.items[i].kind) + 1));
    m_editor->SendScintilla(
        QsciScintilla::SCI_USERLISTSHOW, ListId, entries.join(u'\n').toUtf8().constData());
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
    // typed prefix, as wide as its longest entry plus the kind badge.
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
        = m_editor->viewport()->mapToGlobal(QPoint(x + width + 44, y + lineHeight - 16));
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

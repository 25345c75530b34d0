#include "engine/hcl/edit/NativeBodyEditor.h"

namespace kiln::hcl::edit {

NativeBodyEditor::NativeBodyEditor(const SourceText &text, const syntax::Body &body)
    : m_text(text)
    , m_body(body)
{ }

NativeBodyEditor::NativeBodyEditor(const SourceText &text, const syntax::Block &block)
    : m_text(text)
    , m_body(*block.body)
    , m_open(block.openBraceRange)
    , m_close(block.closeBraceRange)
{ }

QByteArray NativeBodyEditor::itemIndent() const
{
    int first = -1;
    for (const auto &a : m_body.attributes)
        if (first < 0 || a.range.start.byte < first)
            first = a.range.start.byte;
    for (const auto &b : m_body.blocks)
        if (first < 0 || b.range.start.byte < first)
            first = b.range.start.byte;
    if (first >= 0 && m_text.isSpace(m_text.lineStart(first), first))
        return m_text.indentOf(first);
    if (!m_open)
        return {};
    return m_text.indentOf(m_open->start.byte) + m_text.indentUnit();
}

ByteEdit NativeBodyEditor::insertBefore(
    const ItemLines &item, const QByteArray &lines, bool separate) const
{
    const QByteArray nl = m_text.newline();
    if (!item.wholeLines) // shares its line: put the new item on its own line before it
        return {item.start, item.start, lines.trimmed() + nl + m_text.indentOf(item.start)};
    QByteArray text = lines;
    if (separate) {
        text += nl;
        const int prev = m_text.previousLineStart(item.start);
        if (prev >= 0 && !m_text.isBlankLine(prev) && m_text.lastChar(prev) != '{')
            text.prepend(nl);
    }
    return {item.start, item.start, text};
}

ByteEdit NativeBodyEditor::insertAfter(
    const ItemLines &item, const QByteArray &lines, bool separate) const
{
    const QByteArray nl = m_text.newline();
    if (!item.wholeLines)
        return {item.end, item.end, nl + lines + m_text.indentOf(item.end)};
    QByteArray text = lines;
    int at = item.end;
    if (at >= m_text.size() && !m_text.bytes().endsWith('\n'))
        text.prepend(nl); // the file has no final newline
    if (separate) {
        text.prepend(nl);
        if (at < m_text.size() && !m_text.isBlankLine(at) && m_text.firstChar(at) != '}')
            text += nl;
    }
    return {at, at, text};
}

ByteEdit NativeBodyEditor::insertIntoEmpty(const QByteArray &lines) const
{
    const QByteArray nl = m_text.newline();
    if (!m_open) { // an empty file, or one with comments only
        QByteArray text = lines;
        if (m_text.size() > 0) {
            if (!m_text.bytes().endsWith('\n'))
                text.prepend(nl);
            if (!m_text.isBlankLine(m_text.lineStart(m_text.size() - 1)))
                text.prepend(nl);
        }
        return {m_text.size(), m_text.size(), text};
    }
    const int open = m_open->end.byte;
    const int close = m_close->start.byte;
    if (m_text.lineStart(open) == m_text.lineStart(close)) // `{}` on one line
        return {open, close, nl + lines + m_text.indentOf(open)};
    return {m_text.lineStart(close), m_text.lineStart(close), lines};
}

ByteEdit NativeBodyEditor::append(const QByteArray &lines, bool separate) const
{
    const SourceRange *last = nullptr;
    for (const auto &a : m_body.attributes)
        if (!last || a.range.start.byte > last->start.byte)
            last = &a.range;
    for (const auto &b : m_body.blocks)
        if (!last || b.range.start.byte > last->start.byte)
            last = &b.range;
    if (!last)
        return insertIntoEmpty(lines);
    return insertAfter(linesOf(*last), lines, separate);
}

ByteEdit NativeBodyEditor::setAttribute(const QString &name, const QString &expression) const
{
    if (const syntax::Attribute *a = m_body.attribute(name))
        return {a->expr->range.start.byte, a->expr->range.end.byte,
            HclWriter::expressionText(expression)};
    const QByteArray line = writer().attribute(name, expression, itemIndent());
    const syntax::Attribute *lastAttr = nullptr;
    for (const auto &a : m_body.attributes)
        if (!lastAttr || a.range.start.byte > lastAttr->range.start.byte)
            lastAttr = &a;
    if (lastAttr)
        return insertAfter(
            ItemLines::of(m_text, lastAttr->range.start.byte, lastAttr->range.end.byte), line,
            false);
    const syntax::Block *firstBlock = nullptr;
    for (const auto &b : m_body.blocks)
        if (!firstBlock || b.range.start.byte < firstBlock->range.start.byte)
            firstBlock = &b;
    if (firstBlock)
        return insertBefore(linesOf(firstBlock->range), line, true);
    return insertIntoEmpty(line);
}

std::optional<ByteEdit> NativeBodyEditor::removeAttribute(const QString &name) const
{
    const syntax::Attribute *a = m_body.attribute(name);
    if (!a)
        return std::nullopt;
    return linesOf(a->range).removal(m_text);
}

} // namespace kiln::hcl::edit

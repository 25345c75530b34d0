#include "engine/hcl/edit/ItemLines.h"

namespace kiln::hcl::edit {

namespace {

bool isCommentLine(const SourceText &text, int lineStart)
{
    const QByteArray l = text.line(lineStart).toByteArray().trimmed();
    return l.startsWith('#') || l.startsWith("//") || (l.startsWith("/*") && l.endsWith("*/"));
}

// Whether [from, lineEnd) holds nothing but white space and comments.
bool onlyCommentAfter(const SourceText &text, int from)
{
    const QByteArray rest = text.bytes().mid(from, text.lineEnd(from) - from).trimmed();
    return rest.isEmpty() || rest.startsWith('#') || rest.startsWith("//")
        || (rest.startsWith("/*") && rest.endsWith("*/"));
}

} // namespace

ItemLines ItemLines::of(const SourceText &text, int itemStart, int itemEnd, bool leadingComments)
{
    ItemLines l;
    l.itemStart = itemStart;
    l.itemEnd = itemEnd;
    const int first = text.lineStart(itemStart);
    // A '#' or '//' comment token ends with its newline, so an item's range
    // may already reach into the next line; measure from its last byte.
    const int last = itemEnd > itemStart ? itemEnd - 1 : itemEnd;
    l.wholeLines = text.isSpace(first, itemStart) && onlyCommentAfter(text, itemEnd)
        && text.lineStart(last) <= text.lineStart(itemEnd);
    if (!l.wholeLines) {
        l.start = itemStart;
        l.end = itemEnd;
        return l;
    }
    l.start = first;
    l.end = text.nextLineStart(itemEnd);
    if (leadingComments) {
        for (int p = text.previousLineStart(l.start); p >= 0 && isCommentLine(text, p);
             p = text.previousLineStart(p))
            l.start = p;
    }
    return l;
}

ByteEdit ItemLines::removal(const SourceText &text) const
{
    if (!wholeLines)
        return {start, end, {}};
    const int prev = text.previousLineStart(start);
    const bool prevBlank = prev >= 0 && text.isBlankLine(prev);
    const bool prevOpens = prev < 0 || text.lastChar(prev) == '{';
    const bool atEnd = end >= text.size();
    const bool nextBlank = !atEnd && text.isBlankLine(end);
    const bool nextCloses = atEnd || text.firstChar(end) == '}';
    if (nextBlank && (prevBlank || prevOpens))
        return {start, text.nextLineStart(end), {}};
    if (prevBlank && nextCloses)
        return {prev, end, {}};
    return {start, end, {}};
}

} // namespace kiln::hcl::edit

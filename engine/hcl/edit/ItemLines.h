#pragma once

#include "engine/hcl/edit/ByteEdit.h"
#include "engine/hcl/edit/SourceText.h"

namespace kiln::hcl::edit {

// The lines an item of a body (a block or an attribute) occupies, with the
// comments that belong to it: comment lines directly above it (no blank line
// in between, as hclwrite attaches them) and a comment after it on its last
// line. This is what moves, is copied or disappears with the item.
struct ItemLines
{
    int start = 0; // start of the first line (leading comments included)
    int end = 0; // start of the line after the item, or the end of the file
    int itemStart = 0;
    int itemEnd = 0;
    // False when the item shares a line with other items (`a { b {} }` on
    // one line); then start/end are the item's own bytes.
    bool wholeLines = false;

    static ItemLines of(
        const SourceText &text, int itemStart, int itemEnd, bool leadingComments = true);

    QByteArray bytes(const SourceText &text) const { return text.bytes().mid(start, end - start); }

    // The edit removing the item. One neighbouring blank line goes with it
    // when keeping it would leave two blank lines in a row or a blank line
    // right after an opening or before a closing brace, so the surrounding
    // formatting reads as if the item had never been there.
    ByteEdit removal(const SourceText &text) const;
};

} // namespace kiln::hcl::edit

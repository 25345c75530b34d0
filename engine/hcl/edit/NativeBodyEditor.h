#pragma once

#include "engine/hcl/Ast.h"
#include "engine/hcl/edit/ByteEdit.h"
#include "engine/hcl/edit/HclWriter.h"
#include "engine/hcl/edit/ItemLines.h"
#include "engine/hcl/edit/SourceText.h"

#include <optional>

namespace kiln::hcl::edit {

// Text surgery inside one native-syntax body: the top level of a file or the
// inside of a block's braces. It finds where new items go and how they are
// indented and separated, so callers only decide which item goes where.
class NativeBodyEditor
{
public:
    // The file's top-level body.
    NativeBodyEditor(const SourceText &text, const syntax::Body &body);
    // The body of `block`.
    NativeBodyEditor(const SourceText &text, const syntax::Block &block);

    const syntax::Body &body() const { return m_body; }
    // The indentation of the body's items (of new ones when it is empty).
    QByteArray itemIndent() const;
    HclWriter writer() const { return HclWriter(m_text.indentUnit(), m_text.newline()); }

    ItemLines linesOf(const SourceRange &itemRange) const
    {
        return ItemLines::of(m_text, itemRange.start.byte, itemRange.end.byte);
    }

    // Inserts `lines` (indented, each ending in a newline) before or after the
    // item with those lines. `separate` puts a blank line between the new
    // text and its neighbours, as between blocks.
    ByteEdit insertBefore(const ItemLines &item, const QByteArray &lines, bool separate) const;
    ByteEdit insertAfter(const ItemLines &item, const QByteArray &lines, bool separate) const;
    // Inserts into a body with no items, opening up `{}` when needed.
    ByteEdit insertIntoEmpty(const QByteArray &lines) const;
    // Puts lines as the last item of the body.
    ByteEdit append(const QByteArray &lines, bool separate) const;

    const syntax::Attribute *attribute(const QString &name) const { return m_body.attribute(name); }
    // Replaces the value of `name`, or adds `name = expression` after the
    // last attribute (before the first block when there is none).
    ByteEdit setAttribute(const QString &name, const QString &expression) const;
    std::optional<ByteEdit> removeAttribute(const QString &name) const;

private:
    const SourceText &m_text;
    const syntax::Body &m_body;
    std::optional<SourceRange> m_open;
    std::optional<SourceRange> m_close;
};

} // namespace kiln::hcl::edit

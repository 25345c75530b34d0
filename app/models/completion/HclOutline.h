#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace kiln::models {

// A byte range [start, end) in the UTF-8 text the outline was built from.
struct ByteSpan
{
    int start = 0;
    int end = 0;
    bool contains(int pos) const { return pos >= start && pos <= end; }
};

struct OutlineAttribute
{
    QString name;
    ByteSpan nameSpan;
    // From just after "=" (or ":") to the newline that ends the expression (or EOF).
    ByteSpan valueSpan;
};

struct OutlineBlock
{
    QString type;
    ByteSpan typeSpan;
    QStringList labels;
    QList<ByteSpan> labelSpans; // inside the quotes for quoted labels
    // From the block type to the end of the header line, or to "{" when there is one.
    ByteSpan headerSpan;
    bool hasBody = false;
    // From just after "{" to the matching "}" (or EOF while the block is unterminated).
    ByteSpan bodySpan;
    QList<OutlineAttribute> attributes;
    QList<int> children; // indexes into HclOutline::blocks()
    int parent = -1;
};

// The block/attribute structure of an HCL native-syntax file, read from the engine's
// tokens with tolerance for the half-typed text an editor holds: unterminated blocks run
// to the end, a lone identifier on a line is a block header without labels. Completion
// and go-to-definition read it; it never evaluates anything.
class HclOutline
{
public:
    static HclOutline build(const QByteArray &utf8);

    const QList<OutlineBlock> &blocks() const { return m_blocks; }
    // Blocks of the file's top level.
    QList<int> topLevel() const;
    // The chain of blocks whose body contains `pos`, outermost first.
    QList<int> blockPathAt(int pos) const;
    // The top-level attributes (a syntax error in Packer, but kept for completeness).
    const QList<OutlineAttribute> &rootAttributes() const { return m_rootAttributes; }

private:
    QList<OutlineBlock> m_blocks;
    QList<OutlineAttribute> m_rootAttributes;
};

} // namespace kiln::models

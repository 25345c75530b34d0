#pragma once

#include "engine/hcl/Token.h"

#include <QByteArray>
#include <vector>

namespace kiln::hcl {

// Canonical HCL formatting, byte-identical to hclwrite.Format (what
// `packer fmt` writes). Works on tokens only, so it never fails: input that
// does not parse is still re-spaced token by token. Callers that must refuse
// invalid input (like `kiln fmt`) check it separately first.
QByteArray formatHcl(const QByteArray &src);

// The token-level engine behind formatHcl(). Formatting only ever changes the
// spaces before tokens: it splits the tokens into lines, then re-indents by
// bracket nesting, re-spaces tokens within a line and aligns "=" signs and
// trailing comments across consecutive lines.
class Formatter
{
public:
    struct Item
    {
        TokenType type;
        QByteArray bytes;
        int spacesBefore = 0;
    };

    explicit Formatter(const Tokens &tokens);

    void format();
    QByteArray output() const;

    // Whether hclwrite would put a space between `subject` and `after`
    // (`before` is the token preceding subject, or null at a line start).
    static bool spaceAfterToken(const Item &subject, const Item *before, const Item &after);
    static int bracketChange(TokenType type);

private:
    // One source line split into hclwrite's three cells: the lead, an
    // optional "= value" assignment and an optional trailing comment. Each
    // cell is a half-open index range into m_items (empty when begin == end).
    struct Cell
    {
        int begin = 0;
        int end = 0;
        bool present() const { return end > begin; }
    };
    struct Line
    {
        Cell lead;
        Cell assign;
        Cell comment;
    };

    void splitLines();
    void formatIndent();
    void formatSpaces();
    void formatCells();
    void spaceCell(const Cell &cell, bool isAssign);
    int columns(const Cell &cell) const;
    bool isNewline(const Item &item) const;

    std::vector<Item> m_items;
    std::vector<Line> m_lines;
};

} // namespace kiln::hcl

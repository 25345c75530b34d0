#include "engine/hcl/Formatter.h"

#include "engine/hcl/Lexer.h"
#include "engine/hcl/LexerUnicode.h"

namespace kiln::hcl {

QByteArray formatHcl(const QByteArray &src)
{
    Formatter formatter(lexConfig(src, QString()));
    formatter.format();
    return formatter.output();
}

Formatter::Formatter(const Tokens &tokens)
{
    // Like hclwrite's writerTokens: the original spacing is the byte gap
    // since the previous token (the scanner only skips spaces and tabs).
    m_items.reserve(tokens.size());
    int lastEnd = 0;
    for (const Token &tok : tokens) {
        m_items.push_back({tok.type, tok.bytes, tok.range.start.byte - lastEnd});
        lastEnd = tok.range.end.byte;
    }
}

void Formatter::format()
{
    splitLines();
    formatIndent();
    formatSpaces();
    formatCells();
}

QByteArray Formatter::output() const
{
    QByteArray out;
    qsizetype size = 0;
    for (const Item &item : m_items)
        size += item.spacesBefore + item.bytes.size();
    out.reserve(size);
    for (const Item &item : m_items) {
        if (item.spacesBefore > 0)
            out.append(item.spacesBefore, ' ');
        out.append(item.bytes);
    }
    return out;
}

int Formatter::bracketChange(TokenType type)
{
    switch (type) {
    case TokenType::OBrace:
    case TokenType::OBrack:
    case TokenType::OParen:
    case TokenType::TemplateControl:
    case TokenType::TemplateInterp:
        return 1;
    case TokenType::CBrace:
    case TokenType::CBrack:
    case TokenType::CParen:
    case TokenType::TemplateSeqEnd:
        return -1;
    default:
        return 0;
    }
}

// Single-line comments carry their newline, so they end a line too.
bool Formatter::isNewline(const Item &item) const
{
    if (item.type == TokenType::Newline)
        return true;
    return item.type == TokenType::Comment && item.bytes.endsWith('\n');
}

void Formatter::splitLines()
{
    m_lines.clear();
    int lineStart = 0;
    const int count = int(m_items.size());
    for (int i = 0; i < count; ++i) {
        const Item &item = m_items[size_t(i)];
        if (item.type == TokenType::EndOfFile) {
            // EOF belongs to no line; the last line may be empty.
            m_lines.push_back({{lineStart, i}, {i, i}, {i, i}});
            lineStart = -1;
            break;
        }
        if (isNewline(item)) {
            m_lines.push_back({{lineStart, i + 1}, {i + 1, i + 1}, {i + 1, i + 1}});
            lineStart = i + 1;
        }
    }
    if (lineStart >= 0 && lineStart < count)
        m_lines.push_back({{lineStart, count}, {count, count}, {count, count}});

    for (Line &line : m_lines) {
        Cell &lead = line.lead;
        if (!lead.present())
            continue;
        if (lead.end - lead.begin > 1 && m_items[size_t(lead.end - 1)].type == TokenType::Comment) {
            line.comment = {lead.end - 1, lead.end};
            lead.end -= 1;
            line.assign = {lead.end, lead.end};
        }
        for (int i = lead.begin + 1; i < lead.end; ++i) {
            if (m_items[size_t(i)].type != TokenType::Equal)
                continue;
            // Only a complete expression after "=" forms an assignment cell;
            // a net opening bracket means a multi-line value starts here.
            int net = 0;
            for (int k = i; k < lead.end; ++k)
                net += bracketChange(m_items[size_t(k)].type);
            if (net == 0) {
                line.assign = {i, lead.end};
                lead.end = i;
            }
            break;
        }
    }
}

void Formatter::formatIndent()
{
    std::vector<int> indents;
    indents.reserve(10);
    for (Line &line : m_lines) {
        if (!line.lead.present())
            continue;
        Item &first = m_items[size_t(line.lead.begin)];
        if (first.type == TokenType::Newline) {
            first.spacesBefore = 0;
            continue;
        }
        int net = 0;
        for (int i = line.lead.begin; i < line.lead.end; ++i) {
            net += bracketChange(m_items[size_t(i)].type);
            if (m_items[size_t(i)].type == TokenType::OHeredoc)
                break;
        }
        for (int i = line.assign.begin; i < line.assign.end; ++i)
            net += bracketChange(m_items[size_t(i)].type);

        if (net > 0) {
            first.spacesBefore = 2 * int(indents.size());
            indents.push_back(net);
            continue;
        }
        int closed = -net;
        while (closed > 0 && !indents.empty()) {
            int &top = indents.back();
            if (closed > top) {
                closed -= top;
                indents.pop_back();
            } else if (closed < top) {
                top -= closed;
                closed = 0;
            } else {
                indents.pop_back();
                closed = 0;
            }
        }
        first.spacesBefore = 2 * int(indents.size());
    }
}

void Formatter::spaceCell(const Cell &cell, bool isAssign)
{
    for (int i = cell.begin; i < cell.end; ++i) {
        Item &item = m_items[size_t(i)];
        if (isAssign && i == cell.begin)
            item.spacesBefore = 1; // "=" is always one space from the name
        if (i + 1 >= cell.end)
            break;
        const Item *before = i > cell.begin ? &m_items[size_t(i - 1)] : nullptr;
        Item &after = m_items[size_t(i + 1)];
        after.spacesBefore = spaceAfterToken(item, before, after) ? 1 : 0;
    }
}

void Formatter::formatSpaces()
{
    for (const Line &line : m_lines) {
        spaceCell(line.lead, false);
        spaceCell(line.assign, true);
    }
}

int Formatter::columns(const Cell &cell) const
{
    int total = 0;
    for (int i = cell.begin; i < cell.end; ++i) {
        const Item &item = m_items[size_t(i)];
        total += item.spacesBefore
            + lexer::graphemeCount(item.bytes.constData(), int(item.bytes.size()));
    }
    return total;
}

void Formatter::formatCells()
{
    // Consecutive lines with an assignment form a chain whose "=" signs line
    // up one space after the longest lead; trailing comments likewise.
    const int count = int(m_lines.size());
    auto alignChains = [&](auto hasCell, auto width, auto firstOf) {
        int chainStart = -1;
        int maxColumns = 0;
        auto close = [&](int end) {
            for (int k = chainStart; k < end; ++k)
                m_items[size_t(firstOf(m_lines[size_t(k)]))].spacesBefore
                    = maxColumns - width(m_lines[size_t(k)]) + 1;
            chainStart = -1;
            maxColumns = 0;
        };
        for (int i = 0; i < count; ++i) {
            const Line &line = m_lines[size_t(i)];
            if (!hasCell(line)) {
                if (chainStart != -1)
                    close(i);
                continue;
            }
            if (chainStart == -1)
                chainStart = i;
            maxColumns = std::max(maxColumns, width(line));
        }
        if (chainStart != -1)
            close(count);
    };
    alignChains([](const Line &l) { return l.assign.present(); },
        [this](const Line &l) { return columns(l.lead); },
        [](const Line &l) { return l.assign.begin; });
    alignChains([](const Line &l) { return l.comment.present(); },
        [this](const Line &l) { return columns(l.lead) + columns(l.assign); },
        [](const Line &l) { return l.comment.begin; });
}

} // namespace kiln::hcl

#include "app/models/completion/HclOutline.h"

#include "engine/hcl/Lexer.h"

namespace kiln::models {

using kiln::hcl::Token;
using kiln::hcl::TokenType;

namespace {

// A line comment's token includes its newline, so it ends a statement like Newline does.
bool endsLine(const Token &t)
{
    return t.type == TokenType::Newline || t.type == TokenType::EndOfFile
        || (t.type == TokenType::Comment && t.bytes.endsWith('\n'));
}

bool opens(TokenType t)
{
    switch (t) {
    case TokenType::OBrace:
    case TokenType::OBrack:
    case TokenType::OParen:
    case TokenType::OQuote:
    case TokenType::OHeredoc:
    case TokenType::TemplateInterp:
    case TokenType::TemplateControl:
        return true;
    default:
        return false;
    }
}

bool closes(TokenType t)
{
    switch (t) {
    case TokenType::CBrace:
    case TokenType::CBrack:
    case TokenType::CParen:
    case TokenType::CQuote:
    case TokenType::CHeredoc:
    case TokenType::TemplateSeqEnd:
        return true;
    default:
        return false;
    }
}

class OutlineBuilder
{
public:
    explicit OutlineBuilder(const hcl::Tokens &tokens)
        : m_tokens(tokens)
    { }

    void run(QList<OutlineBlock> &blocks, QList<OutlineAttribute> &rootAttributes)
    {
        std::size_t i = 0;
        while (i < m_tokens.size()) {
            const Token &t = m_tokens[i];
            if (t.type == TokenType::EndOfFile)
                break;
            if (t.type == TokenType::Newline || t.type == TokenType::Comment) {
                ++i;
            } else if (t.type == TokenType::CBrace) {
                if (!m_open.isEmpty())
                    blocks[m_open.takeLast()].bodySpan.end = t.range.start.byte;
                ++i;
            } else if (t.type == TokenType::Ident) {
                const Token &next = tokenAt(i + 1);
                if (next.type == TokenType::Equal || next.type == TokenType::Colon) {
                    OutlineAttribute a;
                    a.name = QString::fromUtf8(t.bytes);
                    a.nameSpan = span(t);
                    a.valueSpan.start = next.range.end.byte;
                    i = skipExpression(i + 2);
                    a.valueSpan.end = tokenAt(i).range.start.byte;
                    if (m_open.isEmpty())
                        rootAttributes.append(a);
                    else
                        blocks[m_open.last()].attributes.append(a);
                } else {
                    i = readBlock(i, blocks);
                }
            } else {
                // Not a statement: skip it to the end of its line, brackets included.
                i = skipExpression(i);
                if (i < m_tokens.size() && m_tokens[i].type == TokenType::CBrace)
                    continue;
                ++i;
            }
        }
        const int eof = m_tokens.empty() ? 0 : m_tokens.back().range.end.byte;
        for (int b : std::as_const(m_open))
            blocks[b].bodySpan.end = eof;
    }

private:
    const Token &tokenAt(std::size_t i) const { return m_tokens[std::min(i, m_tokens.size() - 1)]; }

    static ByteSpan span(const Token &t) { return {t.range.start.byte, t.range.end.byte}; }

    // Returns the index of the token that ends the expression starting at `i`: the first
    // newline (or "}" closing the enclosing body) outside any bracket, quote or template.
    std::size_t skipExpression(std::size_t i) const
    {
        int depth = 0;
        for (; i < m_tokens.size(); ++i) {
            const Token &t = m_tokens[i];
            if (t.type == TokenType::EndOfFile)
                return i;
            if (depth == 0 && (endsLine(t) || t.type == TokenType::CBrace))
                return i;
            if (opens(t.type))
                ++depth;
            else if (closes(t.type) && depth > 0)
                --depth;
        }
        return m_tokens.size() - 1;
    }

    std::size_t readBlock(std::size_t i, QList<OutlineBlock> &blocks)
    {
        OutlineBlock b;
        const Token &head = m_tokens[i];
        b.type = QString::fromUtf8(head.bytes);
        b.typeSpan = span(head);
        b.headerSpan.start = head.range.start.byte;
        b.parent = m_open.isEmpty() ? -1 : m_open.last();
        ++i;
        while (true) {
            const Token &t = tokenAt(i);
            if (t.type == TokenType::Ident) {
                b.labels.append(QString::fromUtf8(t.bytes));
                b.labelSpans.append(span(t));
                ++i;
            } else if (t.type == TokenType::OQuote) {
                ByteSpan s{t.range.end.byte, t.range.end.byte};
                QByteArray text;
                ++i;
                while (tokenAt(i).type == TokenType::QuotedLit) {
                    text += tokenAt(i).bytes;
                    s.end = tokenAt(i).range.end.byte;
                    ++i;
                }
                b.labels.append(QString::fromUtf8(text));
                b.labelSpans.append(s);
                if (tokenAt(i).type == TokenType::CQuote)
                    ++i;
            } else {
                break;
            }
        }
        const Token &t = tokenAt(i);
        const int index = int(blocks.size());
        if (b.parent >= 0)
            blocks[b.parent].children.append(index);
        if (t.type == TokenType::OBrace) {
            b.headerSpan.end = t.range.start.byte;
            b.hasBody = true;
            b.bodySpan = {t.range.end.byte, t.range.end.byte};
            blocks.append(b);
            m_open.append(index);
            return i + 1;
        }
        b.headerSpan.end = t.range.start.byte;
        blocks.append(b);
        // A header that goes wrong mid-line: resume at the end of the line.
        if (!endsLine(t))
            i = skipExpression(i);
        return i;
    }

    const hcl::Tokens &m_tokens;
    QList<int> m_open;
};

} // namespace

HclOutline HclOutline::build(const QByteArray &utf8)
{
    HclOutline outline;
    const hcl::Tokens tokens = hcl::lexConfig(utf8, QString());
    OutlineBuilder(tokens).run(outline.m_blocks, outline.m_rootAttributes);
    return outline;
}

QList<int> HclOutline::topLevel() const
{
    QList<int> result;
    for (int i = 0; i < m_blocks.size(); ++i) {
        if (m_blocks[i].parent < 0)
            result.append(i);
    }
    return result;
}

QList<int> HclOutline::blockPathAt(int pos) const
{
    QList<int> path;
    QList<int> candidates = topLevel();
    bool descended = true;
    while (descended) {
        descended = false;
        for (int i : std::as_const(candidates)) {
            const OutlineBlock &b = m_blocks[i];
            if (b.hasBody && pos >= b.bodySpan.start && pos <= b.bodySpan.end) {
                path.append(i);
                candidates = b.children;
                descended = true;
                break;
            }
        }
    }
    return path;
}

} // namespace kiln::models

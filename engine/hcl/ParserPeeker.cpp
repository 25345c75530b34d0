// Token access and error recovery for ParserImpl, as hclsyntax's peeker.go and
// the recover* helpers of parser.go.

#include "engine/hcl/ParserImpl.h"

namespace kiln::hcl::detail {

ParserImpl::ParserImpl(const Tokens &tokens)
    : m_tokens(tokens)
{ }

// Finds the next significant token from m_next without consuming it; *index
// receives the position after it. The token list always ends with EndOfFile,
// which is returned forever once reached.
static size_t nextTokenIndex(
    const Tokens &tokens, size_t from, bool includeNewlines, bool *fakeNewline)
{
    *fakeNewline = false;
    for (size_t i = from; i < tokens.size(); ++i) {
        const Token &tok = tokens[i];
        if (tok.type == TokenType::Comment) {
            // A line comment consumes its newline; when newlines matter the
            // comment has to stand in for it.
            if (includeNewlines && !tok.bytes.isEmpty() && tok.bytes.back() == '\n') {
                *fakeNewline = true;
                return i;
            }
            continue;
        }
        if (tok.type == TokenType::Newline && !includeNewlines)
            continue;
        return i;
    }
    return tokens.size() - 1;
}

const Token &ParserImpl::peekSlow()
{
    bool fake = false;
    const size_t i = nextTokenIndex(m_tokens, m_next, m_includeNewlines, &fake);
    return fake ? commentNewline(i) : m_tokens[i];
}

const Token &ParserImpl::readSlow()
{
    bool fake = false;
    const size_t i = nextTokenIndex(m_tokens, m_next, m_includeNewlines, &fake);
    m_next = i + 1 < m_tokens.size() ? i + 1 : m_tokens.size();
    return fake ? commentNewline(i) : m_tokens[i];
}

QString ParserImpl::identifier(const Token &tok)
{
    if (m_names.empty()) {
        // Sized to the input: tiny parses (one JSON string's expression) get a
        // tiny table, a large file a few hundred slots.
        size_t count = 16;
        while (count < 512 && count * 8 < m_tokens.size())
            count *= 2;
        m_names.resize(count);
    }
    const std::string_view key(tok.bytes.constData(), size_t(tok.bytes.size()));
    size_t h = 14695981039346656037ull; // FNV-1a: names are short
    for (const char c : key)
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    NameSlot &slot = m_names[h & (m_names.size() - 1)];
    if (slot.key.data() == nullptr || slot.key != key) {
        slot.key = key;
        slot.name = QString::fromUtf8(tok.bytes);
    }
    return slot.name;
}

const Token &ParserImpl::commentNewline(size_t index)
{
    auto it = m_commentNewlines.find(index);
    if (it == m_commentNewlines.end()) {
        const Token &comment = m_tokens[index];
        Token nl;
        nl.type = TokenType::Newline;
        nl.bytes = comment.bytes.right(1);
        nl.range = comment.range;
        it = m_commentNewlines.emplace(index, std::move(nl)).first;
    }
    return it->second;
}

SourceRange ParserImpl::prevRange()
{
    if (m_next == 0)
        return nextRange();
    return m_tokens[m_next - 1].range;
}

TokenType ParserImpl::oppositeBracket(TokenType t)
{
    switch (t) {
    case TokenType::OBrace:
        return TokenType::CBrace;
    case TokenType::OBrack:
        return TokenType::CBrack;
    case TokenType::OParen:
        return TokenType::CParen;
    case TokenType::OQuote:
        return TokenType::CQuote;
    case TokenType::OHeredoc:
        return TokenType::CHeredoc;
    case TokenType::CBrace:
        return TokenType::OBrace;
    case TokenType::CBrack:
        return TokenType::OBrack;
    case TokenType::CParen:
        return TokenType::OParen;
    case TokenType::CQuote:
        return TokenType::OQuote;
    case TokenType::CHeredoc:
        return TokenType::OHeredoc;
    case TokenType::TemplateControl:
    case TokenType::TemplateInterp:
        return TokenType::TemplateSeqEnd;
    case TokenType::TemplateSeqEnd:
        // Ambiguous; recover() counts both template openers as Interp.
        return TokenType::TemplateInterp;
    default:
        return TokenType::Invalid; // hcl's TokenNil: matches nothing the lexer emits as a bracket
    }
}

// Skips to the matching `end` (counting nested pairs of the same bracket) and
// returns it, or EndOfFile.
const Token &ParserImpl::recover(TokenType end)
{
    const TokenType start = oppositeBracket(end);
    recovery = true;
    int nest = 0;
    for (;;) {
        const Token &tok = read();
        TokenType ty = tok.type;
        if (end == TokenType::TemplateSeqEnd && ty == TokenType::TemplateControl)
            ty = TokenType::TemplateInterp;
        if (ty == TokenType::EndOfFile)
            return tok;
        if (ty == start && start != TokenType::Invalid) {
            ++nest;
        } else if (ty == end) {
            if (nest < 1)
                return tok;
            --nest;
        }
    }
}

void ParserImpl::recoverOver(TokenType start)
{
    for (;;) {
        const Token &tok = read();
        if (tok.type == start || tok.type == TokenType::EndOfFile)
            break;
    }
    recover(oppositeBracket(start));
}

// Skips the rest of a broken body item: up to the next newline that is not
// inside any bracket opened since the item started.
void ParserImpl::recoverAfterBodyItem()
{
    recovery = true;
    std::vector<TokenType> open;
    for (;;) {
        const Token &tok = read();
        switch (tok.type) {
        case TokenType::Newline:
            if (open.empty())
                return;
            break;
        case TokenType::EndOfFile:
            return;
        case TokenType::OBrace:
        case TokenType::OBrack:
        case TokenType::OParen:
        case TokenType::OQuote:
        case TokenType::OHeredoc:
        case TokenType::TemplateInterp:
        case TokenType::TemplateControl:
            open.push_back(tok.type);
            break;
        case TokenType::CBrace:
        case TokenType::CBrack:
        case TokenType::CParen:
        case TokenType::CQuote:
        case TokenType::CHeredoc: {
            const TokenType opener = oppositeBracket(tok.type);
            while (!open.empty() && open.back() != opener)
                open.pop_back();
            if (!open.empty())
                open.pop_back();
            break;
        }
        case TokenType::TemplateSeqEnd:
            while (!open.empty() && open.back() != TokenType::TemplateInterp
                && open.back() != TokenType::TemplateControl)
                open.pop_back();
            if (!open.empty())
                open.pop_back();
            break;
        default:
            break;
        }
    }
}

void ParserImpl::recoverToNextItem(TokenType end)
{
    recovery = true;
    std::vector<TokenType> open;
    for (;;) {
        const Token &tok = peek();
        if (tok.type == TokenType::EndOfFile || (tok.type == end && open.empty()))
            return;
        read();
        switch (tok.type) {
        case TokenType::Newline:
            if (open.empty())
                return;
            break;
        case TokenType::OBrace:
        case TokenType::OBrack:
        case TokenType::OParen:
        case TokenType::OQuote:
        case TokenType::OHeredoc:
        case TokenType::TemplateInterp:
        case TokenType::TemplateControl:
            open.push_back(tok.type);
            break;
        case TokenType::CBrace:
        case TokenType::CBrack:
        case TokenType::CParen:
        case TokenType::CQuote:
        case TokenType::CHeredoc: {
            const TokenType opener = oppositeBracket(tok.type);
            while (!open.empty() && open.back() != opener)
                open.pop_back();
            if (!open.empty())
                open.pop_back();
            break;
        }
        case TokenType::TemplateSeqEnd:
            while (!open.empty() && open.back() != TokenType::TemplateInterp
                && open.back() != TokenType::TemplateControl)
                open.pop_back();
            if (!open.empty())
                open.pop_back();
            break;
        default:
            break;
        }
    }
}

ExprPtr errorPlaceholder(const SourceRange &range)
{
    auto lit = std::make_shared<LiteralExpr>();
    lit->value = Value::dynamicUnknown();
    lit->range = range;
    lit->startRange = range;
    return lit;
}

} // namespace kiln::hcl::detail

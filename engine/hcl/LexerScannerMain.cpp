#include "engine/hcl/LexerScanner.h"
#include "engine/hcl/LexerUnicode.h"

#include <array>
#include <cstring>

namespace kiln::hcl::lexer {

namespace {

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Letters, digits, '_' and '-': one table look-up per byte of an identifier
// instead of a chain of range tests.
bool isAsciiIdentContinue(char c)
{
    static constexpr std::array<bool, 256> table = [] {
        std::array<bool, 256> t {};
        for (int b = 0; b < 256; ++b)
            t[size_t(b)] = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '-';
        return t;
    }();
    return table[static_cast<unsigned char>(c)];
}

} // namespace

int Scanner::identLength(int i) const
{
    int q = i;
    if (q >= m_size)
        return 0;
    const char c = m_data[q];
    if (c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
        ++q;
    } else {
        const int len = utf8Length(m_data, m_size, q);
        if (len < 2 || !lexer::isIdStart(utf8Decode(m_data, q, len)))
            return 0;
        q += len;
    }
    while (q < m_size) {
        const char d = m_data[q];
        if (isAsciiIdentContinue(d)) {
            ++q;
            continue;
        }
        if (static_cast<unsigned char>(d) < 0x80)
            break;
        const int len = utf8Length(m_data, m_size, q);
        if (len == 0 || !lexer::isIdContinue(utf8Decode(m_data, q, len)))
            break;
        q += len;
    }
    return q - i;
}

int Scanner::numberLength(int i) const
{
    int q = i + 1;
    int end = q;
    while (q < m_size) {
        const char c = m_data[q];
        if (isAsciiDigit(c)) {
            end = ++q;
        } else if (c == '.') {
            ++q;
        } else if (c == 'e' || c == 'E') {
            int r = q + 1;
            if (hasAt(r, '+') || hasAt(r, '-'))
                ++r;
            if (r < m_size && isAsciiDigit(m_data[r]))
                end = q = r + 1;
            else
                break;
        } else {
            break;
        }
    }
    return end - i;
}

bool Scanner::stepMain()
{
    const char c = m_data[m_p];
    switch (c) {
    case ' ':
    case '\t': {
        int q = m_p + 1;
        while (q < m_size && (m_data[q] == ' ' || m_data[q] == '\t'))
            ++q;
        m_p = q;
        return true;
    }
    case '#':
    case '/': {
        if (c == '/' && !hasAt(m_p + 1, '/') && !hasAt(m_p + 1, '*')) {
            pushAndAdvance(TokenType::Slash, 1);
            return true;
        }
        if (c == '/' && m_data[m_p + 1] == '*') {
            const int close = QByteArrayView(m_data + m_p + 2, m_size - m_p - 2).indexOf("*/");
            if (close < 0) {
                // An unterminated block comment never matches; the longest
                // complete match is the lone "/".
                pushAndAdvance(TokenType::Slash, 1);
                return true;
            }
            pushAndAdvance(TokenType::Comment, close + 4);
            return true;
        }
        const void *nl = memchr(m_data + m_p, '\n', size_t(m_size - m_p));
        const int end = nl ? int(static_cast<const char *>(nl) - m_data) + 1 : m_size;
        pushAndAdvance(TokenType::Comment, end - m_p);
        return true;
    }
    case '\n':
        pushAndAdvance(TokenType::Newline, 1);
        return true;
    case '\r':
        pushAndAdvance(hasAt(m_p + 1, '\n') ? TokenType::Newline : TokenType::Invalid,
            hasAt(m_p + 1, '\n') ? 2 : 1);
        return true;
    case '=':
        if (hasAt(m_p + 1, '='))
            pushAndAdvance(TokenType::EqualOp, 2);
        else if (hasAt(m_p + 1, '>'))
            pushAndAdvance(TokenType::FatArrow, 2);
        else
            pushAndAdvance(TokenType::Equal, 1);
        return true;
    case '!':
        if (hasAt(m_p + 1, '='))
            pushAndAdvance(TokenType::NotEqual, 2);
        else
            pushAndAdvance(TokenType::Bang, 1);
        return true;
    case '>':
        if (hasAt(m_p + 1, '='))
            pushAndAdvance(TokenType::GreaterThanEq, 2);
        else
            pushAndAdvance(TokenType::GreaterThan, 1);
        return true;
    case '<': {
        if (hasAt(m_p + 1, '=')) {
            pushAndAdvance(TokenType::LessThanEq, 2);
            return true;
        }
        if (hasAt(m_p + 1, '<')) {
            // BeginHeredocTmpl = "<<" "-"? Ident Newline
            int q = m_p + 2;
            if (hasAt(q, '-'))
                ++q;
            const int markerStart = q;
            const int identLen = identLength(q);
            if (identLen > 0) {
                q += identLen;
                const int markerEnd = q;
                if (hasAt(q, '\r') && hasAt(q + 1, '\n'))
                    q += 2;
                else if (hasAt(q, '\n'))
                    q += 1;
                else
                    q = -1;
                if (q > 0) {
                    pushAndAdvance(TokenType::OHeredoc, q - m_p);
                    m_heredocs.push_back(
                        {QByteArray(m_data + markerStart, markerEnd - markerStart), true});
                    call(Context::HeredocTemplate);
                    return true;
                }
            }
        }
        pushAndAdvance(TokenType::LessThan, 1);
        return true;
    }
    case '&':
        if (hasAt(m_p + 1, '&'))
            pushAndAdvance(TokenType::And, 2);
        else
            pushAndAdvance(TokenType::BitwiseAnd, 1);
        return true;
    case '|':
        if (hasAt(m_p + 1, '|'))
            pushAndAdvance(TokenType::Or, 2);
        else
            pushAndAdvance(TokenType::BitwiseOr, 1);
        return true;
    case '.':
        if (hasAt(m_p + 1, '.') && hasAt(m_p + 2, '.'))
            pushAndAdvance(TokenType::Ellipsis, 3);
        else
            pushAndAdvance(TokenType::Dot, 1);
        return true;
    case '[':
        pushAndAdvance(TokenType::OBrack, 1);
        return true;
    case ']':
        pushAndAdvance(TokenType::CBrack, 1);
        return true;
    case '(':
        pushAndAdvance(TokenType::OParen, 1);
        return true;
    case ')':
        pushAndAdvance(TokenType::CParen, 1);
        return true;
    case ',':
        pushAndAdvance(TokenType::Comma, 1);
        return true;
    case '*':
        pushAndAdvance(TokenType::Star, 1);
        return true;
    case '%':
        pushAndAdvance(TokenType::Percent, 1);
        return true;
    case '+':
        pushAndAdvance(TokenType::Plus, 1);
        return true;
    case '-':
        pushAndAdvance(TokenType::Minus, 1);
        return true;
    case '?':
        pushAndAdvance(TokenType::Question, 1);
        return true;
    case ':':
        pushAndAdvance(TokenType::Colon, 1);
        return true;
    case '^':
        pushAndAdvance(TokenType::BitwiseXor, 1);
        return true;
    case ';':
        pushAndAdvance(TokenType::Semicolon, 1);
        return true;
    case '`':
        pushAndAdvance(TokenType::Backtick, 1);
        return true;
    case '\'':
        pushAndAdvance(TokenType::Apostrophe, 1);
        return true;
    case '{':
        pushAndAdvance(TokenType::OBrace, 1);
        ++m_braces;
        return true;
    case '}':
        closeBrace(1, false);
        return true;
    case '~':
        if (hasAt(m_p + 1, '}'))
            closeBrace(2, true);
        else
            pushAndAdvance(TokenType::BitwiseNot, 1);
        return true;
    case '"':
        pushAndAdvance(TokenType::OQuote, 1);
        call(Context::StringTemplate);
        return true;
    default:
        break;
    }
    if (isAsciiDigit(c)) {
        pushAndAdvance(TokenType::NumberLit, numberLength(m_p));
        return true;
    }
    if (const int len = identLength(m_p)) {
        pushAndAdvance(TokenType::Ident, len);
        return true;
    }
    const int len = utf8Length(m_data, m_size, m_p);
    if (len == 0)
        pushAndAdvance(TokenType::BadUTF8, 1);
    else
        pushAndAdvance(TokenType::Invalid, len);
    return true;
}

} // namespace kiln::hcl::lexer

#include "engine/hcl/Lexer.h"

#include "engine/hcl/LexerUnicode.h"

#include <vector>

namespace kiln::hcl {

using lexer::utf8Decode;
using lexer::utf8Length;

namespace {

// The scanner is a hand-written equivalent of the Ragel machine in hclsyntax's
// scan_tokens.rl. Ragel scanners pick the longest match at each position and
// can "fcall"/"fret" between sub-scanners; here each sub-scanner is a step
// function and the call stack is an explicit vector of contexts.
enum class Context { Main, StringTemplate, HeredocTemplate, BareTemplate };

struct HeredocInProgress
{
    QByteArray marker;
    bool startOfLine = true;
};

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isSpaceByte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

class Scanner
{
public:
    Scanner(const QByteArray &src, LexMode mode, const QString &filename, SourcePos start)
        : m_filename(filename)
    {
        int skip = src.startsWith("\xEF\xBB\xBF") ? 3 : 0;
        m_data = src.constData() + skip;
        m_size = int(src.size()) - skip;
        m_src = src;
        m_skip = skip;
        start.byte += skip;
        m_pos = start;
        m_startByte = start.byte;
        m_context = mode == LexMode::Template ? Context::BareTemplate : Context::Main;
        m_tokens.reserve(size_t(m_size / 4 + 8));
    }

    Tokens run()
    {
        while (m_p < m_size) {
            const int ts = m_p;
            bool matched = false;
            switch (m_context) {
            case Context::Main:
                matched = stepMain();
                break;
            case Context::StringTemplate:
                matched = stepString();
                break;
            case Context::HeredocTemplate:
                matched = stepHeredoc();
                break;
            case Context::BareTemplate:
                matched = stepBare();
                break;
            }
            if (!matched) {
                // No pattern matches here: the Ragel machine stops in its
                // error state and hclsyntax turns the whole remainder into
                // one token (literal text at the top of a bare template).
                const bool bare = m_context == Context::BareTemplate && m_stack.empty();
                pushToken(bare ? TokenType::StringLit : TokenType::Invalid, ts, m_size);
                break;
            }
        }
        pushToken(TokenType::EndOfFile, m_size, m_size);
        return std::move(m_tokens);
    }

private:
    char at(int i) const { return i < m_size ? m_data[i] : '\0'; }
    bool hasAt(int i, char c) const { return i < m_size && m_data[i] == c; }

    // Emits [ts, te) and advances the position tracker, counting lines on
    // "\n"/"\r\n" and columns per grapheme cluster as hclsyntax's tokenAccum.
    void pushToken(TokenType type, int ts, int te)
    {
        SourcePos start = m_pos;
        // Only ASCII spaces/tabs are ever skipped between tokens.
        start.column += ts + m_startByte - m_pos.byte;
        start.byte = ts + m_startByte;
        SourcePos end = start;
        end.byte = te + m_startByte;
        char32_t prev = '\n'; // nothing extends the first character of a token
        int regionalRun = 0;
        for (int i = ts; i < te;) {
            const auto b = static_cast<unsigned char>(m_data[i]);
            if (b == '\n' || (b == '\r' && i + 1 < te && m_data[i + 1] == '\n')) {
                i += b == '\n' ? 1 : 2;
                ++end.line;
                end.column = 1;
                prev = '\n';
                continue;
            }
            if (b < 0x80) {
                ++end.column;
                ++i;
                prev = b < 0x20 || b == 0x7F ? U'\n' : char32_t(b);
                regionalRun = 0;
                continue;
            }
            const int len = utf8Length(m_data, te, i);
            if (len == 0) {
                ++end.column;
                ++i;
                prev = '\n';
                continue;
            }
            const char32_t cp = utf8Decode(m_data, i, len);
            const bool joins = prev != '\n' && lexer::extendsCluster(prev, cp, regionalRun);
            if (!joins)
                ++end.column;
            regionalRun = (cp >= 0x1F1E6 && cp <= 0x1F1FF) ? regionalRun + 1 : 0;
            prev = cp;
            i += len;
        }
        m_pos = end;
        Token tok;
        tok.type = type;
        tok.bytes = m_src.mid(ts + m_skip, te - ts);
        tok.range = SourceRange{m_filename, start, end};
        m_tokens.push_back(std::move(tok));
    }

    void pushAndAdvance(TokenType type, int len)
    {
        pushToken(type, m_p, m_p + len);
        m_p += len;
    }

    void call(Context next)
    {
        m_stack.push_back(m_context);
        m_context = next;
    }

    void ret()
    {
        if (m_stack.empty())
            return;
        m_context = m_stack.back();
        m_stack.pop_back();
    }

    // Length of an identifier starting at i, or 0.
    int identLength(int i) const
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
            if (d == '-' || d == '_' || (d >= 'A' && d <= 'Z') || (d >= 'a' && d <= 'z')
                || isAsciiDigit(d)) {
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

    // NumberLit = digit (digit | '.' | [eE][+-]?digit)* not ending in '.'.
    int numberLength(int i) const
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

    void beginSequence(TokenType type)
    {
        const int len = hasAt(m_p + 2, '~') ? 3 : 2;
        pushAndAdvance(type, len);
        ++m_braces;
        m_retBraces.push_back(m_braces);
        if (!m_heredocs.empty())
            m_heredocs.back().startOfLine = false;
        call(Context::Main);
    }

    void closeBrace(int len, bool tilde)
    {
        if (!m_retBraces.empty() && m_retBraces.back() == m_braces) {
            pushAndAdvance(TokenType::TemplateSeqEnd, len);
            --m_braces;
            m_retBraces.pop_back();
            ret();
            return;
        }
        // A "~}" that does not close a sequence is still a TemplateSeqEnd so
        // the parser can report it as a misplaced strip marker.
        pushAndAdvance(tilde ? TokenType::TemplateSeqEnd : TokenType::CBrace, len);
        --m_braces;
    }

    bool stepMain();
    bool stepString();
    bool stepHeredoc();
    bool stepBare();
    bool templateEscape(int &len) const;
    bool heredocLine(int lineStart, int lineEnd, int nlLen);

    QByteArray m_src;
    int m_skip = 0;
    const char *m_data = nullptr;
    int m_size = 0;
    int m_p = 0;
    QString m_filename;
    SourcePos m_pos;
    int m_startByte = 0;
    Context m_context = Context::Main;
    std::vector<Context> m_stack;
    int m_braces = 0;
    std::vector<int> m_retBraces;
    std::vector<HeredocInProgress> m_heredocs;
    Tokens m_tokens;
};

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

// At a '$' or '%' that is not followed by '{': the escape forms "$${" / "%%{"
// (optionally with "~"), or the lone sign when another character follows.
// Returns false at end of input, where no template pattern can complete.
bool Scanner::templateEscape(int &len) const
{
    const char sign = m_data[m_p];
    if (m_p + 1 >= m_size)
        return false;
    if (m_data[m_p + 1] == sign && hasAt(m_p + 2, '{')) {
        len = hasAt(m_p + 3, '~') ? 4 : 3;
        return true;
    }
    len = 1;
    return true;
}

bool Scanner::stepString()
{
    const char c = m_data[m_p];
    if ((c == '$' || c == '%') && hasAt(m_p + 1, '{')) {
        beginSequence(c == '$' ? TokenType::TemplateInterp : TokenType::TemplateControl);
        return true;
    }
    if (c == '$' || c == '%') {
        int len = 0;
        if (templateEscape(len))
            pushAndAdvance(TokenType::QuotedLit, len);
        else
            pushAndAdvance(TokenType::Invalid, 1);
        return true;
    }
    if (c == '"') {
        pushAndAdvance(TokenType::CQuote, 1);
        ret();
        return true;
    }
    if (c == '\r' || c == '\n') {
        int q = m_p + 1;
        while (q < m_size && (m_data[q] == '\r' || m_data[q] == '\n'))
            ++q;
        pushAndAdvance(TokenType::QuotedNewline, q - m_p);
        return true;
    }
    int q = m_p;
    while (q < m_size) {
        const char d = m_data[q];
        if (d == '$' || d == '%' || d == '"' || d == '\r' || d == '\n')
            break;
        if (d == '\\') {
            if (q + 1 >= m_size || m_data[q + 1] == '\r' || m_data[q + 1] == '\n')
                break;
            const int len = utf8Length(m_data, m_size, q + 1);
            if (len == 0)
                break;
            q += 1 + len;
            continue;
        }
        const int len = static_cast<unsigned char>(d) < 0x80 ? 1 : utf8Length(m_data, m_size, q);
        if (len == 0)
            break;
        q += len;
    }
    if (q > m_p) {
        pushAndAdvance(TokenType::QuotedLit, q - m_p);
        return true;
    }
    const int len = utf8Length(m_data, m_size, m_p);
    if (len == 0)
        pushAndAdvance(TokenType::BadUTF8, 1);
    else
        pushAndAdvance(TokenType::Invalid, len);
    return true;
}

// A heredoc line ending in a newline: either the closing marker (emitted as
// CHeredoc plus a separate Newline, so the newline still ends the attribute)
// or a literal line.
bool Scanner::heredocLine(int lineStart, int lineEnd, int nlLen)
{
    HeredocInProgress &top = m_heredocs.back();
    if (top.startOfLine) {
        int a = lineStart;
        int b = lineEnd;
        while (a < b && isSpaceByte(m_data[a]))
            ++a;
        while (b > a && isSpaceByte(m_data[b - 1]))
            --b;
        QByteArrayView trimmed(m_data + a, b - a);
        bool isMarker = trimmed == QByteArrayView(top.marker);
        if (!isMarker && b > a
            && (static_cast<unsigned char>(m_data[a]) >= 0x80
                || static_cast<unsigned char>(m_data[b - 1]) >= 0x80)) {
            // Go's bytes.TrimSpace also strips Unicode white space.
            isMarker = QString::fromUtf8(trimmed).trimmed().toUtf8() == top.marker;
        }
        if (isMarker) {
            pushToken(TokenType::CHeredoc, lineStart, lineEnd);
            pushToken(TokenType::Newline, lineEnd, lineEnd + nlLen);
            m_p = lineEnd + nlLen;
            m_heredocs.pop_back();
            ret();
            return true;
        }
    }
    top.startOfLine = true;
    pushToken(TokenType::StringLit, lineStart, lineEnd + nlLen);
    m_p = lineEnd + nlLen;
    return true;
}

bool Scanner::stepHeredoc()
{
    const char c = m_data[m_p];
    if ((c == '$' || c == '%') && hasAt(m_p + 1, '{')) {
        beginSequence(c == '$' ? TokenType::TemplateInterp : TokenType::TemplateControl);
        return true;
    }
    if (c == '$' || c == '%') {
        int len = 0;
        if (!templateEscape(len))
            return false;
        m_heredocs.back().startOfLine = false;
        pushAndAdvance(TokenType::StringLit, len);
        return true;
    }
    int q = m_p;
    while (q < m_size) {
        const char d = m_data[q];
        if (d == '$' || d == '%' || d == '\r' || d == '\n')
            break;
        const int len = static_cast<unsigned char>(d) < 0x80 ? 1 : utf8Length(m_data, m_size, q);
        if (len == 0)
            break;
        q += len;
    }
    if (hasAt(q, '\n'))
        return heredocLine(m_p, q, 1);
    if (hasAt(q, '\r') && hasAt(q + 1, '\n'))
        return heredocLine(m_p, q, 2);
    if (q > m_p) {
        m_heredocs.back().startOfLine = false;
        pushAndAdvance(TokenType::StringLit, q - m_p);
        return true;
    }
    if (utf8Length(m_data, m_size, m_p) == 0) {
        pushAndAdvance(TokenType::BadUTF8, 1);
        return true;
    }
    // A carriage return not followed by a newline matches nothing here.
    return false;
}

bool Scanner::stepBare()
{
    const char c = m_data[m_p];
    if ((c == '$' || c == '%') && hasAt(m_p + 1, '{')) {
        beginSequence(c == '$' ? TokenType::TemplateInterp : TokenType::TemplateControl);
        return true;
    }
    if (c == '$' || c == '%') {
        int len = 0;
        if (!templateEscape(len))
            return false;
        pushAndAdvance(TokenType::StringLit, len);
        return true;
    }
    int q = m_p;
    while (q < m_size) {
        const char d = m_data[q];
        if (d == '$' || d == '%' || d == '\r' || d == '\n')
            break;
        const int len = static_cast<unsigned char>(d) < 0x80 ? 1 : utf8Length(m_data, m_size, q);
        if (len == 0)
            break;
        q += len;
    }
    if (hasAt(q, '\n'))
        q += 1;
    else if (hasAt(q, '\r') && hasAt(q + 1, '\n'))
        q += 2;
    if (q > m_p) {
        pushAndAdvance(TokenType::StringLit, q - m_p);
        return true;
    }
    if (utf8Length(m_data, m_size, m_p) == 0) {
        pushAndAdvance(TokenType::BadUTF8, 1);
        return true;
    }
    return false;
}

} // namespace

Tokens lex(const QByteArray &src, LexMode mode, const QString &filename, SourcePos start)
{
    return Scanner(src, mode, filename, start).run();
}

Tokens lexConfig(const QByteArray &src, const QString &filename, SourcePos start)
{
    return lex(src, LexMode::Config, filename, start);
}

Tokens lexTemplate(const QByteArray &src, const QString &filename, SourcePos start)
{
    return lex(src, LexMode::Template, filename, start);
}

Tokens lexExpression(const QByteArray &src, const QString &filename, SourcePos start)
{
    return lex(src, LexMode::Expression, filename, start);
}

bool isValidIdentifier(const QByteArray &name)
{
    // hclsyntax.ValidIdentifier scans in ident-only mode and accepts exactly one
    // Ident token covering the whole input.
    const Tokens toks = lexConfig(name, QString());
    return toks.size() == 2 && toks[0].type == TokenType::Ident && toks[0].bytes == name;
}

} // namespace kiln::hcl

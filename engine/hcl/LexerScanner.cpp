#include "engine/hcl/LexerScanner.h"

#include "engine/hcl/LexerUnicode.h"

#include <array>
#include <cstring>

namespace kiln::hcl::lexer {

namespace {

bool isSpaceByte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// The bytes of a one-byte token. Braces, brackets, quotes, '=', ',', '.' and newlines
// are about half of all tokens; sharing one array per byte value saves an allocation
// (and its later free) for each of them. Built once, then only read and copied, which
// is safe from any thread.
const QByteArray &singleByte(unsigned char b)
{
    static const std::array<QByteArray, 256> table = [] {
        std::array<QByteArray, 256> t;
        for (int i = 0; i < 256; ++i)
            t[size_t(i)] = QByteArray(1, char(i));
        return t;
    }();
    return table[b];
}

// The bytes [pos, pos + len) of `src` as a QByteArray that shares src's buffer:
// one more reference on it instead of an allocation and a copy per token (a
// 20,000-line template has about 50,000 multi-byte tokens). Writing to the slice
// detaches it like any shared QByteArray. Unlike most QByteArrays the slice is
// not NUL-terminated, like one from QByteArray::fromRawData(); token bytes are
// only ever used with their size. Raw (unowned) source data is copied, since
// nothing would keep it alive.
QByteArray sharedSlice(QByteArray &src, qsizetype pos, qsizetype len)
{
    QByteArray::DataPointer &whole = src.data_ptr();
    if (!whole.d_ptr())
        return src.mid(pos, len);
    whole.d_ptr()->ref();
    return QByteArray(QByteArray::DataPointer(whole.d_ptr(), whole.data() + pos, len));
}

} // namespace

Scanner::Scanner(const QByteArray &src, LexMode mode, const QString &filename, SourcePos start)
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
    // Real templates average under three bytes per token (a 20,000-line one has
    // 180,000 tokens in 500 KB). Reserving for one per two bytes means the list
    // is never moved while it grows; the pages of the unused tail are never
    // touched, so they cost address space only.
    m_tokens.reserve(size_t(m_size / 2 + 8));
}

Tokens Scanner::run()
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

void Scanner::pushToken(TokenType type, int ts, int te)
{
    SourcePos start = m_pos;
    // Only ASCII spaces/tabs are ever skipped between tokens.
    start.column += ts + m_startByte - m_pos.byte;
    start.byte = ts + m_startByte;
    SourcePos end = start;
    end.byte = te + m_startByte;
    char32_t prev = '\n'; // nothing extends the first character of a token
    int regionalRun = 0;
    // Most tokens are printable ASCII: one column per byte, and nothing such a
    // byte precedes can join its cluster except what the general loop handles.
    int i = ts;
    // Eight bytes at a time while none can be outside 0x20..0x7E (long string
    // literals and comments); the tests may also flag a printable byte after a
    // flagged one (borrows and carries), which only ends the fast part early.
    constexpr quint64 ones = 0x0101010101010101ull;
    constexpr quint64 highs = 0x8080808080808080ull;
    while (te - i >= 8) {
        quint64 v;
        std::memcpy(&v, m_data + i, 8);
        const quint64 below20 = (v - 0x20 * ones) & ~v & highs;
        const quint64 from7f = (v | (v + ones)) & highs;
        if (below20 | from7f)
            break;
        i += 8;
    }
    while (i < te && static_cast<unsigned char>(m_data[i]) >= 0x20 && static_cast<unsigned char>(m_data[i]) < 0x7F)
        ++i;
    if (i > ts) {
        end.column += i - ts;
        prev = char32_t(static_cast<unsigned char>(m_data[i - 1]));
    }
    while (i < te) {
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
    // Built from its parts, each copied or moved once: assigning into a
    // default-constructed token cost an out-of-line assignment per member. (Braces,
    // not emplace_back's parentheses: clang 14 has no parenthesized aggregate init.)
    if (te - ts == 1)
        m_tokens.push_back(Token{type, singleByte(static_cast<unsigned char>(m_data[ts])),
                                 SourceRange{m_filename, start, end}});
    else
        m_tokens.push_back(Token{type, sharedSlice(m_src, ts + m_skip, te - ts), SourceRange{m_filename, start, end}});
}

void Scanner::pushAndAdvance(TokenType type, int len)
{
    pushToken(type, m_p, m_p + len);
    m_p += len;
}

void Scanner::call(Context next)
{
    m_stack.push_back(m_context);
    m_context = next;
}

void Scanner::ret()
{
    if (m_stack.empty())
        return;
    m_context = m_stack.back();
    m_stack.pop_back();
}

void Scanner::beginSequence(TokenType type)
{
    const int len = hasAt(m_p + 2, '~') ? 3 : 2;
    pushAndAdvance(type, len);
    ++m_braces;
    m_retBraces.push_back(m_braces);
    if (!m_heredocs.empty())
        m_heredocs.back().startOfLine = false;
    call(Context::Main);
}

void Scanner::closeBrace(int len, bool tilde)
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

} // namespace kiln::hcl::lexer

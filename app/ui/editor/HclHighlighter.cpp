#include "app/ui/editor/HclHighlighter.h"

namespace kiln::ui {

using Kind = HclScanState::Kind;
using Entry = HclScanState::Entry;

int HclScanState::foldDepth() const
{
    int depth = 0;
    for (qsizetype i = 1; i < stack.size(); ++i) {
        const Kind k = stack[i].kind;
        depth += k == Kind::Body || k == Kind::Object || k == Kind::Tuple || k == Kind::Heredoc
            || k == Kind::Comment;
    }
    return depth;
}

namespace {

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
        || static_cast<unsigned char>(c) >= 0x80;
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '-';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// One line's worth of scanning; `i` walks the bytes, `st` is the state stack.
class LineScanner
{
public:
    LineScanner(const QByteArray &line, HclScanState &state, QByteArray &styles)
        : m_line(line)
        , m_stack(state.stack)
        , m_styles(styles)
    {
        m_styles.fill(char(HclStyle::Default), line.size());
    }

    void run()
    {
        if (top().kind == Kind::Heredoc)
            closesHeredoc();
        while (m_i < m_line.size()) {
            switch (top().kind) {
            case Kind::Comment:
                blockComment();
                break;
            case Kind::Quoted:
            case Kind::Heredoc:
                templateText();
                break;
            case Kind::Body:
                body();
                break;
            default:
                expression();
                break;
            }
        }
    }

private:
    Entry &top() { return m_stack.last(); }
    char at(qsizetype i) const { return i < m_line.size() ? m_line[i] : '\0'; }
    bool startsWith(const char *s) const
    {
        for (qsizetype k = 0; s[k]; ++k) {
            if (at(m_i + k) != s[k])
                return false;
        }
        return true;
    }
    void paint(qsizetype n, HclStyle style)
    {
        for (qsizetype k = 0; k < n && m_i < m_line.size(); ++k)
            m_styles[m_i++] = char(style);
    }
    qsizetype identLength(qsizetype from) const
    {
        qsizetype j = from;
        while (j < m_line.size() && isIdentChar(m_line[j]))
            ++j;
        return j - from;
    }
    char nextNonSpace(qsizetype from) const
    {
        while (from < m_line.size() && (m_line[from] == ' ' || m_line[from] == '\t'))
            ++from;
        return at(from);
    }
    void push(Kind kind, char phase = 0, QByteArray delimiter = {})
    {
        m_stack.append(Entry{kind, phase, std::move(delimiter)});
    }
    void pop()
    {
        if (m_stack.size() > 1)
            m_stack.removeLast();
    }

    // A heredoc ends at a line holding only its delimiter (leading spaces allowed).
    bool closesHeredoc()
    {
        qsizetype j = 0;
        while (j < m_line.size() && (m_line[j] == ' ' || m_line[j] == '\t'))
            ++j;
        const QByteArray rest = m_line.mid(j).trimmed();
        if (rest != top().delimiter)
            return false;
        m_i = j;
        paint(top().delimiter.size(), HclStyle::Heredoc);
        pop();
        return true;
    }

    // Whether the next non-blank character after `from` makes the word before it a name
    // being assigned: "=" (not "==") or ":" (object keys).
    bool assignmentFollows(qsizetype from) const
    {
        while (from < m_line.size() && (m_line[from] == ' ' || m_line[from] == '\t'))
            ++from;
        return (at(from) == '=' && at(from + 1) != '=') || at(from) == ':';
    }

    bool comment()
    {
        if (at(m_i) == '#' || startsWith("//")) {
            paint(m_line.size() - m_i, HclStyle::Comment);
            newlineReached();
            return true;
        }
        if (startsWith("/*")) {
            paint(2, HclStyle::Comment);
            push(Kind::Comment);
            return true;
        }
        return false;
    }

    void blockComment()
    {
        if (startsWith("*/")) {
            paint(2, HclStyle::Comment);
            pop();
        } else {
            paint(1, HclStyle::Comment);
        }
    }

    // The end of the line was consumed by a line comment: statements end there.
    void newlineReached()
    {
        if (top().kind == Kind::Body)
            top().phase = 0;
        else if (top().kind == Kind::Object)
            top().phase = 0;
    }

    void body()
    {
        const char c = at(m_i);
        if (c == '\n' || c == '\r') {
            paint(1, HclStyle::Default);
            top().phase = 0;
            return;
        }
        if (c == ' ' || c == '\t') {
            paint(1, HclStyle::Default);
            return;
        }
        if (comment())
            return;
        if (top().phase == 2) {
            expression();
            return;
        }
        if (top().phase == 0) {
            if (c == '}') {
                paint(1, HclStyle::Operator);
                pop();
                return;
            }
            if (isIdentStart(c)) {
                const qsizetype n = identLength(m_i);
                const bool attribute = assignmentFollows(m_i + n);
                paint(n, attribute ? HclStyle::Attribute : HclStyle::BlockType);
                top().phase = attribute ? 2 : 1;
                return;
            }
            top().phase = 2;
            expression();
            return;
        }
        // Block header: labels up to "{".
        if (c == '"') {
            const qsizetype close = m_line.indexOf('"', m_i + 1);
            paint(close < 0 ? m_line.size() - m_i : close - m_i + 1, HclStyle::Label);
        } else if (isIdentStart(c)) {
            paint(identLength(m_i), HclStyle::Label);
        } else if (c == '{') {
            paint(1, HclStyle::Operator);
            top().phase = 0;
            push(Kind::Body);
        } else {
            paint(1, HclStyle::Default);
        }
    }

    void expression()
    {
        const char c = at(m_i);
        if (c == '\n' || c == '\r') {
            paint(1, HclStyle::Default);
            if (top().kind == Kind::Object)
                top().phase = 0;
            return;
        }
        if (c == ' ' || c == '\t') {
            paint(1, HclStyle::Default);
            return;
        }
        if (comment())
            return;
        if (top().kind == Kind::Object && top().phase == 0) {
            top().phase = 1;
            if (isIdentStart(c) || c == '"') {
                qsizetype n = c == '"' ? m_line.indexOf('"', m_i + 1) - m_i + 1 : identLength(m_i);
                if (n > 0 && assignmentFollows(m_i + n)) {
                    paint(n, HclStyle::Attribute);
                    return;
                }
            }
        }
        if (c == '"') {
            paint(1, HclStyle::String);
            push(Kind::Quoted);
            return;
        }
        if (startsWith("<<")) {
            qsizetype j = m_i + 2 + (at(m_i + 2) == '-');
            const qsizetype n = isIdentStart(at(j)) ? identLength(j) : 0;
            if (n > 0) {
                const QByteArray delimiter = m_line.mid(j, n);
                paint(j + n - m_i, HclStyle::Heredoc);
                push(Kind::Heredoc, 0, delimiter);
                return;
            }
        }
        if (isDigit(c)) {
            qsizetype j = m_i;
            while (isDigit(at(j)) || (at(j) == '.' && isDigit(at(j + 1))))
                ++j;
            if ((at(j) == 'e' || at(j) == 'E')
                && (isDigit(at(j + 1))
                    || ((at(j + 1) == '+' || at(j + 1) == '-') && isDigit(at(j + 2))))) {
                j += 2;
                while (isDigit(at(j)))
                    ++j;
            }
            paint(j - m_i, HclStyle::Number);
            return;
        }
        if (isIdentStart(c)) {
            identifier();
            return;
        }
        switch (c) {
        case '{':
            paint(1, HclStyle::Operator);
            push(Kind::Object);
            return;
        case '[':
            paint(1, HclStyle::Operator);
            push(Kind::Tuple);
            return;
        case '(':
            paint(1, HclStyle::Operator);
            push(Kind::Paren);
            return;
        case '}':
            if (top().kind == Kind::Interp) {
                paint(1, HclStyle::Interpolation);
                pop();
            } else {
                paint(1, HclStyle::Operator);
                if (top().kind == Kind::Object)
                    pop();
            }
            return;
        case ']':
        case ')':
            paint(1, HclStyle::Operator);
            if (top().kind == (c == ']' ? Kind::Tuple : Kind::Paren))
                pop();
            return;
        case ',':
            paint(1, HclStyle::Operator);
            if (top().kind == Kind::Object)
                top().phase = 0;
            return;
        case '~':
            if (top().kind == Kind::Interp && at(m_i + 1) == '}') {
                paint(2, HclStyle::Interpolation);
                pop();
                return;
            }
            break;
        default:
            break;
        }
        paint(1, c == '.' ? HclStyle::Default : HclStyle::Operator);
    }

    void identifier()
    {
        const qsizetype n = identLength(m_i);
        const QByteArray word = m_line.mid(m_i, n);
        const bool afterDot = m_i > 0 && m_line[m_i - 1] == '.';
        const bool directive = top().kind == Kind::Interp && top().phase == 1;
        HclStyle style = HclStyle::Reference;
        if (!afterDot) {
            if (word == "true" || word == "false" || word == "null" || word == "for" || word == "in"
                || word == "if")
                style = HclStyle::Keyword;
            else if (directive && (word == "else" || word == "endif" || word == "endfor"))
                style = HclStyle::Keyword;
            else if (nextNonSpace(m_i + n) == '(')
                style = HclStyle::Function;
        }
        paint(n, style);
    }

    // Literal text of a quoted string or heredoc, with its template sequences.
    void templateText()
    {
        const bool quoted = top().kind == Kind::Quoted;
        const char c = at(m_i);
        if (quoted && c == '"') {
            paint(1, HclStyle::String);
            pop();
        } else if (quoted && (c == '\n' || c == '\r')) {
            // Quoted strings cannot span lines; end it here so the next line recovers.
            paint(1, HclStyle::Default);
            pop();
            newlineReached();
        } else if (quoted && c == '\\') {
            const char e = at(m_i + 1);
            paint(e == 'u' ? 6 : e == 'U' ? 10 : 2, HclStyle::Escape);
        } else if (startsWith("$${") || startsWith("%%{")) {
            paint(3, HclStyle::Escape);
        } else if (startsWith("${") || startsWith("%{")) {
            const bool isDirective = c == '%';
            paint(at(m_i + 2) == '~' ? 3 : 2, HclStyle::Interpolation);
            push(Kind::Interp, isDirective ? 1 : 0);
        } else {
            paint(1, HclStyle::String);
        }
    }

    const QByteArray &m_line;
    QList<Entry> &m_stack;
    QByteArray &m_styles;
    qsizetype m_i = 0;
};

} // namespace

void HclHighlighter::styleLine(const QByteArray &line, HclScanState &state, QByteArray &styles)
{
    LineScanner(line, state, styles).run();
}

} // namespace kiln::ui

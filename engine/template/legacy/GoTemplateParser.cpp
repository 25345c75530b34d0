#include "engine/template/legacy/GoTemplateParser.h"

#include <QByteArray>

namespace kiln::tmpl::legacy {

namespace {

using Node = GoTemplateNode;
using NodePtr = std::unique_ptr<GoTemplateNode>;

struct Tok
{
    enum Type {
        Text, Left, Right, Identifier, Keyword, Field, Variable, Dot, String, RawString, Char,
        Number, Bool, Nil, Pipe, LParen, RParen, Declare, Assign, Comma, Other, Eof, Error
    };
    Type type = Eof;
    int pos = 0;
    QByteArray val;
    bool spaceBefore = false; // a field right after a term chains onto it
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isAlnum(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || static_cast<unsigned char>(c) >= 0x80;
}

// text/template/parse's lexer, producing the whole token list up front.
class Lexer
{
public:
    explicit Lexer(const QByteArray &s)
        : m_s(s)
    {
    }

    std::vector<Tok> run()
    {
        int i = 0;
        const int n = int(m_s.size());
        while (i < n) {
            int left = int(m_s.indexOf("{{", i));
            if (left < 0) {
                add(Tok::Text, i, m_s.mid(i));
                break;
            }
            // A left trim marker is "{{-" followed by a space.
            const bool trimLeft = left + 3 < n && m_s[left + 2] == '-' && isSpace(m_s[left + 3]);
            int textEnd = left;
            if (trimLeft)
                while (textEnd > i && isSpace(m_s[textEnd - 1]))
                    --textEnd;
            if (textEnd > i)
                add(Tok::Text, i, m_s.mid(i, textEnd - i));
            i = left + 2 + (trimLeft ? 2 : 0);
            // Comments: "{{/*" ... "*/}}", trim markers allowed.
            if (m_s.mid(i, 2) == "/*") {
                const int close = int(m_s.indexOf("*/", i + 2));
                if (close < 0)
                    return fail(left, "unclosed comment");
                i = close + 2;
                bool trimRight = false;
                if (m_s.mid(i, 4) == " -}}") {
                    trimRight = true;
                    i += 4;
                } else if (m_s.mid(i, 2) == "}}") {
                    i += 2;
                } else {
                    return fail(close, "comment ends before closing delimiter");
                }
                if (trimRight)
                    while (i < n && isSpace(m_s[i]))
                        ++i;
                continue;
            }
            add(Tok::Left, left, "{{");
            if (!lexInside(i))
                return m_toks;
        }
        add(Tok::Eof, n, {});
        return m_toks;
    }

private:
    void add(Tok::Type t, int pos, QByteArray v)
    {
        const bool space = pos > 0 && isSpace(m_s[pos - 1]);
        m_toks.push_back(Tok{t, pos, std::move(v), space});
    }
    std::vector<Tok> fail(int pos, const char *msg)
    {
        add(Tok::Error, pos, msg);
        return m_toks;
    }

    // Lexes one action; i is left after the closing delimiter.
    bool lexInside(int &i)
    {
        const int n = int(m_s.size());
        int parens = 0;
        for (;;) {
            if (i >= n) {
                add(Tok::Error, i, "unclosed action");
                return false;
            }
            if (m_s.mid(i, 4) == " -}}" || m_s.mid(i, 2) == "}}") {
                const bool trim = m_s[i] == ' ';
                const int at = trim ? i + 2 : i;
                if (parens > 0) {
                    add(Tok::Error, at, "unclosed left paren");
                    return false;
                }
                add(Tok::Right, at, "}}");
                i = at + 2;
                if (trim)
                    while (i < n && isSpace(m_s[i]))
                        ++i;
                return true;
            }
            const char c = m_s[i];
            const int start = i;
            if (isSpace(c)) {
                ++i;
                continue;
            }
            if (c == '=') {
                add(Tok::Assign, i++, "=");
            } else if (c == ':') {
                if (i + 1 >= n || m_s[i + 1] != '=') {
                    add(Tok::Error, i, "expected :=");
                    return false;
                }
                add(Tok::Declare, i, ":=");
                i += 2;
            } else if (c == '|') {
                add(Tok::Pipe, i++, "|");
            } else if (c == ',') {
                add(Tok::Comma, i++, ",");
            } else if (c == '(') {
                ++parens;
                add(Tok::LParen, i++, "(");
            } else if (c == ')') {
                if (--parens < 0) {
                    add(Tok::Error, i, "unexpected right paren");
                    return false;
                }
                add(Tok::RParen, i++, ")");
            } else if (c == '"' || c == '\'') {
                ++i;
                while (i < n && m_s[i] != c) {
                    if (m_s[i] == '\\' && i + 1 < n)
                        ++i;
                    if (m_s[i] == '\n') {
                        add(Tok::Error, start, c == '"' ? "unterminated quoted string" : "unterminated character constant");
                        return false;
                    }
                    ++i;
                }
                if (i >= n) {
                    add(Tok::Error, start, c == '"' ? "unterminated quoted string" : "unterminated character constant");
                    return false;
                }
                ++i;
                add(c == '"' ? Tok::String : Tok::Char, start, m_s.mid(start, i - start));
            } else if (c == '`') {
                const int close = int(m_s.indexOf('`', i + 1));
                if (close < 0) {
                    add(Tok::Error, start, "unterminated raw quoted string");
                    return false;
                }
                i = close + 1;
                add(Tok::RawString, start, m_s.mid(start, i - start));
            } else if (c == '$' || (c == '.' && !(i + 1 < n && m_s[i + 1] >= '0' && m_s[i + 1] <= '9'))) {
                ++i;
                while (i < n && isAlnum(m_s[i]))
                    ++i;
                const QByteArray word = m_s.mid(start, i - start);
                add(c == '$' ? Tok::Variable : (word == "." ? Tok::Dot : Tok::Field), start, word);
            } else if (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) {
                ++i;
                while (i < n && (isAlnum(m_s[i]) || m_s[i] == '.' || ((m_s[i] == '+' || m_s[i] == '-') && (m_s[i - 1] == 'e' || m_s[i - 1] == 'E' || m_s[i - 1] == 'p' || m_s[i - 1] == 'P'))))
                    ++i;
                add(Tok::Number, start, m_s.mid(start, i - start));
            } else if (isAlnum(c)) {
                while (i < n && isAlnum(m_s[i]))
                    ++i;
                const QByteArray word = m_s.mid(start, i - start);
                static const char *keywords[] = {"if", "else", "end", "range", "with", "define", "template", "block", "break", "continue"};
                Tok::Type t = Tok::Identifier;
                for (const char *k : keywords)
                    if (word == k)
                        t = Tok::Keyword;
                if (word == "true" || word == "false")
                    t = Tok::Bool;
                else if (word == "nil")
                    t = Tok::Nil;
                add(t, start, word);
            } else if (static_cast<unsigned char>(c) < 0x80 && c > ' ' && c != 0x7f) {
                // Go emits other printable ASCII as a token of its own,
                // which the parser then reports as unexpected.
                add(Tok::Other, i, m_s.mid(i, 1));
                ++i;
            } else {
                add(Tok::Error, i, "unrecognized character in action: " + describe(i));
                return false;
            }
        }
    }

    // %#U of the character at i: U+0040 '@'.
    QByteArray describe(int i) const
    {
        const QString ch = QString::fromUtf8(m_s.mid(i, 4)).left(1);
        const uint cp = ch.isEmpty() ? 0 : uint(ch.toUcs4().value(0));
        return "U+" + QByteArray::number(cp, 16).toUpper().rightJustified(4, '0') + " '" + ch.toUtf8() + "'";
    }

    const QByteArray &m_s;
    std::vector<Tok> m_toks;
};

struct ParseFailure
{
    int pos;
    QString message;
};

QString decodeGoString(const QByteArray &quoted, bool *ok);

class Parser
{
public:
    Parser(std::vector<Tok> toks, const QSet<QString> &functions)
        : m_toks(std::move(toks))
        , m_functions(functions)
    {
        m_vars.push_back(QStringLiteral("$"));
    }

    NodePtr parseTemplate()
    {
        QByteArray end;
        NodePtr list = parseList(end, 0);
        if (!end.isEmpty())
            throw ParseFailure{m_lastPos, QStringLiteral("unexpected {{%1}}").arg(QString::fromLatin1(end))};
        return list;
    }

private:
    const Tok &peek() const { return m_toks[m_i]; }
    const Tok &next()
    {
        const Tok &t = m_toks[m_i];
        if (t.type == Tok::Error)
            throw ParseFailure{t.pos, QString::fromUtf8(t.val)};
        if (t.type != Tok::Eof)
            ++m_i;
        m_lastPos = t.pos;
        return t;
    }
    [[noreturn]] void unexpected(const Tok &t, const char *context)
    {
        if (t.type == Tok::Error)
            throw ParseFailure{t.pos, QString::fromUtf8(t.val)};
        if (t.type == Tok::Eof)
            throw ParseFailure{t.pos, QStringLiteral("unexpected EOF")};
        throw ParseFailure{t.pos, QStringLiteral("unexpected %1 in %2").arg(describe(t), QLatin1String(context))};
    }
    static QString describe(const Tok &t)
    {
        if (t.type == Tok::Right)
            return QStringLiteral("\"}}\"");
        if (t.type == Tok::Keyword)
            return QStringLiteral("<%1>").arg(QString::fromUtf8(t.val));
        if (t.type == Tok::String || t.type == Tok::RawString || t.type == Tok::Char || t.type == Tok::Number)
            return QString::fromUtf8(t.val);
        return QStringLiteral("\"%1\"").arg(QString::fromUtf8(t.val));
    }

    // Items until {{end}} / {{else}} (returned in `end`) or EOF at depth 0.
    NodePtr parseList(QByteArray &end, int depth)
    {
        auto list = std::make_unique<Node>();
        list->kind = Node::Kind::List;
        list->pos = peek().pos;
        for (;;) {
            const Tok &t = next();
            if (t.type == Tok::Eof) {
                if (depth > 0)
                    throw ParseFailure{t.pos, QStringLiteral("unexpected EOF")};
                return list;
            }
            if (t.type == Tok::Text) {
                auto text = std::make_unique<Node>();
                text->kind = Node::Kind::Text;
                text->pos = t.pos;
                text->text = QString::fromUtf8(t.val);
                list->children.push_back(std::move(text));
                continue;
            }
            // Left delimiter.
            const Tok &k = peek();
            if (k.type == Tok::Keyword) {
                next();
                if (k.val == "end" || k.val == "else") {
                    if (depth == 0)
                        throw ParseFailure{k.pos, QStringLiteral("unexpected {{%1}}").arg(QString::fromLatin1(k.val))};
                    end = k.val;
                    if (k.val == "end")
                        expectRight("end");
                    return list;
                }
                if (k.val == "if" || k.val == "range" || k.val == "with") {
                    list->children.push_back(parseControl(k.val, k.pos, depth));
                    continue;
                }
                throw ParseFailure{k.pos, QStringLiteral("unexpected <%1> in command").arg(QString::fromLatin1(k.val))};
            }
            auto action = std::make_unique<Node>();
            action->kind = Node::Kind::Action;
            action->pos = k.pos;
            action->pipe = parsePipeline("command", Tok::Right, true);
            list->children.push_back(std::move(action));
        }
    }

    void expectRight(const char *context)
    {
        const Tok &t = next();
        if (t.type != Tok::Right)
            unexpected(t, context);
    }

    NodePtr parseControl(const QByteArray &keyword, int pos, int depth)
    {
        auto node = std::make_unique<Node>();
        node->kind = keyword == "if" ? Node::Kind::If : keyword == "range" ? Node::Kind::Range : Node::Kind::With;
        node->pos = pos;
        const size_t scope = m_vars.size();
        node->pipe = parsePipeline(keyword.constData(), Tok::Right, false);
        QByteArray end;
        node->list = parseList(end, depth + 1);
        if (end == "else") {
            // {{else if ...}} is an else list holding one nested if.
            if (keyword == "if" && peek().type == Tok::Keyword && peek().val == "if") {
                const Tok &k = next();
                auto elseList = std::make_unique<Node>();
                elseList->kind = Node::Kind::List;
                elseList->pos = k.pos;
                elseList->children.push_back(parseControl("if", k.pos, depth));
                node->elseList = std::move(elseList);
            } else {
                expectRight("else");
                QByteArray end2;
                node->elseList = parseList(end2, depth + 1);
                if (end2 != "end")
                    throw ParseFailure{m_lastPos, QStringLiteral("expected end; found {{else}}")};
            }
        }
        m_vars.resize(scope);
        return node;
    }

    NodePtr parsePipeline(const char *context, Tok::Type terminator, bool allowEmpty)
    {
        auto pipe = std::make_unique<Node>();
        pipe->kind = Node::Kind::Pipe;
        pipe->pos = peek().pos;
        // Declarations: $x := or $x, $y := (range) or $x = .
        if (peek().type == Tok::Variable) {
            const size_t save = m_i;
            const Tok v = next();
            const Tok &after = peek();
            if (after.type == Tok::Declare || after.type == Tok::Assign) {
                next();
                pipe->decls << QString::fromUtf8(v.val);
                pipe->isAssign = after.type == Tok::Assign;
                if (!pipe->isAssign)
                    m_vars.push_back(QString::fromUtf8(v.val));
            } else if (after.type == Tok::Comma) {
                next();
                const Tok v2 = next();
                if (v2.type != Tok::Variable)
                    throw ParseFailure{v2.pos, QStringLiteral("range can only initialize variables")};
                const Tok d = next();
                if (d.type != Tok::Declare && d.type != Tok::Assign)
                    unexpected(d, "range");
                pipe->decls << QString::fromUtf8(v.val) << QString::fromUtf8(v2.val);
                m_vars.push_back(QString::fromUtf8(v.val));
                m_vars.push_back(QString::fromUtf8(v2.val));
            } else {
                m_i = save;
            }
        }
        for (;;) {
            const Tok &t = peek();
            if (t.type == terminator) {
                next();
                if (pipe->children.empty() && !allowEmpty)
                    throw ParseFailure{t.pos, QStringLiteral("missing value for %1").arg(QLatin1String(context))};
                if (pipe->children.empty())
                    throw ParseFailure{t.pos, QStringLiteral("missing value for command")};
                return pipe;
            }
            if (t.type == Tok::Pipe && !pipe->children.empty()) {
                next();
                continue;
            }
            switch (t.type) {
            case Tok::Bool: case Tok::Char: case Tok::Dot: case Tok::Field: case Tok::Identifier:
            case Tok::Number: case Tok::Nil: case Tok::RawString: case Tok::String:
            case Tok::Variable: case Tok::LParen:
                break;
            default:
                unexpected(t, context);
            }
            pipe->children.push_back(parseCommand());
            // Only the first stage may be a constant (checkPipeline).
            const Node &stage = *pipe->children.back()->children[0];
            if (pipe->children.size() > 1
                && (stage.kind == Node::Kind::Bool || stage.kind == Node::Kind::Dot || stage.kind == Node::Kind::Nil
                    || stage.kind == Node::Kind::Number || stage.kind == Node::Kind::String))
                throw ParseFailure{stage.pos, QStringLiteral("non executable command in pipeline stage %1").arg(pipe->children.size())};
        }
    }

    NodePtr parseCommand()
    {
        auto cmd = std::make_unique<Node>();
        cmd->kind = Node::Kind::Command;
        cmd->pos = peek().pos;
        for (;;) {
            const Tok &t = peek();
            if (t.type == Tok::Right || t.type == Tok::RParen || t.type == Tok::Pipe) {
                if (cmd->children.empty())
                    throw ParseFailure{t.pos, QStringLiteral("missing value for command")};
                return cmd;
            }
            NodePtr op = parseOperand();
            if (!op)
                unexpected(t, "operand");
            cmd->children.push_back(std::move(op));
        }
    }

    NodePtr leaf(Node::Kind kind, const Tok &t)
    {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->pos = t.pos;
        node->quoted = QString::fromUtf8(t.val);
        return node;
    }

    NodePtr parseOperand()
    {
        NodePtr term = parseTerm();
        if (!term)
            return nullptr;
        if (peek().type == Tok::Field && !peek().spaceBefore) {
            // .Field chains on a term: ($x).A.B, (pipeline).Field.
            QStringList fields;
            while (peek().type == Tok::Field && !peek().spaceBefore)
                fields << QString::fromUtf8(next().val).mid(1);
            if (term->kind == Node::Kind::Field || term->kind == Node::Kind::Variable) {
                term->fields << fields;
            } else {
                auto chain = std::make_unique<Node>();
                chain->kind = Node::Kind::Chain;
                chain->pos = term->pos;
                chain->fields = fields;
                chain->children.push_back(std::move(term));
                return chain;
            }
        }
        return term;
    }

    NodePtr parseTerm()
    {
        const Tok &t = peek();
        switch (t.type) {
        case Tok::Identifier: {
            next();
            const QString name = QString::fromUtf8(t.val);
            if (!m_functions.contains(name))
                throw ParseFailure{t.pos, QStringLiteral("function \"%1\" not defined").arg(name)};
            NodePtr n = leaf(Node::Kind::Identifier, t);
            n->text = name;
            return n;
        }
        case Tok::Dot:
            next();
            return leaf(Node::Kind::Dot, t);
        case Tok::Nil:
            next();
            return leaf(Node::Kind::Nil, t);
        case Tok::Bool: {
            next();
            NodePtr n = leaf(Node::Kind::Bool, t);
            n->boolValue = t.val == "true";
            return n;
        }
        case Tok::Variable: {
            next();
            const QString name = QString::fromUtf8(t.val);
            if (!m_vars.contains(name))
                throw ParseFailure{t.pos, QStringLiteral("undefined variable \"%1\"").arg(name)};
            NodePtr n = leaf(Node::Kind::Variable, t);
            n->text = name;
            return n;
        }
        case Tok::Field: {
            next();
            NodePtr n = leaf(Node::Kind::Field, t);
            n->fields << QString::fromUtf8(t.val).mid(1);
            return n;
        }
        case Tok::String:
        case Tok::RawString: {
            next();
            NodePtr n = leaf(Node::Kind::String, t);
            if (t.type == Tok::RawString) {
                n->text = QString::fromUtf8(t.val.mid(1, t.val.size() - 2));
            } else {
                bool ok = false;
                n->text = decodeGoString(t.val, &ok);
                if (!ok)
                    throw ParseFailure{t.pos, QStringLiteral("invalid syntax")};
            }
            return n;
        }
        case Tok::Char:
        case Tok::Number: {
            next();
            NodePtr n = leaf(Node::Kind::Number, t);
            n->text = n->quoted;
            return n;
        }
        case Tok::LParen: {
            next();
            NodePtr pipe = parsePipeline("parenthesized pipeline", Tok::RParen, false);
            return pipe;
        }
        default:
            return nullptr;
        }
    }

    std::vector<Tok> m_toks;
    size_t m_i = 0;
    int m_lastPos = 0;
    const QSet<QString> &m_functions;
    QStringList m_vars;
};

// strconv.Unquote of a Go double-quoted string.
QString decodeGoString(const QByteArray &q, bool *ok)
{
    *ok = false;
    QByteArray out;
    for (qsizetype i = 1; i + 1 < q.size(); ++i) {
        const char c = q[i];
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i + 1 > q.size() - 1)
            return {};
        const char e = q[i];
        switch (e) {
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '\\': out += '\\'; break;
        case '"': out += '"'; break;
        case 'x':
        case 'u':
        case 'U': {
            const int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            bool hexOk = false;
            const uint v = q.mid(i + 1, len).toUInt(&hexOk, 16);
            if (!hexOk || q.mid(i + 1, len).size() != len)
                return {};
            if (e == 'x')
                out += char(v);
            else
                out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&v), 1).toUtf8();
            i += len;
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                bool octOk = false;
                const uint v = q.mid(i, 3).toUInt(&octOk, 8);
                if (!octOk || v > 255)
                    return {};
                out += char(v);
                i += 2;
                break;
            }
            return {};
        }
    }
    *ok = true;
    return QString::fromUtf8(out);
}

} // namespace

void GoTemplateParser::locate(const QByteArray &utf8, int offset, int &line, int &column)
{
    const QByteArray before = utf8.left(offset);
    line = 1 + int(before.count('\n'));
    column = offset - int(before.lastIndexOf('\n'));
}

GoTemplateParser::Result GoTemplateParser::parse(const QString &text, const QSet<QString> &functions)
{
    const QByteArray utf8 = text.toUtf8();
    Result r;
    try {
        Parser p(Lexer(utf8).run(), functions);
        r.root = p.parseTemplate();
    } catch (const ParseFailure &f) {
        GoTemplateError e;
        e.offset = f.pos;
        locate(utf8, f.pos, e.line, e.column);
        e.message = QStringLiteral("template: root:%1: %2").arg(e.line).arg(f.message);
        r.error = e;
    }
    return r;
}

} // namespace kiln::tmpl::legacy

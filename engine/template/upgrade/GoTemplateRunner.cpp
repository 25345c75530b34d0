#include "engine/template/upgrade/GoTemplateRunner.h"

#include "engine/template/legacy/GoTemplateParser.h"

#include <QRegularExpression>

namespace kiln::tmpl::upgrade {

namespace {

using legacy::GoTemplateNode;
using K = GoTemplateNode::Kind;

struct ExecError
{
    const GoTemplateNode *at;
    QString message;
};

// text/template's builtins exist for the parser whatever the FuncMap says.
const QStringList goBuiltins{"and", "call", "html", "index", "slice", "js", "len", "not", "or",
    "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne"};

QString nodeTypeName(K kind)
{
    switch (kind) {
    case K::If:
        return QStringLiteral("*parse.IfNode");
    case K::Range:
        return QStringLiteral("*parse.RangeNode");
    case K::With:
        return QStringLiteral("*parse.WithNode");
    default:
        return QStringLiteral("*parse.Node");
    }
}

QString printed(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::UnknownType:
        return QStringLiteral("<no value>");
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return v.toString();
    }
}

QString goType(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::QString:
        return QStringLiteral("string");
    case QMetaType::LongLong:
        return QStringLiteral("int");
    case QMetaType::Double:
        return QStringLiteral("float64");
    case QMetaType::Bool:
        return QStringLiteral("bool");
    default:
        return QStringLiteral("<nil>");
    }
}

class Executor
{
public:
    Executor(const GoFunctions &functions, const QString &text)
        : m_functions(functions)
        , m_utf8(text.toUtf8())
    { }

    QString out;

    // reTemplate's check, done before anything runs as Packer does it in
    // a separate pass: only text and actions may appear at the top level.
    std::optional<QString> unhandled(const GoTemplateNode &list) const
    {
        for (const auto &c : list.children)
            if (c->kind != K::Text && c->kind != K::Action)
                return QStringLiteral("unhandled node type %1").arg(nodeTypeName(c->kind));
        return std::nullopt;
    }

    void walk(const GoTemplateNode &list, bool reTemplate)
    {
        for (const auto &c : list.children) {
            if (c->kind == K::Text) {
                out += c->text;
                continue;
            }
            if (c->kind != K::Action)
                continue;
            const GoTemplateNode &pipe = *c->pipe;
            if (reTemplate && pipe.children.size() == 1) {
                const GoTemplateNode &cmd = *pipe.children.front();
                const GoTemplateNode &first = *cmd.children.front();
                const bool known = first.kind == K::Identifier && m_functions.contains(first.text);
                if (cmd.children.size() == 1 && !known) {
                    // Escaped: printed back for a later templating pass.
                    out += QLatin1String("{{ ") + cmd.toString() + QLatin1String(" }}");
                    continue;
                }
            }
            const QVariant v = evalPipe(pipe);
            if (pipe.decls.isEmpty())
                out += printed(v);
        }
    }

    QString location(const GoTemplateNode &n) const
    {
        const QByteArray before = m_utf8.left(n.pos);
        const qsizetype nl = before.lastIndexOf('\n');
        const qsizetype col = nl < 0 ? n.pos : n.pos - (nl + 1);
        return QStringLiteral("hcl2_upgrade:%1:%2").arg(1 + before.count('\n')).arg(col);
    }

private:
    QVariant evalPipe(const GoTemplateNode &pipe)
    {
        QVariant value;
        bool piped = false;
        for (const auto &cmd : pipe.children) {
            value = evalCommand(*cmd, piped ? &value : nullptr);
            piped = true;
        }
        return value;
    }

    QVariant evalCommand(const GoTemplateNode &cmd, const QVariant *piped)
    {
        const GoTemplateNode &first = *cmd.children.front();
        if (first.kind == K::Identifier)
            return callFunction(first, cmd, piped);
        if (cmd.children.size() > 1 || piped)
            throw ExecError{&first,
                QStringLiteral("can't give argument to non-function %1").arg(first.toString())};
        return evalOperand(first);
    }

    QVariant evalOperand(const GoTemplateNode &n)
    {
        switch (n.kind) {
        case K::String:
            return n.text;
        case K::Number: {
            bool ok = false;
            const qint64 i = n.quoted.toLongLong(&ok, 0);
            return ok ? QVariant(i) : QVariant(n.quoted.toDouble());
        }
        case K::Bool:
            return n.boolValue;
        case K::Pipe:
            return evalPipe(n);
        case K::Identifier: {
            GoTemplateNode cmd;
            return callFunction(n, cmd, nullptr);
        }
        default:
            // Fields of nil data are missing keys: the zero value.
            return QVariant();
        }
    }

    QVariant callFunction(
        const GoTemplateNode &ident, const GoTemplateNode &cmd, const QVariant *piped)
    {
        const auto it = m_functions.constFind(ident.text);
        if (it == m_functions.constEnd())
            throw ExecError{
                &ident, QStringLiteral("%1 is not supported by hcl2_upgrade").arg(ident.text)};
        const GoFunction &f = *it;
        const qsizetype given
            = qsizetype(cmd.children.empty() ? 0 : cmd.children.size() - 1) + (piped ? 1 : 0);
        if (!f.variadic && given != f.params.size())
            throw ExecError{&ident,
                QStringLiteral("wrong number of args for %1: want %2 got %3")
                    .arg(ident.text)
                    .arg(f.params.size())
                    .arg(given)};
        QVariantList args;
        for (size_t i = 1; i < cmd.children.size(); ++i) {
            const GoTemplateNode &a = *cmd.children[i];
            const QChar want = f.variadic ? u's' : f.params[args.size()];
            args << evalArg(a, want);
        }
        if (piped) {
            const QChar want = f.variadic ? u's' : f.params[args.size()];
            const bool ok = want == u's' ? piped->typeId() == QMetaType::QString
                                         : piped->typeId() == QMetaType::LongLong;
            if (!ok)
                throw ExecError{&ident,
                    QStringLiteral("wrong type for value; expected %1; got %2")
                        .arg(want == u's' ? QStringLiteral("string") : QStringLiteral("int"),
                            goType(*piped))};
            args << *piped;
        }
        return f.call(args);
    }

    QVariant evalArg(const GoTemplateNode &a, QChar want)
    {
        if (a.kind == K::String && want == u's')
            return a.text;
        if (a.kind == K::Number && want == u'i') {
            bool ok = false;
            const qint64 i = a.quoted.toLongLong(&ok, 0);
            if (ok)
                return i;
        }
        if (a.kind == K::Pipe || a.kind == K::Identifier) {
            const QVariant v = evalOperand(a);
            if ((want == u's') == (v.typeId() == QMetaType::QString))
                return v;
            throw ExecError{&a,
                QStringLiteral("wrong type for value; expected %1; got %2")
                    .arg(want == u's' ? QStringLiteral("string") : QStringLiteral("int"),
                        goType(v))};
        }
        throw ExecError{&a,
            QStringLiteral("expected %1; found %2")
                .arg(want == u's' ? QStringLiteral("string") : QStringLiteral("integer"),
                    a.toString())};
    }

    const GoFunctions &m_functions;
    QByteArray m_utf8;
};

legacy::GoTemplateParser::Result parse(const QString &text, const GoFunctions &functions)
{
    QSet<QString> names(goBuiltins.begin(), goBuiltins.end());
    for (auto it = functions.begin(); it != functions.end(); ++it)
        names.insert(it.key());
    return legacy::GoTemplateParser::parse(text, names);
}

QString parseMessage(const legacy::GoTemplateError &e)
{
    QString m = e.message;
    if (m.startsWith(QLatin1String("template: root:")))
        m.replace(0, 15, QStringLiteral("template: hcl2_upgrade:"));
    // Go quotes the offending character with %q.
    m.replace(QLatin1String("unexpected \"\\\" in operand"),
        QLatin1String("unexpected \"\\\\\" in operand"));
    return m;
}

// strconv.Unquote of a double-quoted Go string literal.
std::optional<QString> goUnquote(const QString &body)
{
    QString out;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body[i];
        if (c == u'"' || c == u'\n')
            return std::nullopt;
        if (c != u'\\') {
            out += c;
            continue;
        }
        if (++i >= body.size())
            return std::nullopt;
        const QChar e = body[i];
        static const QString simple = QStringLiteral("abfnrtv\\\"");
        static const QString mapped = QStringLiteral("\a\b\f\n\r\t\v\\\"");
        if (const qsizetype k = simple.indexOf(e); k >= 0) {
            out += mapped[k];
            continue;
        }
        const int len = e == u'x' ? 2 : e == u'u' ? 4 : e == u'U' ? 8 : 0;
        if (len == 0)
            return std::nullopt; // octal and others never occur in JSON-born text
        bool ok = false;
        const uint v = body.mid(i + 1, len).toUInt(&ok, 16);
        if (!ok || body.mid(i + 1, len).size() != len)
            return std::nullopt;
        const char32_t r = v;
        out += QString::fromUcs4(&r, 1);
        i += len;
    }
    return out;
}

} // namespace

QString GoTemplateRunner::fixQuoting(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        R"(\{\{[\t\n\f\r ]*[0-9A-Za-z_]*([\t\n\f\r ]*(\\".*\\")[\t\n\f\r ]*)+[0-9A-Za-z_]*[\t\n\f\r ]*\}\})"));
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString s = m.captured(0);
        const QString group = m.captured(1);
        if (const std::optional<QString> unquoted = goUnquote(group))
            s.replace(s.indexOf(group), group.size(), *unquoted);
        out += text.mid(last, m.capturedStart(0) - last) + s;
        last = m.capturedEnd(0);
    }
    return out + text.mid(last);
}

GoTemplateRunner::Result GoTemplateRunner::run(
    const QString &text, const GoFunctions &functions, bool reTemplate)
{
    Result r;
    r.failedText = text;
    QString source = text;
    auto parsed = parse(source, functions);
    if (parsed.error
        && parseMessage(*parsed.error).contains(QLatin1String("unexpected \"\\\\\" in operand"))) {
        // Operands quoted with escaped quotes rather than backticks.
        source = fixQuoting(text);
        parsed = parse(source, functions);
        if (parsed.error)
            r.failedText = source;
    }
    if (parsed.error) {
        r.error = parseMessage(*parsed.error);
        return r;
    }
    Executor ex(functions, source);
    if (reTemplate) {
        if (const std::optional<QString> e = ex.unhandled(*parsed.root)) {
            r.error = *e;
            return r;
        }
    }
    try {
        ex.walk(*parsed.root, reTemplate);
    } catch (const ExecError &e) {
        r.error = QStringLiteral("template: %1: executing \"hcl2_upgrade\" at <%2>: %3")
                      .arg(ex.location(*e.at), e.at->toString(), e.message);
        return r;
    }
    r.output = ex.out;
    return r;
}

} // namespace kiln::tmpl::upgrade

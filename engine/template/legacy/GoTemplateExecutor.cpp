#include "engine/template/legacy/GoTemplateExecutor.h"

#include "engine/template/legacy/GoDecoder.h"

#include <algorithm>

namespace kiln::tmpl::legacy {

namespace {

using Node = GoTemplateNode;
using K = GoTemplateNode::Kind;

struct ExecFailure
{
    const Node *at;
    QString message;
};

bool isInt(const QVariant &v)
{
    return v.typeId() == QMetaType::LongLong;
}

bool truth(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::UnknownType:
        return false;
    case QMetaType::Bool:
        return v.toBool();
    case QMetaType::LongLong:
        return v.toLongLong() != 0;
    case QMetaType::Double:
        return v.toDouble() != 0;
    case QMetaType::QString:
        return !v.toString().isEmpty();
    case QMetaType::QVariantList:
        return !v.toList().isEmpty();
    case QMetaType::QVariantMap:
        return !v.toMap().isEmpty();
    default:
        return true;
    }
}

QString nodeString(const Node &n);

QString joinArgs(const Node &n)
{
    QStringList parts;
    for (const auto &c : n.children)
        parts << (c->kind == K::Pipe ? QLatin1Char('(') + nodeString(*c) + QLatin1Char(')') : nodeString(*c));
    return parts.join(QLatin1Char(' '));
}

QString nodeString(const Node &n)
{
    switch (n.kind) {
    case K::Text:
        return n.text;
    case K::Action:
        return QStringLiteral("{{") + nodeString(*n.pipe) + QStringLiteral("}}");
    case K::Pipe: {
        QStringList cmds;
        for (const auto &c : n.children)
            cmds << nodeString(*c);
        QString decl = n.decls.isEmpty() ? QString()
                                         : n.decls.join(QStringLiteral(", ")) + (n.isAssign ? QStringLiteral(" = ") : QStringLiteral(" := "));
        return decl + cmds.join(QStringLiteral(" | "));
    }
    case K::Command:
        return joinArgs(n);
    case K::Identifier:
        return n.text;
    case K::Field:
        return QLatin1Char('.') + n.fields.join(QLatin1Char('.'));
    case K::Variable:
        return QStringList(n.text + (n.fields.isEmpty() ? QString() : QLatin1Char('.') + n.fields.join(QLatin1Char('.')))).join(QString());
    case K::Dot:
        return QStringLiteral(".");
    case K::Chain: {
        const Node &op = *n.children[0];
        const QString base = op.kind == K::Pipe ? QLatin1Char('(') + nodeString(op) + QLatin1Char(')') : nodeString(op);
        return base + QLatin1Char('.') + n.fields.join(QLatin1Char('.'));
    }
    case K::String:
    case K::Number:
        return n.quoted;
    case K::Bool:
        return n.boolValue ? QStringLiteral("true") : QStringLiteral("false");
    case K::Nil:
        return QStringLiteral("nil");
    default:
        return {};
    }
}

class Executor
{
public:
    Executor(const GoTemplateFunctions &funcs, const QString &structName)
        : m_funcs(funcs)
        , m_structName(structName)
    {
    }

    QString out;

    void walk(const QVariant &dot, const Node &n)
    {
        switch (n.kind) {
        case K::List:
            for (const auto &c : n.children)
                walk(dot, *c);
            return;
        case K::Text:
            out += n.text;
            return;
        case K::Action: {
            const QVariant v = evalPipeline(dot, *n.pipe);
            if (n.pipe->decls.isEmpty())
                out += GoTemplateExecutor::printValue(v);
            return;
        }
        case K::If:
        case K::With: {
            const size_t mark = m_vars.size();
            const QVariant v = evalPipeline(dot, *n.pipe);
            if (truth(v))
                walk(n.kind == K::With ? v : dot, *n.list);
            else if (n.elseList)
                walk(dot, *n.elseList);
            m_vars.resize(mark);
            return;
        }
        case K::Range:
            walkRange(dot, n);
            return;
        default:
            return;
        }
    }

    void pushVar(const QString &name, const QVariant &v) { m_vars.push_back({name, v}); }

private:
    void walkRange(const QVariant &dot, const Node &n)
    {
        const size_t mark = m_vars.size();
        const Node &pipe = *n.pipe;
        // The declarations take the element, not the whole pipeline value.
        const QVariant v = evalPipelineNoDecl(dot, pipe);
        auto body = [&](const QVariant &key, const QVariant &elem) {
            if (pipe.decls.size() == 1)
                setVar(pipe.decls[0], elem, pipe.isAssign);
            else if (pipe.decls.size() == 2) {
                setVar(pipe.decls[0], key, pipe.isAssign);
                setVar(pipe.decls[1], elem, pipe.isAssign);
            }
            walk(elem, *n.list);
        };
        bool any = false;
        if (v.typeId() == QMetaType::QVariantList) {
            const QVariantList list = v.toList();
            for (qsizetype i = 0; i < list.size(); ++i, any = true)
                body(qint64(i), list[i]);
        } else if (v.typeId() == QMetaType::QVariantMap) {
            const QVariantMap map = v.toMap(); // QMap iterates in sorted key order, as Go's range
            for (auto it = map.begin(); it != map.end(); ++it, any = true)
                body(it.key(), it.value());
        } else if (v.typeId() == QMetaType::LongLong) {
            for (qint64 i = 0; i < v.toLongLong(); ++i, any = true)
                body(i, i);
        } else if (v.isValid()) {
            throw ExecFailure{m_at ? m_at : &pipe, QStringLiteral("range can't iterate over %1").arg(GoTemplateExecutor::printValue(v))};
        }
        if (!any && n.elseList)
            walk(dot, *n.elseList);
        m_vars.resize(mark);
    }

    void setVar(const QString &name, const QVariant &v, bool assign)
    {
        if (assign) {
            for (auto it = m_vars.rbegin(); it != m_vars.rend(); ++it)
                if (it->first == name) {
                    it->second = v;
                    return;
                }
        }
        m_vars.push_back({name, v});
    }

    QVariant evalPipelineNoDecl(const QVariant &dot, const Node &pipe)
    {
        QVariant value;
        bool first = true;
        for (const auto &cmd : pipe.children) {
            value = evalCommand(dot, *cmd, first ? nullptr : &value);
            first = false;
        }
        return value;
    }

    QVariant evalPipeline(const QVariant &dot, const Node &pipe)
    {
        const QVariant value = evalPipelineNoDecl(dot, pipe);
        for (const QString &d : pipe.decls)
            setVar(d, value, pipe.isAssign);
        return value;
    }

    QVariant evalCommand(const QVariant &dot, const Node &cmd, const QVariant *final)
    {
        const Node &first = *cmd.children[0];
        if (first.kind == K::Identifier)
            return evalFunction(dot, first, cmd, final);
        if (first.kind == K::Field || first.kind == K::Chain || (first.kind == K::Variable && !first.fields.isEmpty())) {
            m_at = &first;
            const bool hasArgs = cmd.children.size() > 1 || final;
            const QVariant v = evalArgValue(dot, first, hasArgs);
            return v;
        }
        m_at = &first;
        if (cmd.children.size() > 1 || final)
            throw ExecFailure{&first, QStringLiteral("can't give argument to non-function %1").arg(nodeString(first))};
        return evalArgValue(dot, first);
    }

    QVariant field(const Node *at, const QVariant &receiver, const QString &name, bool isRoot, bool hasArgs)
    {
        if (!receiver.isValid())
            return {};
        if (receiver.typeId() == QMetaType::QVariantMap && !(isRoot && !m_structName.isEmpty())) {
            if (hasArgs)
                throw ExecFailure{at, QStringLiteral("%1 is not a method but has arguments").arg(name)};
            const QVariantMap m = receiver.toMap();
            auto it = m.find(name);
            if (it != m.end())
                return it.value();
            return {};
        }
        if (receiver.typeId() == QMetaType::QVariantMap) {
            // A Go struct: its fields exist or the name is an error.
            const QVariantMap m = receiver.toMap();
            auto it = m.find(name);
            if (it == m.end())
                throw ExecFailure{at, QStringLiteral("can't evaluate field %1 in type %2").arg(name, m_structName)};
            if (hasArgs)
                throw ExecFailure{at, QStringLiteral("%1 has arguments but cannot be invoked as function").arg(name)};
            return it.value();
        }
        throw ExecFailure{at, QStringLiteral("can't evaluate field %1 in type %2").arg(name, GoTemplateExecutor::goTypeName(receiver))};
    }

    QVariant fields(const Node *at, QVariant v, const QStringList &names, bool fromDot, bool hasArgs = false)
    {
        bool root = fromDot;
        for (qsizetype i = 0; i < names.size(); ++i) {
            v = field(at, v, names[i], root, hasArgs && i + 1 == names.size());
            root = false;
        }
        return v;
    }

    QVariant variable(const Node &n)
    {
        for (auto it = m_vars.rbegin(); it != m_vars.rend(); ++it)
            if (it->first == n.text)
                return it->second;
        throw ExecFailure{&n, QStringLiteral("undefined variable: %1").arg(n.text)};
    }

    QVariant evalArgValue(const QVariant &dot, const Node &n, bool hasArgs = false)
    {
        switch (n.kind) {
        case K::Dot:
            return dot;
        case K::Nil:
            throw ExecFailure{&n, QStringLiteral("nil is not a command")};
        case K::Field:
            return fields(&n, dot, n.fields, &dot == m_root, hasArgs);
        case K::Variable:
            return fields(&n, variable(n), n.fields, n.text == QLatin1String("$"), hasArgs);
        case K::Chain:
            return fields(&n, evalArgValue(dot, *n.children[0]), n.fields, false, hasArgs);
        case K::Pipe:
            return evalPipeline(dot, n);
        case K::Identifier: {
            Node cmd;
            return evalFunction(dot, n, cmd, nullptr);
        }
        case K::String:
            return n.text;
        case K::Bool:
            return n.boolValue;
        case K::Number:
            return numberValue(n);
        default:
            return {};
        }
    }

    static QVariant numberValue(const Node &n)
    {
        const QString t = n.text;
        if (t.startsWith(QLatin1Char('\'')))
            return qint64(t.mid(1, t.size() - 2).toUcs4().value(0));
        bool ok = false;
        const qint64 i = t.startsWith(QLatin1String("0x")) || t.startsWith(QLatin1String("0X")) ? t.mid(2).toLongLong(&ok, 16) : t.toLongLong(&ok, 10);
        if (ok)
            return i;
        const double d = t.toDouble(&ok);
        if (!ok)
            throw ExecFailure{&n, QStringLiteral("illegal number syntax: %1").arg(t)};
        return d;
    }

    QVariant evalTypedArg(const QVariant &dot, const Node &n, GoTemplateFunction::Arg type)
    {
        using A = GoTemplateFunction::Arg;
        m_at = &n;
        const bool constant = n.kind == K::String || n.kind == K::Number || n.kind == K::Bool || n.kind == K::Nil;
        if (constant && type != A::Any) {
            if (type == A::String && n.kind == K::String)
                return n.text;
            if (type == A::Int && n.kind == K::Number) {
                const QVariant v = numberValue(n);
                if (isInt(v))
                    return v;
            }
            throw ExecFailure{&n, QStringLiteral("expected %1; found %2").arg(type == A::String ? QStringLiteral("string") : QStringLiteral("integer"), nodeString(n))};
        }
        if (n.kind == K::Nil)
            return {};
        return checkType(&n, evalArgValue(dot, n), type);
    }

    static QVariant checkType(const Node *at, const QVariant &v, GoTemplateFunction::Arg type)
    {
        using A = GoTemplateFunction::Arg;
        if (type == A::Any)
            return v;
        const bool ok = type == A::String ? v.typeId() == QMetaType::QString : isInt(v);
        if (ok)
            return v;
        const QString want = type == A::String ? QStringLiteral("string") : QStringLiteral("int");
        if (!v.isValid())
            throw ExecFailure{at, QStringLiteral("invalid value; expected %1").arg(want)};
        throw ExecFailure{at, QStringLiteral("wrong type for value; expected %1; got %2").arg(want, GoTemplateExecutor::goTypeName(v))};
    }

    QVariant evalFunction(const QVariant &dot, const Node &ident, const Node &cmd, const QVariant *final)
    {
        const QString &name = ident.text;
        // and/or short-circuit on the unevaluated arguments (Go 1.18+).
        if ((name == QLatin1String("and") || name == QLatin1String("or")) && !final && cmd.children.size() > 1) {
            QVariant v;
            for (size_t i = 1; i < cmd.children.size(); ++i) {
                v = evalArgValue(dot, *cmd.children[i]);
                if (truth(v) == (name == QLatin1String("or")))
                    return v;
            }
            return v;
        }
        auto it = m_funcs.find(name);
        if (it == m_funcs.end())
            throw ExecFailure{&ident, QStringLiteral("\"%1\" is not a defined function").arg(name)};
        const GoTemplateFunction &f = it.value();
        const int given = int(cmd.children.size()) - (cmd.children.empty() ? 0 : 1) + (final ? 1 : 0);
        const int want = int(f.params.size());
        m_at = &ident;
        const Node *at = &ident;
        if (f.variadic ? given < want - 1 : given != want) {
            throw ExecFailure{at, f.variadic ? QStringLiteral("wrong number of args for %1: want at least %2 got %3").arg(name).arg(want - 1).arg(given)
                                             : QStringLiteral("wrong number of args for %1: want %2 got %3").arg(name).arg(want).arg(given)};
        }
        QVariantList args;
        for (size_t i = 1; i < cmd.children.size(); ++i)
            args << evalTypedArg(dot, *cmd.children[i], f.params[std::min<qsizetype>(qsizetype(i) - 1, want - 1)]);
        if (final)
            args << checkType(m_at, *final, f.params[std::min<qsizetype>(args.size(), want - 1)]);
        const GoTemplateFunction::Result r = f.call(args);
        if (!r.error.isEmpty())
            throw ExecFailure{cmd.children.empty() ? &ident : &cmd, QStringLiteral("error calling %1: %2").arg(name, r.error)};
        return r.value;
    }

    const GoTemplateFunctions &m_funcs;
    QString m_structName;
    // The node being evaluated, which Go's messages name (exec.go's s.at).
    const Node *m_at = nullptr;
    std::vector<std::pair<QString, QVariant>> m_vars;

public:
    const QVariant *m_root = nullptr;
};

} // namespace

QString GoTemplateNode::toString() const
{
    return nodeString(*this);
}

QString GoTemplateExecutor::printValue(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::UnknownType:
        return QStringLiteral("<no value>");
    case QMetaType::QString:
        return v.toString();
    case QMetaType::LongLong:
        return QString::number(v.toLongLong());
    case QMetaType::Double:
        return GoDecoder::goFloat(v.toDouble(), 'g');
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::QVariantList: {
        QStringList parts;
        for (const QVariant &e : v.toList())
            parts << (e.isValid() ? printValue(e) : QStringLiteral("<nil>"));
        return QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    case QMetaType::QVariantMap: {
        QStringList parts;
        const QVariantMap m = v.toMap();
        for (auto it = m.begin(); it != m.end(); ++it)
            parts << it.key() + QLatin1Char(':') + (it.value().isValid() ? printValue(it.value()) : QStringLiteral("<nil>"));
        return QStringLiteral("map[") + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    default:
        return v.toString();
    }
}

QString GoTemplateExecutor::goTypeName(const QVariant &v)
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
    case QMetaType::QVariantList:
        return QStringLiteral("[]interface {}");
    case QMetaType::QVariantMap:
        return QStringLiteral("map[string]interface {}");
    default:
        return QStringLiteral("<nil>");
    }
}

GoTemplateExecutor::Result GoTemplateExecutor::execute(const GoTemplateNode &root, const QString &text,
                                                       const QVariant &data, const GoTemplateFunctions &functions,
                                                       const QString &structName)
{
    Executor ex(functions, structName);
    ex.m_root = &data;
    ex.pushVar(QStringLiteral("$"), data);
    Result r;
    try {
        ex.walk(data, root);
        r.output = ex.out;
    } catch (const ExecFailure &f) {
        const QByteArray utf8 = text.toUtf8();
        GoTemplateError e;
        e.offset = f.at ? f.at->pos : 0;
        GoTemplateParser::locate(utf8, e.offset, e.line, e.column);
        e.message = QStringLiteral("template: root:%1:%2: executing \"root\" at <%3>: %4")
                        .arg(e.line)
                        .arg(e.column - 1)
                        .arg(f.at ? nodeString(*f.at) : QString(), f.message);
        r.error = e;
    }
    return r;
}

QStringList GoTemplateExecutor::builtinNames()
{
    return {QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("not"), QStringLiteral("len"),
            QStringLiteral("index"), QStringLiteral("print"), QStringLiteral("printf"), QStringLiteral("println"),
            QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("lt"), QStringLiteral("le"),
            QStringLiteral("gt"), QStringLiteral("ge"), QStringLiteral("html"), QStringLiteral("js"),
            QStringLiteral("urlquery")};
}

} // namespace kiln::tmpl::legacy

// format and formatlist, as cty's stdlib format.go (the verb engine is GoFormat).

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/GoFormat.h"
#include "engine/hcl/functions/StandardFunctions.h"

namespace kiln::hcl::functions {

namespace {

    Value format(const QList<Value> &a, FunctionError &err)
    {
        const QList<Value> rest = a.mid(1);
        for (const Value &v : rest)
            if (!v.isWhollyKnown())
                return Value::unknown(Type::string());
        std::optional<QString> s = goFormat(a[0].asString(), rest, err);
        if (!s)
            return Value::unknown(Type::string());
        return Value::string(*s);
    }

    Value formatList(const QList<Value> &a, const Type &ret, FunctionError &err)
    {
        const QString fmt = a[0].asString();
        const QList<Value> args = a.mid(1);
        if (args.isEmpty()) {
            Value one = format(a, err);
            if (err.isSet())
                return Value::unknown(ret);
            return Value::list({one});
        }
        qsizetype iterLen = -1;
        int lenChooser = -1;
        bool unknown = false;
        QList<bool> iterate(args.size(), false);
        for (int i = 0; i < args.size(); ++i) {
            const Value &arg = args[i];
            const Type::Kind k = arg.type().kind();
            const bool seq = k == Type::Kind::List || k == Type::Kind::Set || k == Type::Kind::Tuple;
            if (seq && !arg.isNull()) {
                if (k != Type::Kind::Tuple && !arg.isKnown()) {
                    unknown = true;
                    continue;
                }
                const qsizetype thisLen = k == Type::Kind::Tuple ? arg.type().tupleElements().size() : arg.length();
                if (iterLen == -1) {
                    iterLen = thisLen;
                    lenChooser = i;
                } else if (thisLen != iterLen) {
                    return fail(err, i + 1,
                                QStringLiteral("argument %1 has length %2, which is inconsistent with argument %3 of length %4")
                                    .arg(i + 1).arg(thisLen).arg(lenChooser + 1).arg(iterLen));
                }
                if (!arg.isKnown()) {
                    unknown = true;
                    continue;
                }
                iterate[i] = true;
            } else if (!arg.isKnown() && arg.type().isDynamic()) {
                unknown = true;
            }
        }
        if (unknown)
            return Value::unknown(ret);
        if (iterLen == 0)
            return Value::listEmpty(Type::string());
        if (iterLen == -1)
            iterLen = 1;
        QList<Value> out;
        for (qsizetype it = 0; it < iterLen; ++it) {
            QList<Value> fmtArgs;
            bool known = true;
            for (int i = 0; i < args.size(); ++i) {
                fmtArgs.append(iterate[i] ? args[i].elements()[it] : args[i]);
                known = known && fmtArgs.last().isWhollyKnown();
            }
            if (!known) {
                out.append(Value::unknown(Type::string()));
                continue;
            }
            FunctionError inner;
            std::optional<QString> s = goFormat(fmt, fmtArgs, inner);
            if (!s)
                return fail(err, -1, QStringLiteral("error on format iteration %1: %2").arg(it).arg(inner.message));
            out.append(Value::string(*s));
        }
        return Value::list(out);
    }

} // namespace

void addFormatFunctions(FunctionTable &t)
{
    const FunctionParam args = param(QStringLiteral("args"), Type::dynamic(), AllowNull | AllowUnknown | AllowDynamic);
    Function f = simpleFunction(QStringLiteral("format"),
                                QStringLiteral("Constructs a string by applying formatting verbs to a series of arguments, using a similar syntax to the C function \"printf\"."),
                                {param(QStringLiteral("format"), Type::string())}, Type::string(),
                                [](const QList<Value> &a, const Type &, FunctionError &err) { return format(a, err); });
    f.varParam = args;
    add(t, f);

    Function fl = simpleFunction(QStringLiteral("formatlist"),
                                 QStringLiteral("Constructs a list of strings by applying formatting verbs to a series of arguments, using a similar syntax to the C function \"printf\"."),
                                 {param(QStringLiteral("format"), Type::string())}, Type::list(Type::string()),
                                 [](const QList<Value> &a, const Type &ret, FunctionError &err) { return formatList(a, ret, err); });
    fl.varParam = args;
    add(t, fl);
}

} // namespace kiln::hcl::functions

#include "engine/hcl/eval/Function.h"

#include "engine/hcl/value/Convert.h"

namespace kiln::hcl {

namespace {

    // The same checks cty's returnTypeForValues makes for one argument, after
    // HCL's conversion to the parameter type. Returns false with err set on failure;
    // sets dynamicArg when the argument's type is not yet known and the parameter
    // cannot handle that (the call then yields an unknown result).
    bool checkArgument(const FunctionParam &p, int index, Value &arg, bool &dynamicArg, FunctionError &err)
    {
        // HCL converts each argument to the parameter type before calling
        // (hclsyntax FunctionCallExpr.Value). cty's convert keeps the value's own
        // marks, so convert the unmarked value and mark the result again.
        if (!p.type.isDynamic()) {
            const QSet<QString> marks = arg.marks();
            QString why;
            std::optional<Value> converted = convert(arg.unmarked(), p.type, &why);
            if (!converted) {
                err = {index, why};
                return false;
            }
            arg = marks.isEmpty() ? *converted : converted->withMarks(marks);
        }
        if (arg.isNull() && !p.allowNull) {
            err = {index, QStringLiteral("argument must not be null")};
            return false;
        }
        if (arg.type().isDynamic() && !p.allowDynamicType)
            dynamicArg = true;
        return true;
    }

} // namespace

Value Function::call(const QList<Value> &given, FunctionError &err) const
{
    err = {};
    const qsizetype nParams = params.size();
    if (!varParam && given.size() != nParams) {
        err.message = QStringLiteral("wrong number of arguments (%1 required; %2 given)").arg(nParams).arg(given.size());
        return Value::dynamicUnknown();
    }
    if (varParam && given.size() < nParams) {
        err.message = QStringLiteral("wrong number of arguments (at least %1 required; %2 given)").arg(nParams).arg(given.size());
        return Value::dynamicUnknown();
    }

    QList<Value> args = given;
    bool dynamicArg = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const FunctionParam &p = i < nParams ? params[i] : *varParam;
        if (!checkArgument(p, int(i), args[i], dynamicArg, err))
            return Value::dynamicUnknown();
    }

    // Marks are taken off the arguments of parameters that do not handle them
    // and put back on the result, so e.g. upper(sensitive) stays sensitive.
    QSet<QString> resultMarks;
    bool anyUnknown = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const FunctionParam &p = i < nParams ? params[i] : *varParam;
        if (!p.allowMarked && args[i].containsMarked()) {
            QSet<QString> found;
            args[i] = args[i].unmarkedDeep(&found);
            resultMarks.unite(found);
        }
        if (!args[i].isKnown() && !p.allowUnknown)
            anyUnknown = true;
    }

    auto withResultMarks = [&](const Value &v) {
        if (resultMarks.isEmpty())
            return v;
        return v.withMarks(v.marks() | resultMarks);
    };

    if (dynamicArg)
        return withResultMarks(Value::dynamicUnknown());

    Type resultType = returnType;
    if (typeFor) {
        std::optional<Type> t = typeFor(args, err);
        if (err.isSet() || !t)
            return Value::dynamicUnknown();
        resultType = *t;
    }
    if (anyUnknown)
        return withResultMarks(Value::unknown(resultType));
    if (!impl) {
        err.message = QStringLiteral("function \"%1\" cannot be called with values").arg(name);
        return Value::dynamicUnknown();
    }
    Value result = impl(args, resultType, err);
    if (err.isSet())
        return Value::unknown(resultType);
    return withResultMarks(result);
}

} // namespace kiln::hcl

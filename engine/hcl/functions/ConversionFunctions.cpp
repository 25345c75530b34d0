// try, can (hcl's ext/tryfunc) and convert (hcl's ext/typeexpr ConvertFunc).
// All three take unevaluated expressions, so they use Function::exprImpl.

#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/eval/TypeExpr.h"
#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

namespace kiln::hcl::functions {

namespace {

    QString rangeText(const SourceRange &r)
    {
        if (r.start.line == r.end.line)
            return QStringLiteral("%1:%2,%3-%4").arg(r.filename).arg(r.start.line).arg(r.start.column).arg(r.end.column);
        return QStringLiteral("%1:%2,%3-%4,%5").arg(r.filename).arg(r.start.line).arg(r.start.column).arg(r.end.line).arg(r.end.column);
    }

    SourceRange spanOf(const QList<ExprPtr> &args)
    {
        if (args.isEmpty())
            return {};
        return SourceRange::between(args.first()->range, args.last()->range);
    }

    Value tryImpl(const QList<ExprPtr> &args, const EvalContext &ctx, Diagnostics &diags)
    {
        if (args.isEmpty()) {
            diags += Diagnostic::error(QStringLiteral("Error in function call"),
                                       QStringLiteral("Call to function \"try\" failed: at least one argument is required."));
            return Value::dynamicUnknown();
        }
        Diagnostics collected;
        for (const ExprPtr &e : args) {
            Diagnostics these;
            const Value v = evaluate(e, &ctx, these);
            collected += these;
            if (these.hasErrors())
                continue;
            if (!v.isWhollyKnown())
                return Value::dynamicUnknown();
            return v;
        }
        QString msg = QStringLiteral("no expression succeeded:\n");
        for (const Diagnostic &d : collected) {
            if (d.subject)
                msg += QStringLiteral("- %1 (at %2)\n  %3\n").arg(d.summary, rangeText(*d.subject), d.detail);
            else
                msg += QStringLiteral("- %1\n  %2\n").arg(d.summary, d.detail);
        }
        msg += QStringLiteral("\nAt least one expression must produce a successful result");
        diags += Diagnostic::error(QStringLiteral("Error in function call"), QStringLiteral("Call to function \"try\" failed: %1.").arg(msg),
                                   spanOf(args));
        return Value::dynamicUnknown();
    }

    Value canImpl(const QList<ExprPtr> &args, const EvalContext &ctx, Diagnostics &)
    {
        Diagnostics these;
        const Value v = evaluate(args.first(), &ctx, these);
        if (these.hasErrors())
            return Value::falseValue();
        if (!v.isWhollyKnown())
            return Value::unknown(Type::boolean());
        return Value::trueValue();
    }

    Value convertImpl(const QList<ExprPtr> &args, const EvalContext &ctx, Diagnostics &diags)
    {
        const Value v = evaluate(args[0], &ctx, diags);
        Diagnostics typeDiags;
        const Type want = typeConstraintFromExpr(args[1], typeDiags);
        diags += typeDiags;
        if (diags.hasErrors())
            return Value::dynamicUnknown();
        QString why;
        const QSet<QString> marks = v.marks();
        std::optional<Value> out = convert(v.unmarked(), want, &why);
        if (!out) {
            diags += Diagnostic::error(QStringLiteral("Invalid function argument"),
                                       QStringLiteral("Invalid value for \"value\" parameter: %1.").arg(why), args[0]->range);
            return Value::dynamicUnknown();
        }
        return remark(*out, marks);
    }

} // namespace

void addConversionFunctions(FunctionTable &t)
{
    Function tryFn;
    tryFn.name = QStringLiteral("try");
    tryFn.description = QStringLiteral("Evaluates all of its argument expressions in turn and returns the result of the first one that does not produce any errors.");
    tryFn.varParam = param(QStringLiteral("expressions"), Type::dynamic());
    tryFn.exprImpl = tryImpl;
    add(t, tryFn);

    Function canFn;
    canFn.name = QStringLiteral("can");
    canFn.description = QStringLiteral("Evaluates the given expression and returns a boolean value indicating whether the expression produced a result without any errors.");
    canFn.params = {param(QStringLiteral("expression"), Type::dynamic())};
    canFn.returnType = Type::boolean();
    canFn.exprImpl = canImpl;
    add(t, canFn);

    Function convertFn;
    convertFn.name = QStringLiteral("convert");
    convertFn.description = QStringLiteral("Converts a value to the given type constraint.");
    convertFn.params = {param(QStringLiteral("value"), Type::dynamic(), AllowNull | AllowDynamic), param(QStringLiteral("type"), Type::dynamic())};
    convertFn.exprImpl = convertImpl;
    add(t, convertFn);
}

} // namespace kiln::hcl::functions

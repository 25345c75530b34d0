// `f(a, b...)`, as hclsyntax's FunctionCallExpr: look the function up, expand a
// final `...` argument, check arity, convert arguments to parameter types, call,
// and word any failure as HCL does.

#include "engine/hcl/eval/DiagnosticText.h"
#include "engine/hcl/eval/EvalInternal.h"
#include "engine/hcl/eval/ExprHelpers.h"
#include "engine/hcl/value/Convert.h"

#include <QVarLengthArray>

namespace kiln::hcl::detail {

namespace {

Value unknownFunction(const FunctionCallExpr &e, const EvalContext &ctx, Diagnostics &diags)
{
    // hcl offers suggestions from the innermost context's functions only.
    QStringList available;
    if (ctx.functions)
        available = ctx.functions->keys();

    QString detail;
    const qsizetype sep = e.name.lastIndexOf(QStringLiteral("::"));
    if (sep >= 0) {
        // Namespaced names ("provider::x::f"): say whether the namespace or the
        // name within it is wrong.
        const QString ns = e.name.left(sep + 2);
        const QString name = e.name.mid(sep + 2);
        QStringList inNamespace;
        for (const QString &f : std::as_const(available))
            if (f.startsWith(ns))
                inNamespace.append(f);
        if (inNamespace.isEmpty()) {
            detail = QStringLiteral("There are no functions in namespace %1.").arg(goQuote(ns));
        } else {
            QString suggestion = suggestFromUnordered(name, inNamespace);
            if (!suggestion.isEmpty())
                suggestion = QStringLiteral(" Did you mean %1%2?").arg(ns, suggestion);
            detail = QStringLiteral("There is no function named %1 in namespace %2.%3")
                         .arg(goQuote(name), ns, suggestion);
        }
    } else {
        QString suggestion = suggestFromUnordered(e.name, available);
        if (!suggestion.isEmpty())
            suggestion = QStringLiteral(" Did you mean %1?").arg(goQuote(suggestion));
        detail
            = QStringLiteral("There is no function named %1.%2").arg(goQuote(e.name), suggestion);
    }
    diags += exprError(QStringLiteral("Call to unknown function"), detail, e.nameRange, e.range);
    return Value::dynamicUnknown();
}

// An argument after `...` expansion: the original expression, or one element of
// the expanded collection (which hcl wraps as a literal with the expanded
// expression's range).
struct Arg
{
    ExprPtr expr;
    std::optional<Value> expanded;
};

SourceRange argStart(const Arg &a)
{
    return a.expanded ? a.expr->range : expressionStartRange(a.expr);
}

} // namespace

Value evalFunctionCall(
    const FunctionCallExpr &e, const EvalContext *ctx, EvalState &state, Diagnostics &diags)
{
    if (!ctx || !ctx->hasFunctions()) {
        diags += Diagnostic::error(QStringLiteral("Function calls not allowed"),
            QStringLiteral("Functions may not be called here."), e.range);
        return Value::dynamicUnknown();
    }
    const Function *f = ctx->lookupFunction(e.name);
    if (!f)
        return unknownFunction(e, *ctx, diags);

    // Calls rarely have more than a few arguments: kept inline, the list costs
    // no allocation per call.
    QVarLengthArray<Arg, 8> args;
    for (const ExprPtr &a : e.args)
        args.append({a, std::nullopt});

    if (e.expandFinal && !args.isEmpty()) {
        const ExprPtr expandExpr = args.last().expr;
        args.removeLast();
        Diagnostics expandDiags;
        const Value expandVal = eval(expandExpr, ctx, state, expandDiags);
        diags += expandDiags;
        if (expandDiags.hasErrors())
            return Value::dynamicUnknown();
        const Type &t = expandVal.type();
        if (t.isDynamic() || t.isListLike()) {
            if (expandVal.isNull()) {
                diags += exprError(QStringLiteral("Invalid expanding argument value"),
                    QStringLiteral("The expanding argument (indicated by ...) must not be null."),
                    expandExpr->range, e.range);
                return Value::dynamicUnknown();
            }
            if (t.isDynamic() || !expandVal.isKnown())
                return Value::dynamicUnknown();
            // The collection's own marks move onto each element so that they
            // reach the function through its parameters.
            const QSet<QString> marks = expandVal.marks();
            // Held here: unmarked() of a marked value is a new value, which a
            // range-for over its elements() would destroy before the loop.
            const Value unmarked = expandVal.unmarked();
            for (const Value &el : unmarked.elements())
                args.append({expandExpr, addMarks(el, marks)});
        } else {
            diags += exprError(QStringLiteral("Invalid expanding argument value"),
                QStringLiteral("The expanding argument (indicated by ...) must be of a tuple, "
                               "list, or set type."),
                expandExpr->range, e.range);
            return Value::dynamicUnknown();
        }
    }

    const qsizetype nParams = f->params.size();
    if (args.size() < nParams) {
        diags += exprError(QStringLiteral("Not enough function arguments"),
            QStringLiteral("Function %1 expects%2 %3 argument(s). Missing value for %4.")
                .arg(goQuote(e.name), f->varParam ? QStringLiteral(" at least") : QString(),
                    QString::number(nParams), goQuote(f->params[args.size()].name)),
            e.closeParenRange, e.range);
        return Value::dynamicUnknown();
    }
    if (!f->varParam && args.size() > nParams) {
        diags += exprError(QStringLiteral("Too many function arguments"),
            QStringLiteral("Function %1 expects only %2 argument(s).")
                .arg(goQuote(e.name), QString::number(nParams)),
            argStart(args[nParams]), e.range);
        return Value::dynamicUnknown();
    }

    if (f->exprImpl) {
        // try() and can() take their arguments as unevaluated expressions (hcl's
        // customdecode expression closures).
        QList<ExprPtr> exprs;
        for (const Arg &a : std::as_const(args)) {
            if (a.expanded) {
                auto lit = std::make_shared<LiteralExpr>();
                lit->value = *a.expanded;
                lit->range = a.expr->range;
                lit->startRange = a.expr->range;
                exprs.append(lit);
            } else {
                exprs.append(a.expr);
            }
        }
        return f->exprImpl(exprs, *ctx, diags);
    }

    const qsizetype before = diags.size();
    QList<Value> argVals;
    argVals.reserve(args.size());
    for (qsizetype i = 0; i < args.size(); ++i) {
        const FunctionParam &param = i < nParams ? f->params[i] : *f->varParam;
        Value val = args[i].expanded ? *args[i].expanded : eval(args[i].expr, ctx, state, diags);
        QString why;
        const QSet<QString> marks = val.marks();
        const std::optional<Value> converted = convert(val.unmarked(), param.type, &why);
        if (!converted) {
            diags += exprError(QStringLiteral("Invalid function argument"),
                QStringLiteral("Invalid value for %1 parameter: %2.").arg(goQuote(param.name), why),
                argStart(args[i]), e.range);
        } else {
            val = addMarks(*converted, marks);
        }
        argVals.append(val);
    }
    for (qsizetype i = before; i < diags.size(); ++i)
        if (diags[i].severity == Severity::Error)
            return Value::dynamicUnknown(); // a call with bad arguments would only confuse

    FunctionError err;
    const Value result = f->call(argVals, err);
    if (!err.isSet())
        return result;

    const int i = err.argIndex;
    const FunctionParam *param = nullptr;
    if (i >= 0)
        param = i < nParams ? &f->params[i] : (f->varParam ? &*f->varParam : nullptr);
    if (i >= 0 && param && i < args.size()) {
        diags += exprError(QStringLiteral("Invalid function argument"),
            QStringLiteral("Invalid value for %1 parameter: %2.")
                .arg(goQuote(param->name), err.message),
            argStart(args[i]), e.range);
    } else if (i >= 0 && param) {
        // The function blamed a variadic argument that was not given.
        diags += Diagnostic::error(QStringLiteral("Invalid function argument"),
            QStringLiteral("Invalid value for %1 parameter: %2.")
                .arg(goQuote(param->name), err.message),
            e.range);
    } else {
        diags += exprError(QStringLiteral("Error in function call"),
            QStringLiteral("Call to function %1 failed: %2.").arg(goQuote(e.name), err.message),
            SourceRange::between(e.nameRange, e.openParenRange), e.range);
    }
    return Value::dynamicUnknown();
}

} // namespace kiln::hcl::detail

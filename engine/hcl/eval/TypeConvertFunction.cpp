#include "engine/hcl/eval/TypeConvertFunction.h"

#include "engine/hcl/eval/DiagnosticText.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/eval/ExprHelpers.h"
#include "engine/hcl/eval/TypeExpr.h"
#include "engine/hcl/value/Convert.h"

namespace kiln::hcl {

Function typeConvertFunction()
{
    Function f;
    f.name = QStringLiteral("convert");
    f.description = QStringLiteral("Converts a value to the given type constraint.");
    f.params = {FunctionParam{QStringLiteral("value"), Type::dynamic(), true, false, true, false},
        FunctionParam{QStringLiteral("type"), Type::dynamic()}};
    f.exprImpl
        = [](const QList<ExprPtr> &args, const EvalContext &ctx, Diagnostics &diags) -> Value {
        // The evaluator has checked the arity against the two parameters.
        Diagnostics argDiags;
        const Value given = evaluate(args[0], &ctx, argDiags);
        const Type want = typeConstraintFromExpr(args[1], argDiags);
        diags += argDiags;
        if (argDiags.hasErrors())
            return Value::dynamicUnknown();

        // As cty's Call for a parameter that does not take marks: convert the
        // unmarked value and mark the result.
        QSet<QString> marks;
        const Value plain = given.unmarkedDeep(&marks);
        QString why;
        const std::optional<Value> converted = convert(plain, want, &why);
        if (!converted) {
            diags += Diagnostic::error(QStringLiteral("Invalid function argument"),
                QStringLiteral("Invalid value for %1 parameter: %2.")
                    .arg(goQuote(QStringLiteral("value")), why),
                expressionStartRange(args[0]));
            return Value::dynamicUnknown();
        }
        const Value result = plain.isKnown() ? *converted : Value::unknown(converted->type());
        return marks.isEmpty() ? result : result.withMarks(result.marks() | marks);
    };
    return f;
}

} // namespace kiln::hcl

#pragma once

#include "engine/hcl/Ast.h"
#include "engine/hcl/value/Value.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace kiln::hcl {

class EvalContext;

struct FunctionParam
{
    QString name;
    Type type; // Dynamic accepts any type
    bool allowNull = false;
    bool allowUnknown = false;
    bool allowDynamicType = false;
    bool allowMarked = false;
};

// What went wrong in a call, as cty's function.ArgError / plain errors. The
// evaluator turns it into HCL's diagnostics: "Invalid function argument" with
// `Invalid value for "<param>" parameter: <message>.` when argIndex >= 0, else
// "Error in function call" with `Call to function "<name>" failed: <message>.`
struct FunctionError
{
    int argIndex = -1;
    QString message;
    bool isSet() const { return !message.isEmpty(); }
};

// A function callable from HCL expressions, as cty's function.Spec.
struct Function
{
    QString name;
    QString description; // one line, shown in completion and `inspect`
    QList<FunctionParam> params;
    std::optional<FunctionParam> varParam;
    // The result type for the given (already converted) arguments; may refine
    // by argument values. Unset means the result type is `returnType`.
    std::function<std::optional<Type>(const QList<Value> &args, FunctionError &err)> typeFor;
    Type returnType = Type::dynamic();
    std::function<Value(const QList<Value> &args, const Type &resultType, FunctionError &err)> impl;
    // Functions that need their arguments unevaluated (`try`, `can`) set this
    // instead of impl: they evaluate the expressions themselves.
    std::function<Value(const QList<ExprPtr> &args, const EvalContext &ctx, Diagnostics &diags)> exprImpl;

    // cty's Function.Call: checks arity, converts each argument to its parameter
    // type, rejects null/unknown/marked arguments unless the parameter allows
    // them (returning an unknown result for unknown arguments, and re-applying the
    // arguments' marks to the result), then runs impl.
    Value call(const QList<Value> &args, FunctionError &err) const;
};

using FunctionTable = QHash<QString, Function>;

} // namespace kiln::hcl

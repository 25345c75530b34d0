#pragma once

// The context tst_evaluator evaluates in: one variable of each interesting kind
// (collections, null, unknowns, sensitive values) and a few functions that
// exercise arity, variadic parameters, call errors and expression arguments.

#include "engine/hcl/eval/EvalContext.h"
#include "engine/hcl/eval/Evaluator.h"

#include <QStringList>

namespace kiln::hcl::test {

Function makeFunction(const QString &name, QList<FunctionParam> params,
    std::optional<FunctionParam> varParam, Type ret,
    std::function<Value(const QList<Value> &, FunctionError &)> impl)
{
    Function f;
    f.name = name;
    f.params = std::move(params);
    f.varParam = std::move(varParam);
    f.returnType = ret;
    f.impl = [impl](const QList<Value> &args, const Type &, FunctionError &err) {
        return impl(args, err);
    };
    return f;
}

inline std::shared_ptr<const FunctionTable> testFunctions()
{
    auto t = std::make_shared<FunctionTable>();
    t->insert(QStringLiteral("upper"),
        makeFunction(QStringLiteral("upper"), {{QStringLiteral("str"), Type::string()}},
            std::nullopt, Type::string(), [](const QList<Value> &a, FunctionError &) {
                return Value::string(a[0].asString().toUpper());
            }));
    t->insert(QStringLiteral("concat"),
        makeFunction(QStringLiteral("concat"), {{QStringLiteral("sep"), Type::string()}},
            FunctionParam{QStringLiteral("parts"), Type::string()}, Type::string(),
            [](const QList<Value> &a, FunctionError &) {
                QStringList parts;
                for (qsizetype i = 1; i < a.size(); ++i)
                    parts.append(a[i].asString());
                return Value::string(parts.join(a[0].asString()));
            }));
    t->insert(QStringLiteral("fail"),
        makeFunction(QStringLiteral("fail"), {{QStringLiteral("msg"), Type::string()}},
            std::nullopt, Type::string(), [](const QList<Value> &a, FunctionError &err) {
                err.message = a[0].asString();
                return Value();
            }));
    t->insert(QStringLiteral("badarg"),
        makeFunction(QStringLiteral("badarg"), {{QStringLiteral("a"), Type::string()}},
            std::nullopt, Type::string(), [](const QList<Value> &, FunctionError &err) {
                err = {0, QStringLiteral("bad thing")};
                return Value();
            }));
    // Returns the index of the first argument that evaluates without errors,
    // as try() does with its expression arguments.
    Function firstOk;
    firstOk.name = QStringLiteral("firstok");
    firstOk.varParam = FunctionParam{QStringLiteral("exprs"), Type::dynamic()};
    firstOk.exprImpl = [](const QList<ExprPtr> &args, const EvalContext &ctx, Diagnostics &) {
        for (const ExprPtr &a : args) {
            Diagnostics d;
            const Value v = evaluate(a, &ctx, d);
            if (!d.hasErrors())
                return v;
        }
        return Value::dynamicUnknown();
    };
    t->insert(firstOk.name, firstOk);
    return t;
}

inline EvalContext testContext()
{
    EvalContext ctx;
    auto &v = ctx.variables;
    v.insert(QStringLiteral("str"), Value::string(QStringLiteral("hello")));
    v.insert(QStringLiteral("num"), Value::number(5));
    v.insert(QStringLiteral("list"),
        Value::list({Value::string(QStringLiteral("a")), Value::string(QStringLiteral("b")),
            Value::string(QStringLiteral("c"))}));
    v.insert(QStringLiteral("empty"), Value::listEmpty(Type::string()));
    v.insert(QStringLiteral("tup"),
        Value::tuple({Value::string(QStringLiteral("a")), Value::number(1), Value::trueValue()}));
    v.insert(QStringLiteral("obj"),
        Value::object({{QStringLiteral("name"), Value::string(QStringLiteral("x"))},
            {QStringLiteral("port"), Value::number(22)}}));
    v.insert(QStringLiteral("map"),
        Value::map(
            {{QStringLiteral("a"), Value::number(1)}, {QStringLiteral("b"), Value::number(2)}}));
    v.insert(QStringLiteral("set"),
        Value::set({Value::string(QStringLiteral("x")), Value::string(QStringLiteral("y"))}));
    v.insert(QStringLiteral("objs"),
        Value::list({Value::object({{QStringLiteral("n"), Value::number(1)}}),
            Value::object({{QStringLiteral("n"), Value::number(2)}})}));
    v.insert(QStringLiteral("nul"), Value::dynamicNull());
    v.insert(QStringLiteral("unk"), Value::unknown(Type::string()));
    v.insert(QStringLiteral("unkbool"), Value::unknown(Type::boolean()));
    v.insert(QStringLiteral("unknum"), Value::unknown(Type::number()));
    v.insert(QStringLiteral("unklist"), Value::unknown(Type::list(Type::string())));
    v.insert(QStringLiteral("dyn"), Value::dynamicUnknown());
    v.insert(
        QStringLiteral("secret"), Value::string(QStringLiteral("pw")).mark(Value::sensitiveMark()));
    v.insert(QStringLiteral("secretlist"),
        Value::list({Value::string(QStringLiteral("p")), Value::string(QStringLiteral("q"))})
            .mark(Value::sensitiveMark()));
    ctx.functions = testFunctions();
    return ctx;
}

} // namespace kiln::hcl::test

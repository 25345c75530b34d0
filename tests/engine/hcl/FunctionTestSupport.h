#pragma once

// Shared by the tst_functions_* tests: evaluate an expression with the real
// parser, evaluator and function table, and describe the outcome as one string
// so data-driven rows read "expression -> result" or "expression -> ERROR: ...".

#include "engine/hcl/Parser.h"
#include "engine/hcl/eval/EvalContext.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/eval/TypeExpr.h"
#include "engine/hcl/functions/StandardFunctions.h"

#include <QStringList>
#include <QTest>

namespace kiln::hcl::functions::test {

// Values with their types visible: list[...], set[...], map{...}; tuples and
// objects as [...] and {...}; null:T for typed nulls, ?T for unknowns, and a
// trailing ! for sensitive values.
inline QString render(const Value &v)
{
    QString out;
    const Value u = v.unmarked();
    if (!u.isKnown()) {
        out = QLatin1Char('?') + typeString(u.type());
    } else if (u.isNull()) {
        out = u.type().isDynamic() ? QStringLiteral("null") : QStringLiteral("null:") + typeString(u.type());
    } else {
        switch (u.type().kind()) {
        case Type::Kind::String:
            out = QLatin1Char('"') + u.asString() + QLatin1Char('"');
            break;
        case Type::Kind::Number:
            out = u.asNumber().toString();
            break;
        case Type::Kind::Bool:
            out = u.asBool() ? QStringLiteral("true") : QStringLiteral("false");
            break;
        case Type::Kind::List:
        case Type::Kind::Set:
        case Type::Kind::Tuple: {
            QStringList parts;
            for (const Value &e : u.elements())
                parts.append(render(e));
            const Type::Kind k = u.type().kind();
            out = (k == Type::Kind::List ? QStringLiteral("list") : k == Type::Kind::Set ? QStringLiteral("set") : QString()) + QLatin1Char('[')
                + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
            break;
        }
        case Type::Kind::Map:
        case Type::Kind::Object: {
            QStringList parts;
            for (auto it = u.attributes().constBegin(); it != u.attributes().constEnd(); ++it)
                parts.append(it.key() + QLatin1Char('=') + render(it.value()));
            out = (u.type().kind() == Type::Kind::Map ? QStringLiteral("map") : QString()) + QLatin1Char('{') + parts.join(QStringLiteral(", "))
                + QLatin1Char('}');
            break;
        }
        case Type::Kind::Dynamic:
            out = QStringLiteral("?");
            break;
        }
    }
    if (v.isSensitive())
        out += QLatin1Char('!');
    return out;
}

// Evaluates `src` with the standard functions (relative to baseDir) and the
// given variables. Returns the rendered value, or "ERROR: " and the first error's
// detail.
inline QString run(const QString &src, const QString &baseDir = QString(), const QMap<QString, Value> &vars = {},
                   std::shared_ptr<const FunctionTable> table = nullptr)
{
    Diagnostics diags;
    ExprPtr expr = parseExpression(src.toUtf8(), QStringLiteral("test.hcl"), diags);
    if (diags.hasErrors())
        return QStringLiteral("PARSE ERROR: ") + diags.first().summary + QStringLiteral(": ") + diags.first().detail;
    EvalContext ctx;
    ctx.functions = table ? table : standardFunctions(baseDir.isEmpty() ? QStringLiteral(".") : baseDir);
    ctx.variables = vars;
    const Value v = evaluate(expr, &ctx, diags);
    for (const Diagnostic &d : diags)
        if (d.severity == Severity::Error)
            return QStringLiteral("ERROR: ") + (d.detail.isEmpty() ? d.summary : d.detail);
    return render(v);
}

// The standard data-driven columns: an expression and what it must give.
inline void addColumns()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("expected");
}

inline void row(const char *expr, const char *expected)
{
    QTest::newRow(expr) << QString::fromUtf8(expr) << QString::fromUtf8(expected);
}

} // namespace kiln::hcl::functions::test

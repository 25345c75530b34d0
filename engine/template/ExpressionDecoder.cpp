#include "engine/template/ExpressionDecoder.h"

#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/value/Convert.h"

#include <limits>

namespace kiln::tmpl {

using hcl::Diagnostic;
using hcl::Diagnostics;
using hcl::Type;
using hcl::Value;

Diagnostic ExpressionDecoder::unsuitable(const hcl::ExprPtr &expr, const QString &message)
{
    Diagnostic d = Diagnostic::error(QStringLiteral("Unsuitable value type"),
                                     QStringLiteral("Unsuitable value: %1").arg(message), expr->startRange);
    d.context = expr->range;
    return d;
}

Value ExpressionDecoder::decodeValue(const hcl::ExprPtr &expr, Diagnostics &diags) const
{
    return hcl::evaluate(expr, m_ctx, diags);
}

std::optional<Value> ExpressionDecoder::convertTo(const hcl::ExprPtr &expr, const Type &type, Diagnostics &diags) const
{
    Diagnostics evalDiags;
    Value v = hcl::evaluate(expr, m_ctx, evalDiags);
    diags += evalDiags;
    QString error;
    std::optional<Value> converted = hcl::convert(v, type, &error);
    if (!converted) {
        diags += unsuitable(expr, error);
        return std::nullopt;
    }
    if (evalDiags.hasErrors())
        return std::nullopt;
    // gocty refuses unknown values for anything but a cty.Value target.
    if (!converted->isWhollyKnown()) {
        diags += unsuitable(expr, QStringLiteral("value must be known"));
        return std::nullopt;
    }
    return converted->unmarkedDeep();
}

std::optional<QString> ExpressionDecoder::decodeString(const hcl::ExprPtr &expr, Diagnostics &diags) const
{
    std::optional<Value> v = convertTo(expr, Type::string(), diags);
    if (!v)
        return std::nullopt;
    if (v->isNull()) {
        diags += unsuitable(expr, QStringLiteral("null value is not allowed"));
        return std::nullopt;
    }
    return v->asString();
}

std::optional<bool> ExpressionDecoder::decodeBool(const hcl::ExprPtr &expr, Diagnostics &diags) const
{
    std::optional<Value> v = convertTo(expr, Type::boolean(), diags);
    if (!v)
        return std::nullopt;
    if (v->isNull()) {
        diags += unsuitable(expr, QStringLiteral("null value is not allowed"));
        return std::nullopt;
    }
    return v->asBool();
}

std::optional<int> ExpressionDecoder::decodeInt(const hcl::ExprPtr &expr, Diagnostics &diags) const
{
    std::optional<Value> v = convertTo(expr, Type::number(), diags);
    if (!v)
        return std::nullopt;
    if (v->isNull()) {
        diags += unsuitable(expr, QStringLiteral("null value is not allowed"));
        return std::nullopt;
    }
    // gocty's integer targets: a whole number that fits the Go int (64 bits here).
    std::optional<qint64> i = v->asNumber().toInt64();
    if (!v->asNumber().isInteger() || !i) {
        diags += unsuitable(expr, QStringLiteral("value must be a whole number, between %1 and %2")
                                      .arg(std::numeric_limits<qint64>::min())
                                      .arg(std::numeric_limits<qint64>::max()));
        return std::nullopt;
    }
    return int(*i);
}

std::optional<QStringList> ExpressionDecoder::decodeStringList(const hcl::ExprPtr &expr, Diagnostics &diags) const
{
    std::optional<Value> v = convertTo(expr, Type::list(Type::string()), diags);
    if (!v)
        return std::nullopt;
    QStringList out;
    if (v->isNull())
        return out;
    for (const Value &e : v->elements()) {
        if (e.isNull()) {
            // gocty's PathError prints the message alone, without the element path.
            diags += unsuitable(expr, QStringLiteral("null value is not allowed"));
            return std::nullopt;
        }
        out << e.asString();
    }
    return out;
}

} // namespace kiln::tmpl

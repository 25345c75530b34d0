#pragma once

// Helpers shared by the evaluator-family tests (tst_evaluator, tst_typeexpr,
// tst_exprhelpers, tst_dynamic): parse with the real parser, render values
// compactly with their types and marks, and cut a diagnostic's range out of the
// source so that tests state ranges as the text they cover.

#include "engine/hcl/Parser.h"
#include "engine/hcl/eval/TypeExpr.h"

#include <QStringList>

namespace kiln::hcl::test {

// Every value with its type visible: list[...], set[...], map{...} for
// collections, [...] and {...} for tuples and objects, ?type for unknowns,
// a trailing ! for a sensitive value.
inline QString render(const Value &v)
{
    QString out;
    const Value u = v.unmarked();
    if (!u.isKnown()) {
        out = QLatin1Char('?') + typeString(u.type());
    } else if (u.isNull()) {
        out = u.type().isDynamic() ? QStringLiteral("null")
                                   : QStringLiteral("null:") + typeString(u.type());
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
            const QString prefix = u.type().kind() == Type::Kind::List ? QStringLiteral("list")
                : u.type().kind() == Type::Kind::Set                   ? QStringLiteral("set")
                                                                       : QString();
            out = prefix + QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
            break;
        }
        case Type::Kind::Map:
        case Type::Kind::Object: {
            QStringList parts;
            for (auto it = u.attributes().constBegin(); it != u.attributes().constEnd(); ++it)
                parts.append(it.key() + QLatin1Char('=') + render(it.value()));
            out = (u.type().kind() == Type::Kind::Map ? QStringLiteral("map") : QString())
                + QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
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

inline QString rangeText(const QByteArray &src, const std::optional<SourceRange> &r)
{
    if (!r)
        return QStringLiteral("<none>");
    return QString::fromUtf8(src.mid(r->start.byte, r->end.byte - r->start.byte));
}

inline ExprPtr parseExpr(const QByteArray &src)
{
    Diagnostics diags;
    ExprPtr e = parseExpression(src, QStringLiteral("test.hcl"), diags);
    if (diags.hasErrors())
        qWarning("parse error in %s: %s", src.constData(),
            qPrintable(diags.first().summary + ": " + diags.first().detail));
    return e;
}

inline QString diagText(const Diagnostics &diags)
{
    QStringList out;
    for (const Diagnostic &d : diags)
        out.append(d.summary + QStringLiteral(": ") + d.detail);
    return out.join(QLatin1Char('\n'));
}

} // namespace kiln::hcl::test

#include "app/cli/export/HclLiteral.h"

#include <QStringList>

namespace kiln::cli {

QString HclLiteral::quoted(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        const bool opensTemplate = i + 1 < s.size() && s.at(i + 1) == QLatin1Char('{');
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '$':
        case '%':
            out += c;
            if (opensTemplate)
                out += c;
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString HclLiteral::text(const hcl::Value &value)
{
    const hcl::Value v = value.unmarked();
    if (v.isNull())
        return QStringLiteral("null");
    switch (v.type().kind()) {
    case hcl::Type::Kind::String:
        return quoted(v.asString());
    case hcl::Type::Kind::Number:
        return v.asNumber().toString();
    case hcl::Type::Kind::Bool:
        return v.asBool() ? QStringLiteral("true") : QStringLiteral("false");
    case hcl::Type::Kind::List:
    case hcl::Type::Kind::Set:
    case hcl::Type::Kind::Tuple: {
        QStringList items;
        for (const hcl::Value &e : v.elements())
            items << text(e);
        return QLatin1Char('[') + items.join(QLatin1String(", ")) + QLatin1Char(']');
    }
    case hcl::Type::Kind::Map:
    case hcl::Type::Kind::Object: {
        if (v.attributes().isEmpty())
            return QStringLiteral("{}");
        QStringList items;
        for (auto it = v.attributes().cbegin(); it != v.attributes().cend(); ++it)
            items << quoted(it.key()) + QLatin1String(" = ") + text(it.value());
        return QLatin1String("{ ") + items.join(QLatin1String(", ")) + QLatin1String(" }");
    }
    case hcl::Type::Kind::Dynamic:
        break;
    }
    return QStringLiteral("null");
}

QString HclLiteral::environmentText(const hcl::Value &value)
{
    const hcl::Value v = value.unmarked();
    if (!v.isNull() && v.type().kind() == hcl::Type::Kind::String)
        return v.asString();
    return text(v);
}

} // namespace kiln::cli

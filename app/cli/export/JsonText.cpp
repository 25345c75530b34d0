#include "app/cli/export/JsonText.h"

namespace kiln::cli {

QByteArray JsonText::quoted(const QString &s)
{
    QByteArray out = "\"";
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toLatin1();
            else
                out += QString(c).toUtf8();
        }
    }
    return out + '"';
}

QByteArray JsonText::indented(const QByteArray &text, int depth)
{
    QByteArray pad(depth * 2, ' ');
    QByteArray out = text;
    out.replace("\n", "\n" + pad);
    return out;
}

QByteArray JsonText::object(const QList<Member> &members)
{
    if (members.isEmpty())
        return "{}";
    QByteArray out = "{";
    for (qsizetype i = 0; i < members.size(); ++i) {
        out += i == 0 ? "\n  " : ",\n  ";
        out += quoted(members.at(i).first) + ": " + indented(members.at(i).second, 1);
    }
    return out + "\n}";
}

QByteArray JsonText::value(const hcl::json::JsonValue &v)
{
    using Kind = hcl::json::JsonValue::Kind;
    switch (v.kind()) {
    case Kind::Null:
    case Kind::Invalid:
        return "null";
    case Kind::Bool:
        return v.boolValue() ? "true" : "false";
    case Kind::Number:
        return v.text().toUtf8();
    case Kind::String:
        return quoted(v.text());
    case Kind::Array: {
        if (v.elements().empty())
            return "[]";
        QByteArray out = "[";
        bool first = true;
        for (const hcl::json::JsonValue &e : v.elements()) {
            out += first ? "\n  " : ",\n  ";
            out += indented(value(e), 1);
            first = false;
        }
        return out + "\n]";
    }
    case Kind::Object: {
        QList<Member> members;
        for (const hcl::json::JsonMember &m : v.members())
            members << Member{m.key, value(m.value)};
        return object(members);
    }
    }
    return "null";
}

} // namespace kiln::cli

#include "engine/template/PrintableValue.h"

#include <charconv>
#include <cmath>

namespace kiln::tmpl {

using hcl::Type;
using hcl::Value;

QString goQuote(const QString &text)
{
    QString out = QStringLiteral("\"");
    const QList<uint> codes = text.toUcs4();
    for (uint c : codes) {
        switch (c) {
        case '"':
            out += QStringLiteral("\\\"");
            continue;
        case '\\':
            out += QStringLiteral("\\\\");
            continue;
        case '\n':
            out += QStringLiteral("\\n");
            continue;
        case '\t':
            out += QStringLiteral("\\t");
            continue;
        case '\r':
            out += QStringLiteral("\\r");
            continue;
        case '\a':
            out += QStringLiteral("\\a");
            continue;
        case '\b':
            out += QStringLiteral("\\b");
            continue;
        case '\f':
            out += QStringLiteral("\\f");
            continue;
        case '\v':
            out += QStringLiteral("\\v");
            continue;
        default:
            break;
        }
        const char32_t ch = char32_t(c);
        const QString s = QString::fromUcs4(&ch, 1);
        const bool printable = c >= 0x20 && c != 0x7f && s.at(0).category() != QChar::Other_Control
                               && s.at(0).category() != QChar::Other_Format && s.at(0).category() != QChar::Other_NotAssigned;
        if (printable)
            out += s;
        else if (c < 0x80)
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        else if (c <= 0xffff)
            out += QStringLiteral("\\u%1").arg(c, 4, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\U%1").arg(c, 8, 16, QLatin1Char('0'));
    }
    return out + QLatin1Char('"');
}

QString goFormatG(double value)
{
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    if (std::isnan(value))
        return QStringLiteral("NaN");
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    const QString sci = QString::fromLatin1(buf, int(res.ptr - buf)); // e.g. "1.2345675e+06"
    const qsizetype e = sci.indexOf(QLatin1Char('e'));
    const int exp = sci.mid(e + 1).toInt();
    QString mantissa = sci.left(e);
    // strconv's %g with the shortest digits: exponent form when exp < -4 || exp >= 6... unless
    // the shortest digits are more than 6, in which case Go still uses eprec = 6.
    if (exp < -4 || exp >= 6) {
        const QString sign = exp < 0 ? QStringLiteral("-") : QStringLiteral("+");
        return mantissa + QLatin1Char('e') + sign + QStringLiteral("%1").arg(std::abs(exp), 2, 10, QLatin1Char('0'));
    }
    auto fixed = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
    return QString::fromLatin1(buf, int(fixed.ptr - buf));
}

namespace {

QString indent(const QString &value)
{
    QStringList lines = value.split(QLatin1Char('\n'));
    // bufio.Scanner drops a final empty line.
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QString &l : lines)
        l.prepend(QStringLiteral("  "));
    return lines.join(QLatin1Char('\n'));
}

QString format(const Value &v, bool nested)
{
    if (v.isNull())
        return QStringLiteral("null");
    const Type &t = v.type();
    switch (t.kind()) {
    case Type::Kind::String:
        return nested ? goQuote(v.asString()) : v.asString();
    case Type::Kind::Number: {
        const hcl::Number &n = v.asNumber();
        if (n.isZero())
            return QStringLiteral("0");
        if (std::optional<qint64> i = n.toInt64(); i && n.isInteger())
            return QString::number(*i);
        return goFormatG(n.toDouble());
    }
    case Type::Kind::Bool:
        return v.asBool() ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Kind::List:
    case Type::Kind::Set:
    case Type::Kind::Tuple: {
        QString out = QStringLiteral("[");
        if (v.length() > 0)
            out += QLatin1Char('\n');
        for (const Value &e : v.elements())
            out += indent(format(e, true)) + QStringLiteral(",\n");
        return out + QLatin1Char(']');
    }
    case Type::Kind::Map:
    case Type::Kind::Object: {
        QString out = QStringLiteral("{");
        const auto attrs = v.attributes();
        if (!attrs.isEmpty())
            out += QLatin1Char('\n');
        for (auto it = attrs.cbegin(); it != attrs.cend(); ++it)
            out += indent(QStringLiteral("%1 = %2").arg(goQuote(it.key()), format(it.value(), true))) + QLatin1Char('\n');
        return out + QLatin1Char('}');
    }
    case Type::Kind::Dynamic:
        break;
    }
    return QStringLiteral("<unknown-type>");
}

} // namespace

QString printableValue(const Value &value)
{
    const Value plain = value.unmarkedDeep();
    if (!plain.isWhollyKnown())
        return QStringLiteral("<unknown>");
    return format(plain, false);
}

} // namespace kiln::tmpl

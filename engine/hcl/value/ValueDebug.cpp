// Value::debugString: the text `packer console` prints. Packer converts the value to
// plain Go data (hcl2shim.ConfigValueFromHCL2) and formats that (repl.FormatResult),
// so numbers print as Go int or float64, nested strings are Go-quoted, and null
// entries of maps and objects are dropped.

#include "engine/hcl/value/GoFormat.h"
#include "engine/hcl/value/ValueData.h"

#include <QStringList>

namespace kiln::hcl {

namespace {

QString indent(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &l : lines)
        l.prepend(QStringLiteral("  "));
    return lines.join(QLatin1Char('\n'));
}

QString format(const Value &v, bool nested)
{
    if (v.isNull())
        return QStringLiteral("null");
    switch (v.type().kind()) {
    case Type::Kind::String:
        return nested ? quoteGo(v.asString()) : v.asString();
    case Type::Kind::Bool:
        return v.asBool() ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Kind::Number: {
        if (const auto i = v.asNumber().toInt64())
            return QString::number(*i);
        return formatGoFloatG(v.asNumber().toDouble());
    }
    case Type::Kind::List:
    case Type::Kind::Set:
    case Type::Kind::Tuple: {
        QString out = QStringLiteral("[");
        if (!v.elements().isEmpty())
            out += QLatin1Char('\n');
        for (const Value &e : v.elements())
            out += indent(format(e, true)) + QStringLiteral(",\n");
        return out + QLatin1Char(']');
    }
    case Type::Kind::Map:
    case Type::Kind::Object: {
        QList<QPair<QString, Value>> entries;
        for (auto it = v.attributes().cbegin(); it != v.attributes().cend(); ++it) {
            if (!it.value().isNull())
                entries.append({it.key(), it.value()});
        }
        // Go sorts map keys byte-wise.
        std::stable_sort(entries.begin(), entries.end(),
            [](const auto &a, const auto &b) { return compareCodePoints(a.first, b.first) < 0; });
        QString out = QStringLiteral("{");
        if (!entries.isEmpty())
            out += QLatin1Char('\n');
        for (const auto &[key, value] : std::as_const(entries))
            out += indent(quoteGo(key) + QStringLiteral(" = ") + format(value, true))
                + QLatin1Char('\n');
        return out + QLatin1Char('}');
    }
    case Type::Kind::Dynamic:
        break;
    }
    return QStringLiteral("null");
}

} // namespace

QString Value::debugString() const
{
    const Value plain = unmarkedDeep();
    if (!plain.isWhollyKnown())
        return QStringLiteral("<unknown>");
    return format(plain, false);
}

} // namespace kiln::hcl

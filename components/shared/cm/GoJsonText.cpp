#include "components/shared/cm/GoJsonText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

namespace kiln::components {

namespace {

QByteArray quoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == '"' || u == '\\') {
            out += QLatin1Char('\\');
            out += c;
        } else if (u == '\n') {
            out += QLatin1String("\\n");
        } else if (u == '\r') {
            out += QLatin1String("\\r");
        } else if (u == '\t') {
            out += QLatin1String("\\t");
        } else if (u < 0x20 || u == '<' || u == '>' || u == '&' || u == 0x2028 || u == 0x2029) {
            // Go escapes control characters, the HTML trio and the JavaScript line
            // separators as \u00XX.
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += QLatin1Char('"');
    return out.toUtf8();
}

QByteArray number(double d)
{
    if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 1e21)
        return QByteArray::number(qint64(d));
    const double a = std::fabs(d);
    // Go: 'f' form between 1e-6 and 1e21, exponent form outside, shortest digits either way.
    if (a >= 1e-6 && a < 1e21)
        return QByteArray::number(d, 'f', QLocale::FloatingPointShortest);
    QByteArray e = QByteArray::number(d, 'e', QLocale::FloatingPointShortest);
    // encoding/json trims "e-07" to "e-7" (but keeps "e+21").
    const qsizetype n = e.size();
    if (n >= 4 && e[n - 4] == 'e' && e[n - 3] == '-' && e[n - 2] == '0')
        e.remove(n - 2, 1);
    return e;
}

void write(const QJsonValue &v, const QByteArray &indent, QByteArray &out)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        out += number(v.toDouble());
        break;
    case QJsonValue::String:
        out += quoted(v.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out += "[]";
            break;
        }
        out += "[\n";
        const QByteArray inner = indent + "  ";
        for (qsizetype i = 0; i < a.size(); ++i) {
            out += inner;
            write(a.at(i), inner, out);
            out += i + 1 < a.size() ? ",\n" : "\n";
        }
        out += indent + "]";
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        if (o.isEmpty()) {
            out += "{}";
            break;
        }
        out += "{\n";
        const QByteArray inner = indent + "  ";
        // QJsonObject iterates its keys in sorted order, as Go marshals maps.
        qsizetype i = 0;
        for (auto it = o.begin(); it != o.end(); ++it, ++i) {
            out += inner + quoted(it.key()) + ": ";
            write(it.value(), inner, out);
            out += i + 1 < o.size() ? ",\n" : "\n";
        }
        out += indent + "}";
        break;
    }
    }
}

} // namespace

QByteArray GoJsonText::indented(const QJsonValue &value)
{
    QByteArray out;
    write(value, QByteArray(), out);
    return out;
}

} // namespace kiln::components

#include "engine/template/upgrade/HclValueText.h"

#include <QLocale>
#include <map>

namespace kiln::tmpl::upgrade {

namespace {

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the
// ASCII space; other spaces and control/format characters are escaped.
bool goIsPrint(char32_t r)
{
    if (r == U' ')
        return true;
    switch (QChar::category(r)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

} // namespace

QString HclValueText::number(const QString &jsonText)
{
    bool ok = false;
    const double d = jsonText.toDouble(&ok);
    if (!ok)
        return jsonText;
    QString s = QString::number(d, 'f', QLocale::FloatingPointShortest);
    if (s == QLatin1String("-0"))
        s = QStringLiteral("0");
    return s;
}

QString HclValueText::quoted(const QString &s)
{
    QString out = QStringLiteral("\"");
    const QList<uint> runes = s.toUcs4();
    for (qsizetype i = 0; i < runes.size(); ++i) {
        const char32_t r = runes[i];
        switch (r) {
        case U'\n':
            out += QLatin1String("\\n");
            break;
        case U'\r':
            out += QLatin1String("\\r");
            break;
        case U'\t':
            out += QLatin1String("\\t");
            break;
        case U'"':
            out += QLatin1String("\\\"");
            break;
        case U'\\':
            out += QLatin1String("\\\\");
            break;
        case U'$':
        case U'%':
            out += QChar(r);
            if (i + 1 < runes.size() && runes[i + 1] == U'{')
                out += QChar(r); // double the template introducer to escape it
            break;
        default:
            if (!goIsPrint(r)) {
                out += r < 65536 ? QStringLiteral("\\u%1").arg(uint(r), 4, 16, QLatin1Char('0'))
                                 : QStringLiteral("\\U%1").arg(uint(r), 8, 16, QLatin1Char('0'));
            } else {
                out += QString::fromUcs4(&r, 1);
            }
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString HclValueText::stringList(const QStringList &items)
{
    QStringList parts;
    for (const QString &s : items)
        parts << quoted(s);
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

bool HclValueText::validIdentifier(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        const bool start = c.isLetter() || c == u'_';
        if (i == 0 ? !start : !(start || c.isDigit() || c.isMark() || c == u'-'))
            return false;
    }
    return true;
}

QString HclValueText::value(const JsonValue &v)
{
    switch (v.kind()) {
    case JsonValue::Kind::Bool:
        return v.boolValue() ? QStringLiteral("true") : QStringLiteral("false");
    case JsonValue::Kind::Number:
        return number(v.text());
    case JsonValue::Kind::String:
        return quoted(v.text());
    case JsonValue::Kind::Array: {
        QStringList parts;
        for (const JsonValue &e : v.elements())
            parts << value(e);
        return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
    }
    case JsonValue::Kind::Object: {
        // Go decodes into a map: the last duplicate wins, keys come out sorted.
        std::map<QString, const JsonValue *> members;
        for (const auto &m : v.members())
            members[m.key] = &m.value;
        if (members.empty())
            return QStringLiteral("{}");
        QString out = QStringLiteral("{\n");
        for (const auto &[key, val] : members)
            out += (validIdentifier(key) ? key : quoted(key)) + QLatin1String(" = ") + value(*val)
                + QLatin1Char('\n');
        return out + QLatin1Char('}');
    }
    default:
        return QStringLiteral("null");
    }
}

QString HclValueText::goQuote(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const uint r : s.toUcs4()) {
        switch (r) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        default:
            if (!goIsPrint(r))
                out += r < 65536 ? QStringLiteral("\\u%1").arg(r, 4, 16, QLatin1Char('0'))
                                 : QStringLiteral("\\U%1").arg(r, 8, 16, QLatin1Char('0'));
            else
                out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&r), 1);
        }
    }
    return out + QLatin1Char('"');
}

} // namespace kiln::tmpl::upgrade

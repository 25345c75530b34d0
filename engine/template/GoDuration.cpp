#include "engine/template/GoDuration.h"

#include <cmath>

namespace kiln::tmpl {

namespace {

// Nanoseconds per unit.
std::optional<double> unitNanos(const QString &unit)
{
    if (unit == QLatin1String("ns"))
        return 1.0;
    if (unit == QLatin1String("us") || unit == QStringLiteral("µs") || unit == QStringLiteral("μs"))
        return 1e3;
    if (unit == QLatin1String("ms"))
        return 1e6;
    if (unit == QLatin1String("s"))
        return 1e9;
    if (unit == QLatin1String("m"))
        return 60e9;
    if (unit == QLatin1String("h"))
        return 3600e9;
    return std::nullopt;
}

QString quoted(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (QChar c : s) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('"');
}

} // namespace

std::optional<qint64> parseGoDuration(const QString &text, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<qint64> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString invalid = QStringLiteral("time: invalid duration ") + quoted(text);
    QString s = text;
    bool negative = false;
    if (!s.isEmpty() && (s[0] == QLatin1Char('-') || s[0] == QLatin1Char('+'))) {
        negative = s[0] == QLatin1Char('-');
        s = s.mid(1);
    }
    if (s == QLatin1String("0"))
        return 0;
    if (s.isEmpty())
        return fail(invalid);
    double totalNanos = 0;
    int i = 0;
    while (i < s.size()) {
        // The number: digits, optionally a fraction.
        int start = i;
        while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128)
            ++i;
        bool hadInt = i > start;
        QString number = s.mid(start, i - start);
        bool hadFrac = false;
        if (i < s.size() && s[i] == QLatin1Char('.')) {
            ++i;
            int fracStart = i;
            while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128)
                ++i;
            hadFrac = i > fracStart;
            number += QLatin1Char('.') + s.mid(fracStart, i - fracStart);
        }
        if (!hadInt && !hadFrac)
            return fail(invalid);
        int unitStart = i;
        while (i < s.size() && s[i] != QLatin1Char('.') && !(s[i].isDigit() && s[i].unicode() < 128))
            ++i;
        QString unit = s.mid(unitStart, i - unitStart);
        if (unit.isEmpty())
            return fail(QStringLiteral("time: missing unit in duration ") + quoted(text));
        std::optional<double> nanos = unitNanos(unit);
        if (!nanos)
            return fail(QStringLiteral("time: unknown unit ") + quoted(unit) + QStringLiteral(" in duration ")
                        + quoted(text));
        totalNanos += number.toDouble() * *nanos;
        if (totalNanos > 9.223372036854775807e18)
            return fail(invalid);
    }
    qint64 ms = qint64(std::trunc(totalNanos / 1e6));
    return negative ? -ms : ms;
}

} // namespace kiln::tmpl

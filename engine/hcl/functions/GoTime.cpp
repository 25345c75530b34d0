#include "engine/hcl/functions/GoTime.h"

#include "engine/hcl/functions/FunctionSupport.h"

#include <QTimeZone>

namespace kiln::hcl::functions::gotime {

namespace {

    const char *const longMonths[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
    const char *const longDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

    bool isDigitAt(const QString &s, qsizetype i) { return i < s.size() && s[i] >= QLatin1Char('0') && s[i] <= QLatin1Char('9'); }

    bool isLeap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }
    int daysIn(int m, int y)
    {
        static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return (m == 2 && isLeap(y)) ? 29 : d[(m - 1) % 12];
    }

    // What Go's time.Parse(time.RFC3339, s) reports, as (layout element, value
    // element, message), or nothing if it accepts s.
    struct ParseError
    {
        QString layoutElem, valueElem, message;
    };

    // Go's getnum: one or two digits (two required when fixed).
    bool getnum(QString &v, bool fixed, int &out)
    {
        if (!isDigitAt(v, 0))
            return false;
        if (!isDigitAt(v, 1)) {
            if (fixed)
                return false;
            out = v[0].unicode() - '0';
            v = v.mid(1);
            return true;
        }
        out = (v[0].unicode() - '0') * 10 + (v[1].unicode() - '0');
        v = v.mid(2);
        return true;
    }

    std::optional<ParseError> goParse(const QString &s)
    {
        QString v = s;
        auto skip = [&](const QString &lit) -> std::optional<ParseError> {
            for (QChar c : lit) {
                if (v.isEmpty() || v[0] != c)
                    return ParseError {lit, v, QString()};
                v = v.mid(1);
            }
            return std::nullopt;
        };
        auto field = [&](const QString &elem, auto parse) -> std::optional<ParseError> {
            const QString hold = v;
            QString range;
            if (!parse(range))
                return ParseError {elem, hold, QString()};
            if (!range.isEmpty())
                return ParseError {elem, v, QStringLiteral(": %1 out of range").arg(range)};
            return std::nullopt;
        };
        int year = 0, month = 0, day = 0, n = 0;
        std::optional<ParseError> e;
        if ((e = field(QStringLiteral("2006"), [&](QString &) {
                 if (v.size() < 4 || !isDigitAt(v, 0))
                     return false;
                 bool ok = false;
                 year = v.left(4).toInt(&ok);
                 v = v.mid(4);
                 return ok;
             })))
            return e;
        if ((e = skip(QStringLiteral("-"))))
            return e;
        if ((e = field(QStringLiteral("01"), [&](QString &r) {
                 if (!getnum(v, true, month))
                     return false;
                 if (month <= 0 || month > 12)
                     r = QStringLiteral("month");
                 return true;
             })))
            return e;
        if ((e = skip(QStringLiteral("-"))))
            return e;
        if ((e = field(QStringLiteral("02"), [&](QString &) { return getnum(v, true, day); })))
            return e;
        if ((e = skip(QStringLiteral("T"))))
            return e;
        if ((e = field(QStringLiteral("15"), [&](QString &r) {
                 if (!getnum(v, false, n))
                     return false;
                 if (n >= 24)
                     r = QStringLiteral("hour");
                 return true;
             })))
            return e;
        if ((e = skip(QStringLiteral(":"))))
            return e;
        if ((e = field(QStringLiteral("04"), [&](QString &r) {
                 if (!getnum(v, true, n))
                     return false;
                 if (n >= 60)
                     r = QStringLiteral("minute");
                 return true;
             })))
            return e;
        if ((e = skip(QStringLiteral(":"))))
            return e;
        if ((e = field(QStringLiteral("05"), [&](QString &r) {
                 if (!getnum(v, true, n))
                     return false;
                 if (n >= 60) {
                     r = QStringLiteral("second");
                     return true;
                 }
                 if (v.size() >= 2 && (v[0] == QLatin1Char('.') || v[0] == QLatin1Char(',')) && isDigitAt(v, 1)) {
                     qsizetype k = 2;
                     while (isDigitAt(v, k))
                         ++k;
                     v = v.mid(k);
                 }
                 return true;
             })))
            return e;
        if ((e = field(QStringLiteral("Z07:00"), [&](QString &r) {
                 if (!v.isEmpty() && v[0] == QLatin1Char('Z')) {
                     v = v.mid(1);
                     return true;
                 }
                 if (v.size() < 6 || v[3] != QLatin1Char(':'))
                     return false;
                 QString hh = v.mid(1, 2), mm = v.mid(4, 2);
                 const QChar sign = v[0];
                 v = v.mid(6);
                 int hr = 0, mi = 0;
                 if (!getnum(hh, true, hr) || !getnum(mm, true, mi))
                     return false;
                 if (hr > 24)
                     r = QStringLiteral("time zone offset hour");
                 if (mi > 60)
                     r = QStringLiteral("time zone offset minute");
                 return sign == QLatin1Char('+') || sign == QLatin1Char('-');
             })))
            return e;
        if (!v.isEmpty())
            return ParseError {QString(), v, QStringLiteral(": extra text: %1").arg(goQuote(v))};
        if (day < 1 || day > daysIn(month, year))
            return ParseError {QString(), QString(), QStringLiteral(": day out of range")};
        return std::nullopt;
    }

    // cty's parseRFC3339: the strict form.
    std::optional<Moment> strictParse(const QString &s)
    {
        if (s.size() < 19)
            return std::nullopt;
        bool ok = true;
        auto num = [&](qsizetype from, qsizetype len, int min, int max) {
            int x = 0;
            for (qsizetype i = from; i < from + len; ++i) {
                if (!isDigitAt(s, i)) {
                    ok = false;
                    return min;
                }
                x = x * 10 + (s[i].unicode() - '0');
            }
            if (x < min || x > max) {
                ok = false;
                return min;
            }
            return x;
        };
        const int year = num(0, 4, 0, 9999);
        const int month = num(5, 2, 1, 12);
        const int day = num(8, 2, 1, daysIn(month, year));
        const int hour = num(11, 2, 0, 23);
        const int minute = num(14, 2, 0, 59);
        const int sec = num(17, 2, 0, 59);
        if (!ok || s[4] != QLatin1Char('-') || s[7] != QLatin1Char('-') || s[10] != QLatin1Char('T') || s[13] != QLatin1Char(':')
            || s[16] != QLatin1Char(':'))
            return std::nullopt;
        QString rest = s.mid(19);
        int nanos = 0;
        if (rest.size() >= 2 && rest[0] == QLatin1Char('.') && isDigitAt(rest, 1)) {
            qsizetype n = 2;
            while (isDigitAt(rest, n))
                ++n;
            QString digits = rest.mid(1, std::min<qsizetype>(n, 10) - 1);
            nanos = digits.toInt();
            for (qsizetype i = digits.size(); i < 9; ++i)
                nanos *= 10;
            rest = rest.mid(n);
        }
        int offset = 0;
        if (rest != QLatin1String("Z")) {
            if (rest.size() != 6)
                return std::nullopt;
            const QString full = rest;
            auto tz = [&](qsizetype from, int max) {
                int x = 0;
                for (qsizetype i = from; i < from + 2; ++i) {
                    if (!isDigitAt(full, i)) {
                        ok = false;
                        return 0;
                    }
                    x = x * 10 + (full[i].unicode() - '0');
                }
                if (x > max)
                    ok = false;
                return x;
            };
            const int hr = tz(1, 23), mm = tz(4, 59);
            if (!ok || (full[0] != QLatin1Char('+') && full[0] != QLatin1Char('-')) || full[3] != QLatin1Char(':'))
                return std::nullopt;
            offset = (hr * 60 + mm) * 60 * (full[0] == QLatin1Char('-') ? -1 : 1);
        }
        const QDateTime utc(QDate(year, month, day), QTime(hour, minute, sec), Qt::UTC);
        Moment m;
        m.unixSeconds = utc.toSecsSinceEpoch() - offset;
        m.nanos = nanos;
        m.offsetSeconds = offset;
        return m;
    }

    QString describe(const ParseError &pe)
    {
        const QString prefix = QStringLiteral("not a valid RFC3339 timestamp");
        if (pe.layoutElem.isEmpty() && pe.valueElem.isEmpty() && !pe.message.isEmpty())
            return prefix + pe.message;
        QString what;
        const QString &l = pe.layoutElem;
        if (l == QLatin1String("2006"))
            what = QStringLiteral("year");
        else if (l == QLatin1String("01"))
            what = QStringLiteral("month");
        else if (l == QLatin1String("02"))
            what = QStringLiteral("day of month");
        else if (l == QLatin1String("15"))
            what = QStringLiteral("hour");
        else if (l == QLatin1String("04"))
            what = QStringLiteral("minute");
        else if (l == QLatin1String("05"))
            what = QStringLiteral("second");
        else if (l == QLatin1String("Z07:00"))
            what = QStringLiteral("UTC offset");
        else if (l == QLatin1String("T"))
            return prefix + QStringLiteral(": missing required time introducer 'T'");
        else if (l == QLatin1String(":") || l == QLatin1String("-")) {
            if (pe.valueElem.isEmpty())
                return prefix + QStringLiteral(": end of string where %1 is expected").arg(goQuote(l));
            return prefix + QStringLiteral(": found %1 where %2 is expected").arg(goQuote(pe.valueElem), goQuote(l));
        } else
            what = QStringLiteral("timestamp segment");
        if (pe.valueElem.isEmpty())
            return prefix + QStringLiteral(": end of string before %1").arg(what);
        if (what == QLatin1String("hour") && pe.valueElem.contains(QLatin1Char(':')))
            return prefix + QStringLiteral(": hour must be between 0 and 23 inclusive");
        if (what == QLatin1String("hour") && pe.valueElem.size() != 2)
            return prefix + QStringLiteral(": hour must have exactly two digits");
        if (what == QLatin1String("minute") && pe.valueElem.size() != 2)
            return prefix + QStringLiteral(": minute must have exactly two digits");
        return prefix + QStringLiteral(": cannot use %1 as %2").arg(goQuote(pe.valueElem), what);
    }

} // namespace

QDateTime Moment::local() const
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).addSecs(offsetSeconds);
}

std::optional<Moment> parseRfc3339(const QString &s, QString *error)
{
    if (std::optional<Moment> m = strictParse(s))
        return m;
    if (std::optional<ParseError> pe = goParse(s)) {
        *error = describe(*pe);
        return std::nullopt;
    }
    // Go accepted what the strict parser did not: cty's extra checks.
    if (s.size() > 12 && s[12] == QLatin1Char(':'))
        *error = describe({QStringLiteral("15"), s.mid(11, 1), QStringLiteral(": hour must have two digits")});
    else if (s.size() > 19 && s[19] == QLatin1Char(','))
        *error = describe({QStringLiteral("."), QStringLiteral(","), QStringLiteral(": sub-second separator must be a period")});
    else if (!s.endsWith(QLatin1Char('Z')) && s.size() >= 6)
        *error = describe({QStringLiteral("Z07:00"), s.right(6), QStringLiteral(": timezone out of range")});
    else
        *error = describe({QLatin1String(rfc3339Layout()), s, QString()});
    return std::nullopt;
}

std::optional<qint64> parseDuration(const QString &orig, QString *error)
{
    const QString quoted = goQuote(orig);
    auto invalid = [&] {
        *error = QStringLiteral("time: invalid duration %1").arg(quoted);
        return std::nullopt;
    };
    QString s = orig;
    bool neg = false;
    if (!s.isEmpty() && (s[0] == QLatin1Char('-') || s[0] == QLatin1Char('+'))) {
        neg = s[0] == QLatin1Char('-');
        s = s.mid(1);
    }
    if (s == QLatin1String("0"))
        return 0;
    if (s.isEmpty())
        return invalid();
    long double total = 0;
    while (!s.isEmpty()) {
        if (!(s[0] == QLatin1Char('.') || isDigitAt(s, 0)))
            return invalid();
        qsizetype i = 0;
        while (isDigitAt(s, i))
            ++i;
        const QString intPart = s.left(i);
        QString frac;
        if (i < s.size() && s[i] == QLatin1Char('.')) {
            qsizetype j = i + 1;
            while (isDigitAt(s, j))
                ++j;
            frac = s.mid(i + 1, j - i - 1);
            i = j;
        }
        if (intPart.isEmpty() && frac.isEmpty())
            return invalid();
        qsizetype u = i;
        while (u < s.size() && s[u] != QLatin1Char('.') && !isDigitAt(s, u))
            ++u;
        const QString unit = s.mid(i, u - i);
        if (unit.isEmpty()) {
            *error = QStringLiteral("time: missing unit in duration %1").arg(quoted);
            return std::nullopt;
        }
        static const QHash<QString, qint64> units {
            {QStringLiteral("ns"), 1}, {QStringLiteral("us"), 1000}, {QString::fromUtf8("µs"), 1000}, {QString::fromUtf8("μs"), 1000},
            {QStringLiteral("ms"), 1000000}, {QStringLiteral("s"), 1000000000LL}, {QStringLiteral("m"), 60000000000LL},
            {QStringLiteral("h"), 3600000000000LL}};
        auto it = units.constFind(unit);
        if (it == units.constEnd()) {
            *error = QStringLiteral("time: unknown unit %1 in duration %2").arg(goQuote(unit), quoted);
            return std::nullopt;
        }
        const long double value = (intPart.isEmpty() ? 0 : intPart.toDouble()) + (frac.isEmpty() ? 0 : (QStringLiteral("0.") + frac).toDouble());
        total += value * (long double)(*it);
        if (total > 9223372036854775807.0L)
            return invalid();
        s = s.mid(u);
    }
    const qint64 ns = qint64(total);
    return neg ? -ns : ns;
}

Moment now()
{
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    Moment m;
    m.unixSeconds = ms / 1000;
    m.nanos = int(ms % 1000) * 1000000;
    return m;
}

QString format(const Moment &t, const QString &layout)
{
    const QDateTime dt = t.local();
    const QDate d = dt.date();
    const QTime tm = dt.time();
    auto pad = [](int v, int w, QChar c = QLatin1Char('0')) { return QString::number(v).rightJustified(w, c); };
    auto zone = [&](bool z, bool colon, bool seconds, bool hoursOnly) {
        if (z && t.offsetSeconds == 0)
            return QStringLiteral("Z");
        int off = t.offsetSeconds;
        QString out = off < 0 ? QStringLiteral("-") : QStringLiteral("+");
        off = std::abs(off);
        out += pad(off / 3600, 2);
        if (hoursOnly)
            return out;
        if (colon)
            out += QLatin1Char(':');
        out += pad(off / 60 % 60, 2);
        if (seconds) {
            if (colon)
                out += QLatin1Char(':');
            out += pad(off % 60, 2);
        }
        return out;
    };
    QString out;
    qsizetype i = 0;
    auto at = [&](const char *lit) { return layout.mid(i).startsWith(QLatin1String(lit)); };
    while (i < layout.size()) {
        const QChar c = layout[i];
        if (at("January")) { out += QLatin1String(longMonths[d.month() - 1]); i += 7; }
        else if (at("Jan")) { out += QLatin1String(longMonths[d.month() - 1]).left(3); i += 3; }
        else if (at("Monday")) { out += QLatin1String(longDays[d.dayOfWeek() % 7]); i += 6; }
        else if (at("Mon")) { out += QLatin1String(longDays[d.dayOfWeek() % 7]).left(3); i += 3; }
        else if (at("MST")) { out += t.offsetSeconds == 0 ? QStringLiteral("UTC") : zone(false, false, false, false); i += 3; }
        else if (at("2006")) { out += pad(d.year(), 4); i += 4; }
        else if (at("002")) { out += pad(d.dayOfYear(), 3); i += 3; }
        else if (at("01")) { out += pad(d.month(), 2); i += 2; }
        else if (at("02")) { out += pad(d.day(), 2); i += 2; }
        else if (at("03")) { out += pad(tm.hour() % 12 == 0 ? 12 : tm.hour() % 12, 2); i += 2; }
        else if (at("04")) { out += pad(tm.minute(), 2); i += 2; }
        else if (at("05")) { out += pad(tm.second(), 2); i += 2; }
        else if (at("06")) { out += pad(d.year() % 100, 2); i += 2; }
        else if (at("15")) { out += pad(tm.hour(), 2); i += 2; }
        else if (at("__2")) { out += pad(d.dayOfYear(), 3, QLatin1Char(' ')); i += 3; }
        else if (at("_2")) { out += pad(d.day(), 2, QLatin1Char(' ')); i += 2; }
        else if (at("1")) { out += QString::number(d.month()); i += 1; }
        else if (at("2")) { out += QString::number(d.day()); i += 1; }
        else if (at("3")) { out += QString::number(tm.hour() % 12 == 0 ? 12 : tm.hour() % 12); i += 1; }
        else if (at("4")) { out += QString::number(tm.minute()); i += 1; }
        else if (at("5")) { out += QString::number(tm.second()); i += 1; }
        else if (at("PM")) { out += tm.hour() >= 12 ? QStringLiteral("PM") : QStringLiteral("AM"); i += 2; }
        else if (at("pm")) { out += tm.hour() >= 12 ? QStringLiteral("pm") : QStringLiteral("am"); i += 2; }
        else if (at("-070000")) { out += zone(false, false, true, false); i += 7; }
        else if (at("-07:00:00")) { out += zone(false, true, true, false); i += 9; }
        else if (at("-0700")) { out += zone(false, false, false, false); i += 5; }
        else if (at("-07:00")) { out += zone(false, true, false, false); i += 6; }
        else if (at("-07")) { out += zone(false, false, false, true); i += 3; }
        else if (at("Z070000")) { out += zone(true, false, true, false); i += 7; }
        else if (at("Z07:00:00")) { out += zone(true, true, true, false); i += 9; }
        else if (at("Z0700")) { out += zone(true, false, false, false); i += 5; }
        else if (at("Z07:00")) { out += zone(true, true, false, false); i += 6; }
        else if (at("Z07")) { out += zone(true, false, false, true); i += 3; }
        else if ((c == QLatin1Char('.') || c == QLatin1Char(',')) && i + 1 < layout.size()
                 && (layout[i + 1] == QLatin1Char('0') || layout[i + 1] == QLatin1Char('9'))) {
            const QChar digit = layout[i + 1];
            qsizetype j = i + 1;
            while (j < layout.size() && layout[j] == digit)
                ++j;
            if (isDigitAt(layout, j)) { // not a fractional-second element
                out += c;
                ++i;
                continue;
            }
            const int n = int(j - i - 1);
            QString frac = pad(t.nanos, 9).left(n);
            if (digit == QLatin1Char('9')) {
                while (frac.endsWith(QLatin1Char('0')))
                    frac.chop(1);
                if (!frac.isEmpty())
                    out += c + frac;
            } else {
                out += c + frac;
            }
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

QString strftime(const Moment &t, const QString &fmt)
{
    static const QHash<QChar, QString> conversion {
        {QLatin1Char('B'), QStringLiteral("January")}, {QLatin1Char('b'), QStringLiteral("Jan")}, {QLatin1Char('m'), QStringLiteral("01")},
        {QLatin1Char('A'), QStringLiteral("Monday")}, {QLatin1Char('a'), QStringLiteral("Mon")}, {QLatin1Char('d'), QStringLiteral("02")},
        {QLatin1Char('H'), QStringLiteral("15")}, {QLatin1Char('I'), QStringLiteral("03")}, {QLatin1Char('M'), QStringLiteral("04")},
        {QLatin1Char('S'), QStringLiteral("05")}, {QLatin1Char('Y'), QStringLiteral("2006")}, {QLatin1Char('y'), QStringLiteral("06")},
        {QLatin1Char('p'), QStringLiteral("PM")}, {QLatin1Char('Z'), QStringLiteral("MST")}, {QLatin1Char('z'), QStringLiteral("-0700")},
    };
    QString out;
    for (qsizetype i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != QLatin1Char('%')) {
            out += fmt[i];
            continue;
        }
        if (i + 1 >= fmt.size()) {
            out += QLatin1Char('%');
            break;
        }
        const QChar c = fmt[++i];
        if (c == QLatin1Char('%'))
            out += QLatin1Char('%');
        else if (conversion.contains(c))
            out += format(t, conversion.value(c));
        else if (c == QLatin1Char('j'))
            out += QString::number(t.local().date().dayOfYear()).rightJustified(3, QLatin1Char('0'));
        else if (c == QLatin1Char('f'))
            out += QString::number(t.nanos / 1000).rightJustified(6, QLatin1Char('0'));
        else if (c == QLatin1Char('L'))
            out += QString::number(t.nanos / 1000000).rightJustified(3, QLatin1Char('0'));
        else
            out += QLatin1Char('%') + c;
    }
    return out;
}

} // namespace kiln::hcl::functions::gotime

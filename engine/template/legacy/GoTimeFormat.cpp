#include "engine/template/legacy/GoTimeFormat.h"

#include <QTimeZone>

namespace kiln::tmpl::legacy {

namespace {

enum class Std {
    None, LongMonth, Month, NumMonth, ZeroMonth, LongWeekDay, WeekDay, Day, UnderDay, ZeroDay,
    UnderYearDay, ZeroYearDay, Hour, Hour12, ZeroHour12, Minute, ZeroMinute, Second, ZeroSecond,
    LongYear, Year, PM, pm, TZ, ISO8601TZ, ISO8601SecondsTZ, ISO8601ShortTZ, ISO8601ColonTZ,
    ISO8601ColonSecondsTZ, NumTZ, NumSecondsTz, NumShortTZ, NumColonTZ, NumColonSecondsTZ,
    FracSecond0, FracSecond9
};

struct Chunk
{
    int prefixEnd; // layout[start, prefixEnd) is literal text
    Std std;
    int stdEnd; // where the rest of the layout starts
    int fracDigits = 0;
};

bool startsAt(const QString &s, int i, const char *w)
{
    return QStringView(s).mid(i).startsWith(QLatin1String(w));
}

bool lowerAt(const QString &s, int i)
{
    return i < s.size() && s[i] >= QLatin1Char('a') && s[i] <= QLatin1Char('z');
}

// time/format.go's nextStdChunk: the first standard chunk at or after `from`.
Chunk nextStdChunk(const QString &l, int from)
{
    const int n = int(l.size());
    for (int i = from; i < n; ++i) {
        const QChar c = l[i];
        switch (c.unicode()) {
        case 'J':
            if (startsAt(l, i, "Jan")) {
                if (startsAt(l, i, "January"))
                    return {i, Std::LongMonth, i + 7};
                // "Jan" followed by a lower-case letter is a word, not a month.
                if (!lowerAt(l, i + 3))
                    return {i, Std::Month, i + 3};
            }
            break;
        case 'M':
            if (startsAt(l, i, "Mon")) {
                if (startsAt(l, i, "Monday"))
                    return {i, Std::LongWeekDay, i + 6};
                if (!lowerAt(l, i + 3))
                    return {i, Std::WeekDay, i + 3};
            }
            if (startsAt(l, i, "MST"))
                return {i, Std::TZ, i + 3};
            break;
        case '0':
            if (i + 1 < n && l[i + 1] >= QLatin1Char('1') && l[i + 1] <= QLatin1Char('6')) {
                static const Std zero[] = {Std::ZeroMonth, Std::ZeroDay, Std::ZeroHour12, Std::ZeroMinute, Std::ZeroSecond, Std::Year};
                return {i, zero[l[i + 1].unicode() - '1'], i + 2};
            }
            if (startsAt(l, i, "002"))
                return {i, Std::ZeroYearDay, i + 3};
            break;
        case '1':
            if (startsAt(l, i, "15"))
                return {i, Std::Hour, i + 2};
            return {i, Std::NumMonth, i + 1};
        case '2':
            if (startsAt(l, i, "2006"))
                return {i, Std::LongYear, i + 4};
            return {i, Std::Day, i + 1};
        case '_':
            if (i + 1 < n && l[i + 1] == QLatin1Char('2')) {
                // "_2006" is a literal underscore followed by the long year.
                if (startsAt(l, i + 1, "2006"))
                    return {i + 1, Std::LongYear, i + 5};
                return {i, Std::UnderDay, i + 2};
            }
            if (startsAt(l, i, "__2"))
                return {i, Std::UnderYearDay, i + 3};
            break;
        case '3':
            return {i, Std::Hour12, i + 1};
        case '4':
            return {i, Std::Minute, i + 1};
        case '5':
            return {i, Std::Second, i + 1};
        case 'P':
            if (startsAt(l, i, "PM"))
                return {i, Std::PM, i + 2};
            break;
        case 'p':
            if (startsAt(l, i, "pm"))
                return {i, Std::pm, i + 2};
            break;
        case '-':
            if (startsAt(l, i, "-070000"))
                return {i, Std::NumSecondsTz, i + 7};
            if (startsAt(l, i, "-07:00:00"))
                return {i, Std::NumColonSecondsTZ, i + 9};
            if (startsAt(l, i, "-0700"))
                return {i, Std::NumTZ, i + 5};
            if (startsAt(l, i, "-07:00"))
                return {i, Std::NumColonTZ, i + 6};
            if (startsAt(l, i, "-07"))
                return {i, Std::NumShortTZ, i + 3};
            break;
        case 'Z':
            if (startsAt(l, i, "Z070000"))
                return {i, Std::ISO8601SecondsTZ, i + 7};
            if (startsAt(l, i, "Z07:00:00"))
                return {i, Std::ISO8601ColonSecondsTZ, i + 9};
            if (startsAt(l, i, "Z0700"))
                return {i, Std::ISO8601TZ, i + 5};
            if (startsAt(l, i, "Z07:00"))
                return {i, Std::ISO8601ColonTZ, i + 6};
            if (startsAt(l, i, "Z07"))
                return {i, Std::ISO8601ShortTZ, i + 3};
            break;
        case '.':
        case ',':
            if (i + 1 < n && (l[i + 1] == QLatin1Char('0') || l[i + 1] == QLatin1Char('9'))) {
                const QChar ch = l[i + 1];
                int j = i + 1;
                while (j < n && l[j] == ch)
                    ++j;
                if (!(j < n && l[j].isDigit()))
                    return {i, ch == QLatin1Char('0') ? Std::FracSecond0 : Std::FracSecond9, j, j - (i + 1)};
            }
            break;
        default:
            break;
        }
    }
    return {n, Std::None, n};
}

QString pad(qint64 v, int width, QChar fill = QLatin1Char('0'))
{
    return QString::number(v).rightJustified(width, fill);
}

QString zone(int offsetSeconds, bool colon, bool seconds, bool shortForm, bool isoZ)
{
    if (isoZ && offsetSeconds == 0)
        return QStringLiteral("Z");
    int zoneMin = offsetSeconds / 60;
    int absOffset = std::abs(offsetSeconds);
    QString out = zoneMin < 0 || offsetSeconds < 0 ? QStringLiteral("-") : QStringLiteral("+");
    zoneMin = std::abs(zoneMin);
    out += pad(zoneMin / 60, 2);
    if (!shortForm) {
        if (colon)
            out += QLatin1Char(':');
        out += pad(zoneMin % 60, 2);
    }
    if (seconds) {
        if (colon)
            out += QLatin1Char(':');
        out += pad(absOffset % 60, 2);
    }
    return out;
}

} // namespace

QString GoTimeFormat::format(const QDateTime &t, const QString &layout)
{
    const QDate d = t.date();
    const QTime tm = t.time();
    const int offset = t.offsetFromUtc();
    static const char *months[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
    static const char *days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    const qint64 nanos = qint64(tm.msec()) * 1000000;

    QString out;
    int pos = 0;
    while (pos < layout.size()) {
        const Chunk c = nextStdChunk(layout, pos);
        out += layout.mid(pos, c.prefixEnd - pos);
        if (c.std == Std::None)
            break;
        pos = c.stdEnd;
        const QString month = QLatin1String(months[d.month() - 1]);
        const QString day = QLatin1String(days[d.dayOfWeek() - 1]);
        const int hour12 = tm.hour() % 12 == 0 ? 12 : tm.hour() % 12;
        switch (c.std) {
        case Std::LongMonth: out += month; break;
        case Std::Month: out += month.left(3); break;
        case Std::NumMonth: out += QString::number(d.month()); break;
        case Std::ZeroMonth: out += pad(d.month(), 2); break;
        case Std::LongWeekDay: out += day; break;
        case Std::WeekDay: out += day.left(3); break;
        case Std::Day: out += QString::number(d.day()); break;
        case Std::UnderDay: out += pad(d.day(), 2, QLatin1Char(' ')); break;
        case Std::ZeroDay: out += pad(d.day(), 2); break;
        case Std::UnderYearDay: out += pad(d.dayOfYear(), 3, QLatin1Char(' ')); break;
        case Std::ZeroYearDay: out += pad(d.dayOfYear(), 3); break;
        case Std::Hour: out += pad(tm.hour(), 2); break;
        case Std::Hour12: out += QString::number(hour12); break;
        case Std::ZeroHour12: out += pad(hour12, 2); break;
        case Std::Minute: out += QString::number(tm.minute()); break;
        case Std::ZeroMinute: out += pad(tm.minute(), 2); break;
        case Std::Second: out += QString::number(tm.second()); break;
        case Std::ZeroSecond: out += pad(tm.second(), 2); break;
        case Std::LongYear: out += pad(d.year(), 4); break;
        case Std::Year: out += pad(d.year() % 100, 2); break;
        case Std::PM: out += tm.hour() >= 12 ? QStringLiteral("PM") : QStringLiteral("AM"); break;
        case Std::pm: out += tm.hour() >= 12 ? QStringLiteral("pm") : QStringLiteral("am"); break;
        case Std::TZ: {
            // Go prints the zone abbreviation, or a numeric offset when it has none.
            const QString abbr = offset == 0 && t.timeSpec() == Qt::UTC ? QStringLiteral("UTC") : t.timeZoneAbbreviation();
            if (!abbr.isEmpty() && !abbr.startsWith(QLatin1Char('+')) && !abbr.startsWith(QLatin1Char('-')) && !abbr.startsWith(QLatin1String("UTC+")) && !abbr.startsWith(QLatin1String("UTC-")))
                out += abbr;
            else
                out += zone(offset, false, false, false, false);
            break;
        }
        case Std::ISO8601TZ: out += zone(offset, false, false, false, true); break;
        case Std::ISO8601SecondsTZ: out += zone(offset, false, true, false, true); break;
        case Std::ISO8601ShortTZ: out += zone(offset, false, false, true, true); break;
        case Std::ISO8601ColonTZ: out += zone(offset, true, false, false, true); break;
        case Std::ISO8601ColonSecondsTZ: out += zone(offset, true, true, false, true); break;
        case Std::NumTZ: out += zone(offset, false, false, false, false); break;
        case Std::NumSecondsTz: out += zone(offset, false, true, false, false); break;
        case Std::NumShortTZ: out += zone(offset, false, false, true, false); break;
        case Std::NumColonTZ: out += zone(offset, true, false, false, false); break;
        case Std::NumColonSecondsTZ: out += zone(offset, true, true, false, false); break;
        case Std::FracSecond0:
        case Std::FracSecond9: {
            QString digits = pad(nanos, 9).left(c.fracDigits);
            const QChar sep = layout[c.prefixEnd];
            if (c.std == Std::FracSecond9) {
                while (digits.endsWith(QLatin1Char('0')))
                    digits.chop(1);
                if (digits.isEmpty())
                    break;
            }
            out += sep + digits;
            break;
        }
        case Std::None:
            break;
        }
    }
    return out;
}

QString GoTimeFormat::strftime(const QDateTime &t, const QString &fmt)
{
    // The conversions of the jehiah/go-strftime Packer vendors; any other
    // directive is copied through unchanged.
    auto layoutFor = [](QChar c) -> const char * {
        switch (c.unicode()) {
        case 'B': return "January";
        case 'b': return "Jan";
        case 'm': return "01";
        case 'A': return "Monday";
        case 'a': return "Mon";
        case 'd': return "02";
        case 'H': return "15";
        case 'I': return "03";
        case 'M': return "04";
        case 'S': return "05";
        case 'Y': return "2006";
        case 'y': return "06";
        case 'p': return "PM";
        case 'Z': return "MST";
        case 'z': return "-0700";
        case 'L': return ".000";
        default: return nullptr;
        }
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
        if (c == QLatin1Char('%')) {
            out += QLatin1Char('%');
        } else if (const char *layout = layoutFor(c)) {
            out += format(t, QLatin1String(layout));
        } else {
            out += QLatin1Char('%');
            out += c;
        }
    }
    return out;
}

} // namespace kiln::tmpl::legacy

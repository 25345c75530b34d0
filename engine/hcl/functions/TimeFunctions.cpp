// formatdate timeadd (cty's stdlib datetime.go), timestamp legacy_isotime
// legacy_strftime rfc3339_parse unix_timestamp_parse (Packer's own).

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/GoTime.h"
#include "engine/hcl/functions/StandardFunctions.h"

namespace kiln::hcl::functions {

namespace {

    const char *const monthNames[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
    const char *const dayNames[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

    bool isLetter(QChar c) { return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')); }

    // cty's splitDateFormat tokens: quoted literals, runs of one letter, other text.
    QStringList dateFormatTokens(const QString &f)
    {
        QStringList toks;
        qsizetype i = 0;
        while (i < f.size()) {
            const QChar c = f[i];
            qsizetype j = i + 1;
            if (c == QLatin1Char('\'')) {
                if (j < f.size() && f[j] == QLatin1Char('\'')) {
                    j = i + 2;
                } else {
                    while (j < f.size()) {
                        if (f[j] == QLatin1Char('\'')) {
                            if (j + 1 < f.size() && f[j + 1] == QLatin1Char('\'')) {
                                j += 2;
                                continue;
                            }
                            ++j;
                            break;
                        }
                        ++j;
                    }
                }
            } else if (isLetter(c)) {
                while (j < f.size() && f[j] == c)
                    ++j;
            } else {
                while (j < f.size() && f[j] != QLatin1Char('\'') && !isLetter(f[j]))
                    ++j;
            }
            toks.append(f.mid(i, j - i));
            i = j;
        }
        return toks;
    }

    Value formatDate(const QList<Value> &a, FunctionError &err)
    {
        QString why;
        std::optional<gotime::Moment> t = gotime::parseRfc3339(a[1].asString(), &why);
        if (!t)
            return fail(err, 1, why);
        const QDateTime dt = t->local();
        const QDate d = dt.date();
        const QTime tm = dt.time();
        auto pad2 = [](int v) { return QString::number(v).rightJustified(2, QLatin1Char('0')); };
        QString out;
        for (const QString &tok : dateFormatTokens(a[0].asString())) {
            const QChar c = tok[0];
            const qsizetype n = tok.size();
            auto bad = [&](const QString &detail) {
                return fail(err, 0, QStringLiteral("invalid date format verb %1%2").arg(goQuote(tok), detail.isEmpty() ? QString() : QStringLiteral(": ") + detail));
            };
            if (c == QLatin1Char('\'')) {
                if (!tok.endsWith(QLatin1Char('\'')) || n == 1)
                    return fail(err, 0, QStringLiteral("unterminated literal '"));
                if (n == 2) {
                    out += QLatin1Char('\'');
                } else {
                    const QString raw = tok.mid(1, n - 2);
                    for (qsizetype i = 0; i < raw.size(); ++i) {
                        out += raw[i];
                        if (raw[i] == QLatin1Char('\''))
                            ++i;
                    }
                }
                continue;
            }
            if (!isLetter(c)) {
                out += tok;
                continue;
            }
            switch (c.unicode()) {
            case 'Y':
                if (n == 2) out += pad2(d.year() % 100);
                else if (n == 4) out += QString::number(d.year()).rightJustified(4, QLatin1Char('0'));
                else return bad(QStringLiteral("year must either be \"YY\" or \"YYYY\""));
                break;
            case 'M':
                if (n == 1) out += QString::number(d.month());
                else if (n == 2) out += pad2(d.month());
                else if (n == 3) out += QLatin1String(monthNames[d.month() - 1]).left(3);
                else if (n == 4) out += QLatin1String(monthNames[d.month() - 1]);
                else return bad(QStringLiteral("month must be \"M\", \"MM\", \"MMM\", or \"MMMM\""));
                break;
            case 'D':
                if (n == 1) out += QString::number(d.day());
                else if (n == 2) out += pad2(d.day());
                else return bad(QStringLiteral("day of month must either be \"D\" or \"DD\""));
                break;
            case 'E':
                if (n == 3) out += QLatin1String(dayNames[d.dayOfWeek() % 7]).left(3);
                else if (n == 4) out += QLatin1String(dayNames[d.dayOfWeek() % 7]);
                else return bad(QStringLiteral("day of week must either be \"EEE\" or \"EEEE\""));
                break;
            case 'h':
                if (n == 1) out += QString::number(tm.hour());
                else if (n == 2) out += pad2(tm.hour());
                else return bad(QStringLiteral("24-hour must either be \"h\" or \"hh\""));
                break;
            case 'H': {
                const int h = tm.hour() % 12 == 0 ? 12 : tm.hour() % 12;
                if (n == 1) out += QString::number(h);
                else if (n == 2) out += pad2(h);
                else return bad(QStringLiteral("12-hour must either be \"H\" or \"HH\""));
                break;
            }
            case 'A':
            case 'a':
                if (n != 2)
                    return bad(QStringLiteral("must be \"%1%1\"").arg(c));
                out += tm.hour() < 12 ? (c == QLatin1Char('A') ? QStringLiteral("AM") : QStringLiteral("am"))
                                      : (c == QLatin1Char('A') ? QStringLiteral("PM") : QStringLiteral("pm"));
                break;
            case 'm':
                if (n == 1) out += QString::number(tm.minute());
                else if (n == 2) out += pad2(tm.minute());
                else return bad(QStringLiteral("minute must either be \"m\" or \"mm\""));
                break;
            case 's':
                if (n == 1) out += QString::number(tm.second());
                else if (n == 2) out += pad2(tm.second());
                else return bad(QStringLiteral("second must either be \"s\" or \"ss\""));
                break;
            case 'Z':
                if (n == 1) out += gotime::format(*t, QStringLiteral("Z07:00"));
                else if (n == 3) {
                    const QString s = gotime::format(*t, QStringLiteral("-0700"));
                    out += s == QLatin1String("+0000") ? QStringLiteral("UTC") : s;
                } else if (n == 4) out += gotime::format(*t, QStringLiteral("-0700"));
                else if (n == 5) out += gotime::format(*t, QStringLiteral("-07:00"));
                else return bad(QStringLiteral("timezone must be Z, ZZZZ, or ZZZZZ"));
                break;
            default:
                return bad(QString());
            }
        }
        return Value::string(out);
    }

    Value dateParts(const gotime::Moment &m, bool withUnix, bool withRfc3339)
    {
        const QDateTime dt = m.local();
        const QDate d = dt.date();
        int isoYear = 0;
        const int isoWeek = d.weekNumber(&isoYear);
        QMap<QString, Value> o {
            {QStringLiteral("year"), Value::number(d.year())},
            {QStringLiteral("year_day"), Value::number(d.dayOfYear())},
            {QStringLiteral("day"), Value::number(d.day())},
            {QStringLiteral("month"), Value::number(d.month())},
            {QStringLiteral("month_name"), Value::string(QLatin1String(monthNames[d.month() - 1]))},
            {QStringLiteral("weekday"), Value::number(d.dayOfWeek() % 7)},
            {QStringLiteral("weekday_name"), Value::string(QLatin1String(dayNames[d.dayOfWeek() % 7]))},
            {QStringLiteral("hour"), Value::number(dt.time().hour())},
            {QStringLiteral("minute"), Value::number(dt.time().minute())},
            {QStringLiteral("second"), Value::number(dt.time().second())},
            {QStringLiteral("iso_year"), Value::number(isoYear)},
            {QStringLiteral("iso_week"), Value::number(isoWeek)},
        };
        if (withUnix)
            o.insert(QStringLiteral("unix"), Value::number(m.unixSeconds));
        if (withRfc3339)
            o.insert(QStringLiteral("rfc3339"), Value::string(gotime::format(m, QLatin1String(gotime::rfc3339Layout()))));
        return Value::object(o);
    }

    Type datePartsType(bool withUnix)
    {
        QMap<QString, Type> t;
        for (const char *n : {"year", "year_day", "day", "month", "weekday", "hour", "minute", "second", "iso_year", "iso_week"})
            t.insert(QLatin1String(n), Type::number());
        t.insert(QStringLiteral("month_name"), Type::string());
        t.insert(QStringLiteral("weekday_name"), Type::string());
        if (withUnix)
            t.insert(QStringLiteral("unix"), Type::number());
        else
            t.insert(QStringLiteral("rfc3339"), Type::string());
        return Type::object(t);
    }

    // Packer's %v of the extra arguments in "too many values" errors.
    QString goValueList(const QList<Value> &a)
    {
        QStringList parts;
        for (const Value &v : a)
            parts.append(QStringLiteral("cty.StringVal(%1)").arg(goQuote(v.asString())));
        return QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }

    Function legacyTime(const QString &name, const QString &desc, bool strftime)
    {
        // Packer fixes the time of these once per run (at start-up).
        static const gotime::Moment initTime = gotime::now();
        Function f = simpleFunction(name, desc, {}, Type::string(), [strftime](const QList<Value> &a, const Type &, FunctionError &err) {
            if (a.size() > 1)
                return fail(err, -1, QStringLiteral("too many values, 1 needed: %1").arg(goValueList(a)));
            if (a.isEmpty())
                return Value::string(gotime::format(initTime, QLatin1String(gotime::rfc3339Layout())));
            return Value::string(strftime ? gotime::strftime(initTime, a[0].asString()) : gotime::format(initTime, a[0].asString()));
        });
        f.varParam = param(QStringLiteral("format"), Type::string());
        return f;
    }

} // namespace

void addTimeFunctions(FunctionTable &t)
{
    const Type str = Type::string();
    add(t, simpleFunction(QStringLiteral("formatdate"), QStringLiteral("Formats a timestamp given in RFC 3339 syntax into another timestamp in some other machine-oriented time syntax, as described in the format string."),
                          {param(QStringLiteral("format"), str), param(QStringLiteral("time"), str)}, str,
                          [](const QList<Value> &a, const Type &, FunctionError &err) { return formatDate(a, err); }));
    add(t, simpleFunction(QStringLiteral("timeadd"), QStringLiteral("Adds the duration represented by the given duration string to the given RFC 3339 timestamp string, returning another RFC 3339 timestamp."),
                          {param(QStringLiteral("timestamp"), str), param(QStringLiteral("duration"), str)}, str,
                          [](const QList<Value> &a, const Type &, FunctionError &err) {
                              QString why;
                              std::optional<gotime::Moment> ts = gotime::parseRfc3339(a[0].asString(), &why);
                              if (!ts)
                                  return fail(err, -1, why);
                              std::optional<qint64> d = gotime::parseDuration(a[1].asString(), &why);
                              if (!d)
                                  return fail(err, -1, why);
                              gotime::Moment m = *ts;
                              qint64 nanos = qint64(m.nanos) + *d % 1000000000LL;
                              m.unixSeconds += *d / 1000000000LL + (nanos < 0 ? -1 : nanos / 1000000000LL);
                              m.nanos = int(((nanos % 1000000000LL) + 1000000000LL) % 1000000000LL);
                              return Value::string(gotime::format(m, QLatin1String(gotime::rfc3339Layout())));
                          }));
    add(t, simpleFunction(QStringLiteral("timestamp"), QStringLiteral("Returns a UTC timestamp string in RFC 3339 format."), {}, str,
                          [](const QList<Value> &, const Type &, FunctionError &) {
                              return Value::string(gotime::format(gotime::now(), QLatin1String(gotime::rfc3339Layout())));
                          }));
    add(t, legacyTime(QStringLiteral("legacy_isotime"), QStringLiteral("Returns the time Packer started, formatted with a Go time layout."), false));
    add(t, legacyTime(QStringLiteral("legacy_strftime"), QStringLiteral("Returns the time Packer started, formatted with strftime directives."), true));

    add(t, simpleFunction(QStringLiteral("rfc3339_parse"), QStringLiteral("Parses an RFC 3339 timestamp into its date and time parts."),
                          {param(QStringLiteral("timestamp"), str)}, datePartsType(true),
                          [](const QList<Value> &a, const Type &, FunctionError &err) {
                              QString why;
                              std::optional<gotime::Moment> m = gotime::parseRfc3339(a[0].asString(), &why);
                              if (!m)
                                  return fail(err, 0, QStringLiteral("%1 is not a valid RFC3339 timestamp").arg(goQuote(a[0].asString())));
                              return dateParts(*m, true, false);
                          }));
    add(t, simpleFunction(QStringLiteral("unix_timestamp_parse"), QStringLiteral("Parses a Unix timestamp (seconds) into its UTC date and time parts."),
                          {param(QStringLiteral("unix_timestamp"), Type::number())}, datePartsType(false),
                          [](const QList<Value> &a, const Type &, FunctionError &err) {
                              QString why;
                              std::optional<qint64> s = toInt(a[0], &why);
                              if (!s)
                                  return fail(err, 0, QStringLiteral("unix_timestamp must be a whole number of seconds representable as a 64-bit integer: %1").arg(why));
                              gotime::Moment m;
                              m.unixSeconds = *s;
                              return dateParts(m, false, true);
                          }));
}

} // namespace kiln::hcl::functions

#include "engine/output/DurationFormat.h"

#include <QStringList>
#include <array>

namespace kiln::output {

namespace {

struct Unit
{
    const char *plural;
    const char *singular;
    qint64 microseconds;
};

constexpr qint64 Second = 1000000;

// Largest first, as durafmt walks them.
constexpr std::array<Unit, 8> Units{{
    {"years", "year", 365 * 24 * 3600 * Second},
    {"weeks", "week", 7 * 24 * 3600 * Second},
    {"days", "day", 24 * 3600 * Second},
    {"hours", "hour", 3600 * Second},
    {"minutes", "minute", 60 * Second},
    {"seconds", "second", Second},
    {"milliseconds", "millisecond", 1000},
    {"microseconds", "microsecond", 1},
}};

} // namespace

QString DurationFormat::format(qint64 nanoseconds, int limitFirstN)
{
    QString text;
    if (nanoseconds < 0) {
        text += QLatin1Char('-');
        nanoseconds = -nanoseconds;
    }
    if (nanoseconds == 0) {
        // Go's Duration.String() is "0s", which durafmt matches against its "s" unit only.
        text += QStringLiteral("0 seconds");
        return text;
    }

    // Go's integer division truncates toward zero; nanoseconds is non-negative here.
    qint64 remaining = nanoseconds / 1000;
    QStringList words;
    for (const Unit &unit : Units) {
        const qint64 value = remaining / unit.microseconds;
        remaining -= value * unit.microseconds;
        if (value == 0)
            continue;
        words << QString::number(value) << QLatin1String(value == 1 ? unit.singular : unit.plural);
    }
    if (limitFirstN > 0 && words.size() > limitFirstN * 2)
        words = words.mid(0, limitFirstN * 2);
    text += words.join(QLatin1Char(' '));
    return text;
}

} // namespace kiln::output

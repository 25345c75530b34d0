#pragma once

#include <QString>

namespace kiln::output {

// Durations the way Packer 1.6.6 prints them: github.com/hako/durafmt (revision c0fb7b4da026)
// called as durafmt.Parse(d).LimitFirstN(2), e.g. "1 second 115 milliseconds",
// "2 minutes 3 seconds", "8 milliseconds 472 microseconds".
//
// durafmt's quirks are kept on purpose, since users grep for these lines:
//  - units are years (365 days), weeks, days, hours, minutes, seconds, milliseconds,
//    microseconds; a value of 1 drops the plural "s" ("1 second");
//  - zero units are skipped, so 1 h 0 min 5 s is "1 hour 5 seconds";
//  - a zero duration is "0 seconds", but a duration below one microsecond that is not zero
//    is the empty string (durafmt truncates to microseconds and finds nothing to print);
//  - a negative duration gets a leading "-" glued to the first number.
class DurationFormat
{
public:
    static constexpr int PackerLimit = 2;

    // `limitFirstN` 0 means all units.
    static QString format(qint64 nanoseconds, int limitFirstN = PackerLimit);
    static QString fromMilliseconds(qint64 milliseconds, int limitFirstN = PackerLimit)
    {
        return format(milliseconds * 1000000, limitFirstN);
    }
};

} // namespace kiln::output

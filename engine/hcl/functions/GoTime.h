#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace kiln::hcl::functions {

// The parts of Go's time package the time functions need, with Go's exact output
// and cty's error texts.
namespace gotime {

    // A moment with the UTC offset it was written with (Go keeps the offset of
    // a parsed timestamp and prints it back).
    struct Moment
    {
        qint64 unixSeconds = 0;
        int nanos = 0;
        int offsetSeconds = 0;
        QDateTime local() const; // wall clock at offsetSeconds
    };

    // cty's parseTimestamp: strict RFC 3339, errors worded as cty does
    // ("not a valid RFC3339 timestamp: ...").
    std::optional<Moment> parseRfc3339(const QString &s, QString *error);

    // time.ParseDuration in nanoseconds, with Go's errors
    // (`time: invalid duration "x"`, `time: unknown unit "d" in duration "1d"`).
    std::optional<qint64> parseDuration(const QString &s, QString *error);

    // Time.Format(layout) with Go's reference-time layout language.
    QString format(const Moment &t, const QString &layout);

    inline const char *rfc3339Layout() { return "2006-01-02T15:04:05Z07:00"; }

    // jehiah/go-strftime's Format, which Packer's legacy_strftime uses.
    QString strftime(const Moment &t, const QString &format);

    Moment now();

} // namespace gotime

} // namespace kiln::hcl::functions

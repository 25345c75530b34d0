#pragma once

#include <QDateTime>
#include <QString>

namespace kiln::output {

// The decorations Packer's UI wrappers put around a message (packer.TargetedUI,
// TimestampedUi, ColoredUi), as plain functions so the console, the log and the summary
// apply them in Packer's order: target prefix, then timestamp, then colour.
class ConsoleFormat
{
public:
    enum class Color { Red = 31, Green = 32, Yellow = 33, Blue = 34, Magenta = 35, Cyan = 36 };

    // The colour of the index-th build: Packer cycles green, cyan, magenta, yellow, blue.
    static Color buildColor(int index);

    // TargetedUI.prefixLines: every line becomes "==> TARGET: line" ("    TARGET: line"
    // without the arrow), then trailing white space of the whole text is cut, which also
    // reduces an empty last line to "==> TARGET:".
    static QString prefixLines(bool arrow, const QString &target, const QString &message);

    // "\e[1;32m" + message + "\e[0m": one escape around the whole (multi-line) text.
    static QString colorize(const QString &message, Color color, bool bold);

    // Go's time.RFC3339 in local time, as `-timestamp-ui` prints it: "2006-01-02T15:04:05Z"
    // or "...+02:00".
    static QString rfc3339(const QDateTime &time);
    // TimestampedUi: "TIME: message"; only the first line of a multi-line text gets it.
    static QString timestamped(const QDateTime &time, const QString &message);

    // Go's log package prefix (log.LstdFlags, local time): "2006/01/02 15:04:05 ".
    static QString logPrefix(const QDateTime &time);

    // "NAME" for a build, "NAME (type)" when a post-processor speaks.
    static QString target(const QString &build, const QString &component);

    // Go's unicode.IsSpace trimmed off the end.
    static QString trimRight(const QString &text);
};

} // namespace kiln::output

#pragma once

#include <QMetaType>
#include <QString>

namespace kiln::models {

// One line of a run's console, as the CLI would print it: `prefix + text` is exactly the
// CLI's line (without colour escapes). A build's own console tab drops the prefix, since
// the tab already says whose line it is, and shows `marker() + text` instead.
struct ConsoleLine
{
    enum class Kind : quint8 {
        Announce, // "NAME: output will be in this color." and the blank line after
        Say, // "==> NAME: text"
        Message, // "    NAME: text"
        Error, // "==> NAME: text" in red
        Finished, // "Build 'NAME' finished after ..."
        Errored, // "Build 'NAME' errored after ...: ERROR"
        Summary, // the run's end ("==> Wait completed ...", artifacts)
        SummaryError, // the run's errors, diagnostics, the interrupt notice
        Warning, // template warnings (diagnostics without an error)
    };

    Kind kind = Kind::Say;
    QString build; // empty for lines of the whole run (summary, diagnostics)
    QString prefix; // "==> NAME: " / "    NAME (type): "; empty when the CLI prints none
    QString text;
    qint64 msecsSinceEpoch = 0; // when the event happened (per-line timestamps on demand)

    QString cliText() const { return prefix + text; }
    // The line in the build's own tab: the arrow of a `say` stays, the name goes.
    QString paneText() const
    {
        switch (kind) {
        case Kind::Say:
        case Kind::Error:
            return text.isEmpty() ? QStringLiteral("==>") : QStringLiteral("==> ") + text;
        case Kind::Message:
            return text.isEmpty() ? QString() : QStringLiteral("    ") + text;
        default:
            return prefix + text;
        }
    }
    bool isError() const
    {
        return kind == Kind::Error || kind == Kind::Errored || kind == Kind::SummaryError;
    }
};

} // namespace kiln::models

Q_DECLARE_METATYPE(kiln::models::ConsoleLine)

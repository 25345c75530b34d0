#pragma once

#include "app/models/build/ConsoleLine.h"
#include "engine/build/BuildEvent.h"
#include "engine/hcl/Diagnostic.h"

#include <QList>
#include <QStringList>

namespace kiln::models {

// What reached the GUI thread in one flush: console lines in the order the CLI would
// print them, the events that change a build's state (started, steps, artifacts,
// finished) in order, and only the latest progress of each transfer.
struct RunBatch
{
    QList<ConsoleLine> lines;
    QList<build::BuildEvent> events;
    QList<build::BuildEvent> progress;
    QStringList announced; // builds about to run, in template order (once per run)
    hcl::Diagnostics diagnostics; // planning and prepare diagnostics (once per run)
    bool hasDiagnostics = false;
    qint64 posted = 0; // events posted by the builds for this batch, progress included

    bool isEmpty() const
    {
        return lines.isEmpty() && events.isEmpty() && progress.isEmpty() && announced.isEmpty()
            && !hasDiagnostics;
    }
};

} // namespace kiln::models

#pragma once

#include "app/models/build/BuildState.h"
#include "app/models/build/ConsoleBuffer.h"

#include <QString>
#include <QStringList>

namespace kiln::models {

// What the GUI knows about one build of the current run.
struct BuildRunInfo
{
    QString name;
    int index = 0; // template order: the CLI's colour index
    BuildState state = BuildState::Pending;
    QString step; // the step running now, empty between steps
    qint64 startedMs = 0; // wall clock at BuildStarted
    qint64 durationMs = 0; // set at BuildFinished
    QString error;
    QStringList artifacts; // each artifact's one-line description, as the summary lists them
    QString progressWhat; // the transfer reported last, empty when none is running
    qint64 progressBytes = 0;
    qint64 progressTotal = -1;
    ConsoleBuffer console;
};

} // namespace kiln::models

#pragma once

#include "engine/build/Build.h"

#include <QList>

#include <memory>

namespace kiln::build {

// Runs builds on a QThreadPool through QtConcurrent, at most `parallel` at a time
// (0: all at once; -debug forces one at a time), in template order. Packer's build command
// loop with its semaphore. Every build shares the environment's CancelToken: once it
// fires, running builds clean up and no further build starts.
//
// Threading: run() blocks the calling thread until every started build has finished; it
// may be called from the GUI's own worker so the GUI thread stays free.
class BuildScheduler
{
public:
    BuildScheduler(QList<std::shared_ptr<Build>> builds, RunEnvironment env, int parallel);

    // One result per build, in the builds' order; a build that never started because of a
    // cancel has cancelled set and no duration.
    QList<BuildResult> run();

private:
    QList<std::shared_ptr<Build>> m_builds;
    RunEnvironment m_env;
    int m_parallel;
};

} // namespace kiln::build

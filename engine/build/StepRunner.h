#pragma once

#include "engine/build/Step.h"

#include <QList>

#include <memory>

namespace kiln::build {

class BuildContext;

// Runs a builder's steps in order, then cleans up in reverse (Packer's multistep
// BasicRunner / DebugRunner, with -on-error applied in one place):
//  - a step that halts, or a cancel, stops the run; every entered step is cleaned up;
//  - -on-error=abort skips every cleanup and says so;
//  - -on-error=ask asks "[c] Clean up and exit, [a] abort without cleanup, or [r] retry
//    step (build may fail even if retry succeeds)?" and can run the failed step again;
//  - -debug pauses after each step until the user presses Enter.
// Runs on the build's worker thread.
class StepRunner
{
public:
    explicit StepRunner(QList<std::shared_ptr<Step>> steps);

    // Returns true when every step continued and the build was not cancelled. The failure,
    // if any, is in ctx.error().
    bool run(BuildContext &ctx);

private:
    enum class Answer { Cleanup, Abort, Retry };
    Answer askOnError(BuildContext &ctx, const Step &step);
    void pauseForDebug(BuildContext &ctx, const Step &step);

    QList<std::shared_ptr<Step>> m_steps;
};

} // namespace kiln::build

#include "engine/build/StepRunner.h"

#include "engine/build/BuildContext.h"

#include <QElapsedTimer>

namespace kiln::build {

StepRunner::StepRunner(QList<std::shared_ptr<Step>> steps)
    : m_steps(std::move(steps))
{
}

StepRunner::Answer StepRunner::askOnError(BuildContext &ctx, const Step &step)
{
    // As the SDK's askStep: the error, which step failed, then the question.
    if (ctx.failed())
        ctx.ui.error(ctx.error());
    ctx.ui.say(QStringLiteral("Step \"%1\" failed").arg(step.name()));
    const QString question = QStringLiteral("[c] Clean up and exit, [a] abort without cleanup, "
                                            "or [r] retry step (build may fail even if retry succeeds)?");
    for (;;) {
        // A cancel while waiting means "clean up": a second Ctrl-C must never skip cleanup.
        // No answer (no terminal) means the default, clean up.
        const QString answer = ctx.ui.ask(question, ctx.cancel).trimmed();
        if (ctx.cancelled() || answer.isEmpty())
            return Answer::Cleanup;
        switch (answer.at(0).toLower().unicode()) {
        case 'c':
            return Answer::Cleanup;
        case 'a':
            return Answer::Abort;
        case 'r':
            return Answer::Retry;
        default: {
            // Go's %#v of the string.
            QString quoted = answer;
            quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
            ctx.ui.say(QStringLiteral("Incorrect input: \"%1\"").arg(quoted));
        }
        }
    }
}

void StepRunner::pauseForDebug(BuildContext &ctx, const Step &step)
{
    ctx.ui.ask(QStringLiteral("Pausing after run of step '%1'. Press enter to continue.").arg(step.name()),
               ctx.cancel);
}

bool StepRunner::run(BuildContext &ctx)
{
    qsizetype entered = 0;
    bool abort = false;
    for (const auto &step : std::as_const(m_steps)) {
        if (ctx.cancelled())
            break;
        ++entered;
        StepAction action = StepAction::Continue;
        for (;;) {
            QElapsedTimer timer;
            timer.start();
            ctx.ui.stepStarted(step->name());
            action = step->run(ctx);
            ctx.ui.stepFinished(step->name(), timer.elapsed());
            if (action == StepAction::Continue || ctx.cancelled())
                break;
            if (!ctx.failed())
                ctx.fail(QStringLiteral("step \"%1\" halted").arg(step->name()));
            if (ctx.options.onError != OnError::Ask)
                break;
            const Answer answer = askOnError(ctx, *step);
            if (answer == Answer::Retry) {
                ctx.clearError();
                continue;
            }
            abort = answer == Answer::Abort;
            break;
        }
        if (action == StepAction::Halt || ctx.cancelled()) {
            const bool keepMachine = ctx.options.onError == OnError::Abort
                || ctx.options.onError == OnError::RunCleanupProvisioner;
            if (keepMachine && !ctx.cancelled())
                abort = true;
            break;
        }
        if (ctx.options.debug)
            pauseForDebug(ctx, *step);
    }

    if (abort) {
        for (qsizetype i = entered - 1; i >= 0; --i)
            if (ctx.options.onError == OnError::RunCleanupProvisioner && m_steps.at(i)->runsCleanupProvisioner())
                m_steps.at(i)->cleanup(ctx);
        ctx.ui.error(QStringLiteral("Aborting without cleanup: the machine and its files are left as they are."));
    } else {
        for (qsizetype i = entered - 1; i >= 0; --i) {
            if (ctx.options.debug && !ctx.cancelled())
                ctx.ui.ask(QStringLiteral("Pausing before cleanup of step '%1'. Press enter to continue.")
                               .arg(m_steps.at(i)->name()),
                           ctx.cancel);
            m_steps.at(i)->cleanup(ctx);
        }
    }
    return entered == m_steps.size() && !ctx.failed() && !ctx.cancelled();
}

} // namespace kiln::build

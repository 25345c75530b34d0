#pragma once

#include "engine/build/Prompter.h"

#include <QObject>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace kiln::models {

// Answers build questions (-on-error=ask, the breakpoint provisioner, -debug pauses) from
// the GUI. ask() runs on a build's worker thread: it announces the question to the GUI
// thread with a queued signal and sleeps on a condition variable until answer() is called
// on the GUI thread, the build's cancel token fires or the prompter is closed. It never
// blocks the GUI thread (no BlockingQueuedConnection), so Stop can always get through.
// Questions of parallel builds are asked one at a time, so every answer reaches the build
// that asked.
class GuiPrompter : public QObject, public build::Prompter
{
    Q_OBJECT
public:
    using Show = std::function<void(const QString &build, const QString &question)>;
    explicit GuiPrompter(Show show = {}, QObject *parent = nullptr);
    ~GuiPrompter() override;

    // Worker thread.
    QString ask(const QString &build, const QString &question,
        const build::CancelTokenPtr &cancel) override;

    // GUI thread. `id` is the one of questionAsked; answers to a withdrawn question are ignored.
    void answer(quint64 id, const QString &text);
    // Every waiting and future ask() returns at once with an empty answer.
    void close();
    bool isWaiting() const;

signals:
    void questionAsked(quint64 id, const QString &build, const QString &question);
    // The build stopped waiting without an answer (cancelled, or the prompter closed).
    void questionWithdrawn(quint64 id);

private:
    Show m_show;
    std::mutex m_serial; // one question at a time across parallel builds
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    quint64 m_current = 0;
    quint64 m_nextId = 0;
    bool m_answered = false;
    bool m_closed = false;
    QString m_answer;
};

} // namespace kiln::models

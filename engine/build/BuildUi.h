#pragma once

#include "engine/build/BuildEvent.h"
#include "engine/build/CancelToken.h"

#include <QString>

#include <memory>

namespace kiln::build {

class Prompter;
class SecretFilter;

// What a component uses to talk to the user: Packer's packersdk.Ui bound to one build.
// Every text goes through the build's SecretFilter before it becomes an event, so no
// consumer (console, machine-readable, log, GUI) ever sees a secret.
//
// Threading: copyable and cheap; safe to use from the build's worker thread and from the
// threads that pump a command's output.
class BuildUi
{
public:
    BuildUi() = default;
    BuildUi(QString build, EventSink *sink, std::shared_ptr<const SecretFilter> secrets,
            Prompter *prompter = nullptr);

    // The same build, speaking as post-processor `type` ("NAME (type): ...").
    BuildUi forComponent(const QString &type) const;

    void say(const QString &text) const;
    void message(const QString &text) const;
    void error(const QString &text) const;
    // Lines of a command's output joined with "\n", each said as message() / error() would
    // say it, in one event.
    void messageLines(const QString &lines) const;
    void errorLines(const QString &lines) const;
    void progress(const QString &what, qint64 bytes, qint64 total) const;
    void stepStarted(const QString &step) const;
    void stepFinished(const QString &step, qint64 durationMs) const;
    // Any other event (artifact, build finished); build and component are filled in.
    void post(BuildEvent event) const;

    // Asks the user (see Prompter). Without a prompter (non-interactive runs) returns the
    // empty string at once.
    QString ask(const QString &question, const CancelTokenPtr &cancel) const;

    QString scrub(const QString &text) const;
    const QString &build() const { return m_build; }
    const QString &component() const { return m_component; }
    EventSink *sink() const { return m_sink; }
    Prompter *prompter() const { return m_prompter; }
    std::shared_ptr<const SecretFilter> secrets() const { return m_secrets; }

private:
    BuildEvent event(BuildEvent::Kind kind, const QString &text) const;

    QString m_build;
    QString m_component;
    EventSink *m_sink = nullptr;
    std::shared_ptr<const SecretFilter> m_secrets;
    Prompter *m_prompter = nullptr;
};

} // namespace kiln::build

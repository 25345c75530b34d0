#include "engine/build/BuildUi.h"

#include "engine/build/Prompter.h"
#include "engine/build/SecretFilter.h"

namespace kiln::build {

BuildUi::BuildUi(QString build, EventSink *sink, std::shared_ptr<const SecretFilter> secrets, Prompter *prompter)
    : m_build(std::move(build))
    , m_sink(sink)
    , m_secrets(std::move(secrets))
    , m_prompter(prompter)
{
}

BuildUi BuildUi::forComponent(const QString &type) const
{
    BuildUi ui = *this;
    ui.m_component = type;
    return ui;
}

QString BuildUi::scrub(const QString &text) const
{
    return m_secrets ? m_secrets->scrub(text) : text;
}

BuildEvent BuildUi::event(BuildEvent::Kind kind, const QString &text) const
{
    BuildEvent e;
    e.kind = kind;
    e.build = m_build;
    e.component = m_component;
    e.text = text; // post() scrubs
    e.time = QDateTime::currentDateTimeUtc();
    return e;
}

void BuildUi::say(const QString &text) const
{
    post(event(BuildEvent::Kind::Say, text));
}

void BuildUi::message(const QString &text) const
{
    post(event(BuildEvent::Kind::Message, text));
}

void BuildUi::error(const QString &text) const
{
    post(event(BuildEvent::Kind::Error, text));
}

void BuildUi::messageLines(const QString &lines) const
{
    BuildEvent e = event(BuildEvent::Kind::Message, lines);
    e.batchedLines = lines.contains(QLatin1Char('\n'));
    post(e);
}

void BuildUi::errorLines(const QString &lines) const
{
    BuildEvent e = event(BuildEvent::Kind::Error, lines);
    e.batchedLines = lines.contains(QLatin1Char('\n'));
    post(e);
}

void BuildUi::progress(const QString &what, qint64 bytes, qint64 total) const
{
    BuildEvent e = event(BuildEvent::Kind::Progress, what);
    e.bytes = bytes;
    e.total = total;
    post(e);
}

void BuildUi::stepStarted(const QString &step) const
{
    post(event(BuildEvent::Kind::StepStarted, step));
}

void BuildUi::stepFinished(const QString &step, qint64 durationMs) const
{
    BuildEvent e = event(BuildEvent::Kind::StepFinished, step);
    e.durationMs = durationMs;
    post(e);
}

void BuildUi::post(BuildEvent e) const
{
    if (!m_sink)
        return;
    if (e.build.isEmpty())
        e.build = m_build;
    if (e.component.isEmpty())
        e.component = m_component;
    if (!e.time.isValid())
        e.time = QDateTime::currentDateTimeUtc();
    e.text = scrub(e.text);
    e.error = scrub(e.error);
    m_sink->post(e);
}

QString BuildUi::ask(const QString &question, const CancelTokenPtr &cancel) const
{
    if (!m_prompter)
        return {};
    return m_prompter->ask(m_build, scrub(question), cancel);
}

} // namespace kiln::build

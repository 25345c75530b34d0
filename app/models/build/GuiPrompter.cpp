#include "app/models/build/GuiPrompter.h"

namespace kiln::models {

GuiPrompter::GuiPrompter(Show show, QObject *parent)
    : QObject(parent)
    , m_show(std::move(show))
{ }

GuiPrompter::~GuiPrompter()
{
    close();
}

QString GuiPrompter::ask(
    const QString &build, const QString &question, const build::CancelTokenPtr &cancel)
{
    std::unique_lock serial(m_serial);
    quint64 id = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return {};
        id = ++m_nextId;
        m_current = id;
        m_answered = false;
        m_answer.clear();
    }
    // As the terminal prompter does, the question also goes to the build's console.
    if (m_show)
        m_show(build, question);
    QMetaObject::invokeMethod(
        this, [this, id, build, question] { emit questionAsked(id, build, question); },
        Qt::QueuedConnection);

    // The cancel callback takes our lock before notifying, so a cancel between the check
    // and the wait cannot be missed.
    build::CancelScope wakeOnCancel(cancel, [this] {
        std::lock_guard lock(m_mutex);
        m_wake.notify_all();
    });
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [&] { return m_answered || m_closed || (cancel && cancel->isCancelled()); });
    const bool answered = m_answered && !(cancel && cancel->isCancelled());
    const QString text = answered ? m_answer : QString();
    m_current = 0;
    lock.unlock();
    if (!answered)
        QMetaObject::invokeMethod(
            this, [this, id] { emit questionWithdrawn(id); }, Qt::QueuedConnection);
    return text;
}

void GuiPrompter::answer(quint64 id, const QString &text)
{
    std::lock_guard lock(m_mutex);
    if (id == 0 || id != m_current || m_answered)
        return;
    m_answer = text;
    m_answered = true;
    m_wake.notify_all();
}

void GuiPrompter::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_wake.notify_all();
}

bool GuiPrompter::isWaiting() const
{
    std::lock_guard lock(m_mutex);
    return m_current != 0 && !m_answered;
}

} // namespace kiln::models

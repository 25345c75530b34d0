#include "app/models/build/SummaryCollector.h"

#include "app/models/build/EventQueue.h"

namespace kiln::models {

void SummaryCollector::say(const QString &text)
{
    QMutexLocker lock(&m_mutex);
    m_lines += EventQueue::plainLines(ConsoleLine::Kind::Summary, text);
}

void SummaryCollector::error(const QString &text)
{
    QMutexLocker lock(&m_mutex);
    m_lines += EventQueue::plainLines(ConsoleLine::Kind::SummaryError, text);
}

void SummaryCollector::machine(const QString &, const QString &, const QStringList &)
{
    // The human console shows no machine-readable data, as the CLI's.
}

QList<ConsoleLine> SummaryCollector::take()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_lines, {});
}

} // namespace kiln::models

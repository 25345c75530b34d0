#include "components/shared/ShellOutputLines.h"

namespace kiln::components {

ShellOutputLines::ShellOutputLines(std::function<void(const QString &)> onLine)
    : m_onLine(std::move(onLine))
{ }

void ShellOutputLines::feed(const QByteArray &chunk)
{
    m_pending += chunk;
    qsizetype start = 0;
    for (qsizetype nl = m_pending.indexOf('\n'); nl >= 0; nl = m_pending.indexOf('\n', start)) {
        m_onLine(cleanLine(m_pending.mid(start, nl - start)));
        start = nl + 1;
    }
    m_pending.remove(0, start);
}

void ShellOutputLines::finish()
{
    if (!m_pending.isEmpty())
        m_onLine(cleanLine(m_pending));
    m_pending.clear();
}

QString ShellOutputLines::cleanLine(const QByteArray &line)
{
    QString text = QString::fromUtf8(line);
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1).isSpace())
        --end;
    text.truncate(end);
    const qsizetype cr = text.lastIndexOf(QLatin1Char('\r'));
    if (cr >= 0)
        text.remove(0, cr + 1);
    return text;
}

} // namespace kiln::components

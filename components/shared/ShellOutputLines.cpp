#include "components/shared/ShellOutputLines.h"

namespace kiln::components {

ShellOutputLines::ShellOutputLines(std::function<void(const QStringList &)> onLines)
    : m_onLines(std::move(onLines))
{ }

void ShellOutputLines::feed(const QByteArray &chunk)
{
    m_pending += chunk;
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype nl = m_pending.indexOf('\n'); nl >= 0; nl = m_pending.indexOf('\n', start)) {
        lines << cleanLine(QByteArrayView(m_pending).sliced(start, nl - start));
        start = nl + 1;
    }
    m_pending.remove(0, start);
    if (!lines.isEmpty())
        m_onLines(lines);
}

void ShellOutputLines::finish()
{
    if (!m_pending.isEmpty())
        m_onLines({cleanLine(m_pending)});
    m_pending.clear();
}

QString ShellOutputLines::cleanLine(QByteArrayView line)
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

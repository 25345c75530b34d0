#include "app/models/build/ConsoleBuffer.h"

#include <QCoreApplication>

namespace kiln::models {

ConsoleBuffer::ConsoleBuffer(qsizetype headLimit, qsizetype tailLimit, qsizetype maxLineLength)
    : m_headLimit(std::max<qsizetype>(headLimit, 0))
    , m_tailLimit(std::max<qsizetype>(tailLimit, 1))
    , m_maxLineLength(std::max<qsizetype>(maxLineLength, 16))
{ }

void ConsoleBuffer::append(ConsoleLine line)
{
    ++m_total;
    if (line.isError())
        ++m_errors;
    if (line.text.size() > m_maxLineLength) {
        const qsizetype cut = line.text.size() - m_maxLineLength;
        line.text.truncate(m_maxLineLength);
        line.text
            += QCoreApplication::translate("kiln::models::ConsoleBuffer", " [… %1 more characters]")
                   .arg(cut);
    }
    if (m_head.size() < m_headLimit) {
        m_head.append(std::move(line));
        return;
    }
    m_tail.push_back(std::move(line));
    if (qsizetype(m_tail.size()) > m_tailLimit) {
        m_tail.pop_front();
        ++m_elided;
    }
}

void ConsoleBuffer::append(const QList<ConsoleLine> &lines)
{
    for (const ConsoleLine &l : lines)
        append(l);
}

void ConsoleBuffer::clear()
{
    m_head.clear();
    m_tail.clear();
    m_elided = 0;
    m_total = 0;
    m_errors = 0;
}

const ConsoleLine &ConsoleBuffer::at(qsizetype index) const
{
    if (index < m_head.size())
        return m_head.at(index);
    return m_tail.at(size_t(index - m_head.size()));
}

QString ConsoleBuffer::elisionNotice(qint64 lines)
{
    return QCoreApplication::translate(
        "kiln::models::ConsoleBuffer", "[… %1 lines elided to bound memory …]")
        .arg(lines);
}

QString ConsoleBuffer::text(bool withPrefix) const
{
    QString out;
    auto add = [&](const ConsoleLine &l) {
        out += withPrefix ? l.cliText() : l.paneText();
        out += QLatin1Char('\n');
    };
    for (const ConsoleLine &l : m_head)
        add(l);
    if (m_elided > 0)
        out += elisionNotice(m_elided) + QLatin1Char('\n');
    for (const ConsoleLine &l : m_tail)
        add(l);
    return out;
}

} // namespace kiln::models

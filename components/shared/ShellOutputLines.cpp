#include "components/shared/ShellOutputLines.h"

namespace kiln::components {

namespace {

// A line's text after cleaning, as a view into the line.
QStringView cleaned(QStringView line, bool mayHaveCarriageReturn)
{
    qsizetype end = line.size();
    while (end > 0 && line.at(end - 1).isSpace())
        --end;
    line = line.first(end);
    if (mayHaveCarriageReturn) {
        const qsizetype cr = line.lastIndexOf(QLatin1Char('\r'));
        if (cr >= 0)
            line = line.sliced(cr + 1);
    }
    return line;
}

} // namespace

ShellOutputLines::ShellOutputLines(std::function<void(const QString &)> onLines)
    : m_onLines(std::move(onLines))
{ }

void ShellOutputLines::feed(const QByteArray &chunk)
{
    const qsizetype before = m_pending.size();
    m_pending += chunk;
    const qsizetype lastNewline = QByteArrayView(m_pending).sliced(before).lastIndexOf('\n');
    if (lastNewline < 0)
        return;
    // "\n" is a character boundary in UTF-8, so the complete lines decode as one block.
    const qsizetype end = before + lastNewline;
    const QString block = QString::fromUtf8(QByteArrayView(m_pending).first(end));
    m_pending.remove(0, end + 1);
    m_onLines(cleanLines(block));
}

void ShellOutputLines::finish()
{
    if (!m_pending.isEmpty())
        m_onLines(cleanLine(m_pending));
    m_pending.clear();
}

QString ShellOutputLines::cleanLine(QByteArrayView line)
{
    return cleaned(QString::fromUtf8(line), true).toString();
}

QString ShellOutputLines::cleanLines(const QString &lines)
{
    const bool carriageReturns = lines.contains(QLatin1Char('\r'));
    const QStringView all(lines);
    QString out;
    bool changed = false;
    qsizetype start = 0;
    for (;;) {
        qsizetype nl = lines.indexOf(QLatin1Char('\n'), start);
        const bool last = nl < 0;
        if (last)
            nl = lines.size();
        const QStringView line = all.sliced(start, nl - start);
        const QStringView keep = cleaned(line, carriageReturns);
        if (!changed && keep.size() != line.size()) {
            out.reserve(lines.size());
            out = all.first(start).toString();
            changed = true;
        }
        if (changed) {
            out += keep;
            if (!last)
                out += QLatin1Char('\n');
        }
        if (last)
            break;
        start = nl + 1;
    }
    return changed ? out : lines;
}

} // namespace kiln::components

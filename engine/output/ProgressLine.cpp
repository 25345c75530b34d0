#include "engine/output/ProgressLine.h"

namespace kiln::output {

namespace {
constexpr qint64 RedrawIntervalMs = 200;
}

bool ProgressLine::update(const QString &prefix, const QString &what, qint64 bytes, qint64 total)
{
    const bool other = prefix != m_prefix || what != m_what;
    const int percent = total > 0 ? int(qMin<qint64>(100, bytes * 100 / total)) : -1;
    const bool changed = other || percent != m_percent;
    m_prefix = prefix;
    m_what = what;
    m_bytes = bytes;
    m_total = total;
    m_percent = percent;
    const bool due = !m_sinceDraw.isValid() || m_sinceDraw.elapsed() >= RedrawIntervalMs;
    // An unknown total has no percentage to change, so it redraws on time only.
    if (changed || due || finished()) {
        m_sinceDraw.start();
        return true;
    }
    return false;
}

QString ProgressLine::text() const
{
    QString line = m_prefix + m_what + QStringLiteral("  ") + size(m_bytes);
    if (m_total >= 0)
        line += QStringLiteral(" / ") + size(m_total) + QStringLiteral("  ")
            + QString::number(m_percent) + QLatin1Char('%');
    return line;
}

void ProgressLine::clear()
{
    m_prefix.clear();
    m_what.clear();
    m_bytes = 0;
    m_total = -1;
    m_percent = -1;
    m_visible = false;
    m_sinceDraw.invalidate();
}

QString ProgressLine::size(qint64 bytes)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    if (bytes < 1024)
        return QString::number(bytes) + QStringLiteral(" B");
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    return QString::number(value, 'f', 1) + QLatin1Char(' ') + QLatin1String(units[unit]);
}

} // namespace kiln::output

#include "engine/build/GoDurationText.h"

namespace kiln::build {

QString goDurationText(qint64 ms)
{
    if (ms == 0)
        return QStringLiteral("0s");
    const bool negative = ms < 0;
    quint64 u = negative ? quint64(-ms) : quint64(ms);
    QString out;
    if (u < 1000) {
        out = QString::number(u) + QStringLiteral("ms");
    } else {
        const quint64 hours = u / 3600000;
        u %= 3600000;
        const quint64 minutes = u / 60000;
        u %= 60000;
        QString seconds = QString::number(u / 1000);
        if (const quint64 frac = u % 1000) {
            QString f = QStringLiteral("%1").arg(frac, 3, 10, QLatin1Char('0'));
            while (f.endsWith(QLatin1Char('0')))
                f.chop(1);
            seconds += QLatin1Char('.') + f;
        }
        if (hours)
            out = QString::number(hours) + QStringLiteral("h") + QString::number(minutes) + QStringLiteral("m");
        else if (minutes)
            out = QString::number(minutes) + QStringLiteral("m");
        out += seconds + QStringLiteral("s");
    }
    return negative ? QLatin1Char('-') + out : out;
}

} // namespace kiln::build

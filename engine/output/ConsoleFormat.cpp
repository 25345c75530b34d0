#include "engine/output/ConsoleFormat.h"

#include <QStringList>

namespace kiln::output {

ConsoleFormat::Color ConsoleFormat::buildColor(int index)
{
    static constexpr Color cycle[]
        = {Color::Green, Color::Cyan, Color::Magenta, Color::Yellow, Color::Blue};
    constexpr int n = int(sizeof(cycle) / sizeof(cycle[0]));
    return cycle[((index % n) + n) % n];
}

QString ConsoleFormat::trimRight(const QString &text)
{
    qsizetype end = text.size();
    // QChar::isSpace is Unicode White_Space for the BMP, which is what Go's unicode.IsSpace
    // tests (all White_Space characters are in the BMP).
    while (end > 0 && text.at(end - 1).isSpace())
        --end;
    return text.left(end);
}

QString ConsoleFormat::prefixLines(bool arrow, const QString &target, const QString &message)
{
    const QString head
        = (arrow ? QStringLiteral("==> ") : QStringLiteral("    ")) + target + QStringLiteral(": ");
    QString result;
    result.reserve(message.size() + head.size() + 1);
    const QStringList lines = message.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        result += head;
        result += line;
        result += QLatin1Char('\n');
    }
    return trimRight(result);
}

QString ConsoleFormat::colorize(const QString &message, Color color, bool bold)
{
    return QStringLiteral("\033[%1;%2m").arg(bold ? 1 : 0).arg(int(color)) + message
        + QStringLiteral("\033[0m");
}

QString ConsoleFormat::rfc3339(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    QString text = local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    const int offset = local.offsetFromUtc();
    if (offset == 0)
        return text + QLatin1Char('Z');
    const int minutes = qAbs(offset) / 60;
    text += offset < 0 ? QLatin1Char('-') : QLatin1Char('+');
    text += QStringLiteral("%1:%2")
                .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return text;
}

QString ConsoleFormat::timestamped(const QDateTime &time, const QString &message)
{
    return rfc3339(time) + QStringLiteral(": ") + message;
}

QString ConsoleFormat::logPrefix(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm:ss "));
}

QString ConsoleFormat::target(const QString &build, const QString &component)
{
    if (component.isEmpty())
        return build;
    return build + QStringLiteral(" (") + component + QLatin1Char(')');
}

} // namespace kiln::output

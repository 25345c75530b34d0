#include "app/ui/build/ConsoleLocation.h"

#include <QRegularExpression>

namespace kiln::ui {

namespace {
const QString Scheme = QStringLiteral("kiln-location:");
} // namespace

ConsoleLocation ConsoleLocation::find(const QString &text)
{
    // Cheap rejection first: most build output names no template file.
    if (!text.contains(QLatin1String(".hcl")) && !text.contains(QLatin1String(".json")))
        return {};
    static const QRegularExpression hclOn(QStringLiteral(R"(\bon (\S+\.(?:hcl|json)) line (\d+))"));
    static const QRegularExpression colon(QStringLiteral(
        R"((?:^|[\s"'(])((?:[^\s"'(:]*/)?[^\s"'(:/]+\.(?:hcl|json)):(\d+)(?:[,:](\d+))?)"));
    ConsoleLocation loc;
    QRegularExpressionMatch m = hclOn.match(text);
    if (m.hasMatch()) {
        loc.file = m.captured(1);
        loc.line = m.captured(2).toInt();
        loc.column = 1;
        return loc;
    }
    m = colon.match(text);
    if (m.hasMatch()) {
        loc.file = m.captured(1);
        loc.line = m.captured(2).toInt();
        loc.column = m.captured(3).isEmpty() ? 1 : m.captured(3).toInt();
    }
    return loc;
}

QString ConsoleLocation::toHref() const
{
    return Scheme + QString::number(line) + QLatin1Char(':') + QString::number(column)
        + QLatin1Char(':') + file;
}

ConsoleLocation ConsoleLocation::fromHref(const QString &href)
{
    if (!href.startsWith(Scheme))
        return {};
    const QString rest = href.mid(Scheme.size());
    const qsizetype a = rest.indexOf(QLatin1Char(':'));
    const qsizetype b = a < 0 ? -1 : rest.indexOf(QLatin1Char(':'), a + 1);
    if (b < 0)
        return {};
    ConsoleLocation loc;
    loc.line = rest.left(a).toInt();
    loc.column = rest.mid(a + 1, b - a - 1).toInt();
    loc.file = rest.mid(b + 1);
    return loc;
}

} // namespace kiln::ui

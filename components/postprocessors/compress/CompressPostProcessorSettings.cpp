#include "components/postprocessors/compress/CompressPostProcessorSettings.h"

#include "engine/template/legacy/Interpolator.h"

#include <QHash>
#include <QRegularExpression>

namespace kiln::components {

using tmpl::legacy::Interpolator;

namespace {

const QString kInvalidLevel
    = QStringLiteral("Invalid compression level. Expected an integer from -1 to 9.");

} // namespace

CompressPostProcessorSettings::Detected CompressPostProcessorSettings::detect(
    const QString &output, const QString &format)
{
    static const QRegularExpression pattern(QStringLiteral("(?:\\.([a-z0-9]+))"));
    static const QHash<QString, QString> extensions = {
        {QStringLiteral("tar"), QStringLiteral("tar")},
        {QStringLiteral("zip"), QStringLiteral("zip")},
        {QStringLiteral("gz"), QStringLiteral("pgzip")},
        {QStringLiteral("lz4"), QStringLiteral("lz4")},
        {QStringLiteral("bgzf"), QStringLiteral("bgzf")},
        {QStringLiteral("xz"), QStringLiteral("xz")},
        {QStringLiteral("bzip2"), QStringLiteral("bzip2")},
        {QStringLiteral("zst"), QStringLiteral("zstd")},
        {QStringLiteral("zstd"), QStringLiteral("zstd")},
    };
    const QString subject = format.isEmpty() ? output : output + QLatin1Char('.') + format;
    QStringList items;
    for (auto it = pattern.globalMatch(subject); it.hasNext();)
        items << it.next().captured(1);

    Detected d;
    if (items.isEmpty())
        return {QStringLiteral("tar"), QStringLiteral("pgzip")};
    const QString last = items.last();
    const QString nextToLast = items.size() > 1 ? items[items.size() - 2] : QString();
    if (nextToLast == QLatin1String("tar"))
        d.archive = QStringLiteral("tar");
    if (last == QLatin1String("zip") || last == QLatin1String("tar")) {
        d.archive = last;
        return d;
    }
    const auto algorithm = extensions.constFind(last);
    if (algorithm != extensions.constEnd()) {
        d.algorithm = *algorithm;
        return d;
    }
    return {QStringLiteral("tar"), QStringLiteral("pgzip")};
}

build::PrepareResult CompressPostProcessorSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    interpolation = config.interpolation;
    output = config.string(QStringLiteral("output"));
    if (output.isEmpty())
        output = QString::fromLatin1(DefaultOutput);
    // Unset, 0 and -1 all mean the format's default; above 9 is capped as Packer does.
    const qint64 requested = config.integer(QStringLiteral("compression_level"), 0);
    if (requested < -1)
        result.errors << kInvalidLevel;
    level = requested == 0 ? -1 : int(qBound(qint64(-1), requested, qint64(9)));
    if (const auto error = Interpolator::validate(output, interpolation))
        result.errors << QStringLiteral("Error parsing target template: %1").arg(error->message);
    detected = detect(output, config.string(QStringLiteral("format")));
    return result;
}

} // namespace kiln::components

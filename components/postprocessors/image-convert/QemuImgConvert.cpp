#include "components/postprocessors/image-convert/QemuImgConvert.h"

#include "components/shared/qemu/QemuImg.h"
#include "engine/communicator/ProcessGroup.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace kiln::components {

QList<double> QemuImgConvert::parseProgress(const QByteArray &chunk, QByteArray *pending)
{
    static const QRegularExpression pattern(
        QStringLiteral("\\(\\s*([0-9]+(?:\\.[0-9]+)?)/100%\\)"));
    QList<double> out;
    QByteArray text = *pending + chunk;
    // qemu-img ends each update with \r (and the last with \n); keep what follows the last
    // separator for the next chunk, as it may be a cut-off figure.
    const qsizetype end = qMax(text.lastIndexOf('\r'), text.lastIndexOf('\n'));
    *pending = text.mid(end + 1);
    text.truncate(end + 1);
    for (auto it = pattern.globalMatch(QString::fromLatin1(text)); it.hasNext();)
        out << it.next().captured(1).toDouble();
    return out;
}

QString QemuImgConvert::run(
    const Job &job, const build::CancelTokenPtr &cancel, const Progress &progress)
{
    comm::ProcessGroup::Options options;
    options.argv = {QStringLiteral("qemu-img"), QStringLiteral("convert"), QStringLiteral("-p"),
        QStringLiteral("-f"), job.sourceFormat, QStringLiteral("-O"), job.targetFormat};
    if (job.compress)
        options.argv << QStringLiteral("-c");
    if (!job.options.isEmpty())
        options.argv << QStringLiteral("-o") << job.options.join(QLatin1Char(','));
    options.argv << job.source << job.target;
    // qemu-img stops at once on SIGTERM; there is nothing for it to finish gracefully.
    options.killGraceMs = 1000;
    QByteArray pending, err;
    options.onStdout = [&](const QByteArray &chunk) {
        for (double percent : parseProgress(chunk, &pending))
            if (progress)
                progress(percent);
    };
    options.onStderr = [&err](const QByteArray &chunk) { err += chunk; };
    const comm::CommandResult r = comm::ProcessGroup::run(options, cancel);
    if (cancel && cancel->isCancelled())
        return cancel->reason();
    if (!r.error.isEmpty())
        return r.error;
    if (r.exitStatus != 0)
        return QStringLiteral("QemuImg error: %1").arg(QString::fromUtf8(err).trimmed());
    return {};
}

QemuImgConvert::Info QemuImgConvert::info(const QString &path, const build::CancelTokenPtr &cancel)
{
    Info result;
    QByteArray out;
    result.error = QemuImg::run(
        {QStringLiteral("info"), QStringLiteral("--output=json"), path}, cancel, &out);
    if (!result.error.isEmpty())
        return result;
    const QJsonObject json = QJsonDocument::fromJson(out).object();
    result.format = json.value(QStringLiteral("format")).toString();
    result.virtualSize = json.value(QStringLiteral("virtual-size")).toInteger();
    if (result.format.isEmpty())
        result.error
            = QStringLiteral("QemuImg error: no format in the information about %1").arg(path);
    return result;
}

} // namespace kiln::components

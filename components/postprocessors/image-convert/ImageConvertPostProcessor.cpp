#include "components/postprocessors/image-convert/ImageConvertPostProcessor.h"

#include "components/postprocessors/image-convert/ImageConvertArtifact.h"
#include "components/postprocessors/image-convert/OvaPackage.h"
#include "components/postprocessors/image-convert/QemuImgConvert.h"
#include "engine/build/BuildContext.h"
#include "engine/template/legacy/Interpolator.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace kiln::components {

using namespace kiln::build;
using tmpl::legacy::Interpolator;

namespace {

QSet<QString> entriesOf(const QString &dir)
{
    const QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    return QSet<QString>(names.begin(), names.end());
}

// Removes the output directory unless the run got to the end: a failed or cancelled
// conversion leaves no partial images behind.
class OutputDirGuard
{
public:
    explicit OutputDirGuard(QString dir)
        : m_dir(std::move(dir))
    { }
    ~OutputDirGuard()
    {
        if (!m_committed)
            QDir(m_dir).removeRecursively();
    }
    void commit() { m_committed = true; }

private:
    QString m_dir;
    bool m_committed = false;
};

} // namespace

PrepareResult ImageConvertPostProcessor::prepare(const ComponentConfig &config)
{
    return m_settings.read(config);
}

QString ImageConvertPostProcessor::selectDisk(const Artifact &input, QString *error)
{
    const QStringList files = input.files();
    const QString diskName = input.state(QStringLiteral("diskName")).toString();
    if (!diskName.isEmpty()) {
        for (const QString &f : files)
            if (QFileInfo(f).fileName() == diskName)
                return f;
    }
    if (files.size() == 1)
        return files.first();
    QStringList images;
    for (const QString &f : files) {
        const QString suffix = QFileInfo(f).suffix().toLower();
        if (suffix == QLatin1String("qcow2") || suffix == QLatin1String("raw")
            || suffix == QLatin1String("img"))
            images << f;
    }
    if (images.size() == 1)
        return images.first();
    *error = QStringLiteral(
        "image-convert needs one disk image in the artifact, found %1 candidates among "
        "its %2 files: [%3]")
                 .arg(images.size())
                 .arg(files.size())
                 .arg(files.join(QLatin1Char(' ')));
    return {};
}

PostProcessResult ImageConvertPostProcessor::postProcess(
    BuildContext &ctx, const ArtifactPtr &input)
{
    PostProcessResult out;
    if (!input) {
        out.error = QStringLiteral("image-convert needs an input artifact");
        return out;
    }
    const QString disk = selectDisk(*input, &out.error);
    if (disk.isEmpty())
        return out;

    QVariantMap data = input->state(QStringLiteral("generated_data")).toMap();
    data.insert(QStringLiteral("BuildName"),
        ctx.sourceName.isEmpty() ? m_settings.interpolation.buildName : ctx.sourceName);
    data.insert(QStringLiteral("BuilderType"),
        ctx.builderType.isEmpty() ? m_settings.interpolation.buildType : ctx.builderType);
    tmpl::legacy::InterpolateContext interpolation = m_settings.interpolation;
    interpolation.data = data;
    const Interpolator::Result rendered
        = Interpolator::render(m_settings.outputDirectory, interpolation);
    if (!rendered.ok()) {
        out.error = QStringLiteral("Error interpolating output_directory: %1")
                        .arg(rendered.error->message);
        return out;
    }
    // As written (relative to the working directory), like Packer's output paths.
    const QString dir = QDir::cleanPath(rendered.value);

    const BuildUi ui = ctx.ui.forComponent(QStringLiteral("image-convert"));
    if (QFileInfo::exists(dir)) {
        if (!ctx.options.force) {
            out.error = QStringLiteral("Output directory '%1' already exists. It must not exist.")
                            .arg(dir);
            return out;
        }
        ui.say(QStringLiteral("Deleting previous output directory..."));
        QDir(dir).removeRecursively();
    }
    if (!QDir().mkpath(dir)) {
        out.error = QStringLiteral("Error creating output directory %1").arg(dir);
        return out;
    }
    OutputDirGuard guard(dir);
    QStringList files;
    out.error = convertAll(ctx, disk, dir, &files);
    if (!out.error.isEmpty())
        return out;
    guard.commit();
    files.sort();
    const QVariantMap state{
        {QStringLiteral("generated_data"), input->state(QStringLiteral("generated_data"))},
        {QStringLiteral("formats"), m_settings.formats}};
    out.artifact = std::make_shared<ImageConvertArtifact>(dir, files,
        QStringLiteral("Converted disk images (%1) in: %2")
            .arg(m_settings.formats.join(QStringLiteral(", ")), dir),
        state);
    return out;
}

QString ImageConvertPostProcessor::convertAll(
    BuildContext &ctx, const QString &disk, const QString &dir, QStringList *files)
{
    const BuildUi ui = ctx.ui.forComponent(QStringLiteral("image-convert"));
    const QemuImgConvert::Info info = QemuImgConvert::info(disk, ctx.cancel);
    if (!info.error.isEmpty())
        return ctx.cancelled() ? ctx.cancel->reason() : info.error;
    if (info.format != QLatin1String("qcow2") && info.format != QLatin1String("raw"))
        return QStringLiteral("image-convert converts qcow2 and raw images; %1 is %2")
            .arg(disk, info.format);

    const QString name
        = m_settings.vmName.isEmpty() ? QFileInfo(disk).completeBaseName() : m_settings.vmName;
    const QString source = QFileInfo(disk).absoluteFilePath();
    for (const QString &format : m_settings.formats) {
        const QString target = QDir(dir).filePath(name + QLatin1Char('.') + format);
        if (QFileInfo(target).absoluteFilePath() == source)
            return QStringLiteral("image-convert would overwrite its input %1").arg(source);
        ui.say(
            QStringLiteral("Converting %1 (%2) to %3: %4").arg(disk, info.format, format, target));
        const QSet<QString> before = entriesOf(dir);
        QemuImgConvert::Job job{source, info.format, target, format,
            m_settings.qemuImgOptions(format),
            format == QLatin1String("qcow2") && m_settings.qcow2Compression};
        int reported = -1;
        const QString error = QemuImgConvert::run(job, ctx.cancel, [&](double percent) {
            // Whole percents only: qemu-img reports far more often than anyone can read.
            if (int(percent) == reported)
                return;
            reported = int(percent);
            ui.progress(
                target, qint64(percent * double(info.virtualSize) / 100.0), info.virtualSize);
        });
        if (!error.isEmpty())
            return error;
        // Split and flat vmdk subformats write several files: list whatever appeared.
        for (const QString &entry : entriesOf(dir) - before)
            *files << QDir(dir).filePath(entry);
    }

    if (m_settings.writesOva()) {
        OvfDescriptor ovf;
        ovf.name = m_settings.ovfName.isEmpty() ? name : m_settings.ovfName;
        ovf.capacity = info.virtualSize;
        ovf.cpus = m_settings.ovfCpus;
        ovf.memoryMb = m_settings.ovfMemoryMb;
        ovf.adapterType = m_settings.vmdkAdapterType;
        OvaPackage ova(ovf, QDir(dir).filePath(name + QStringLiteral(".vmdk")), name);
        if (QString error = ova.write(ui, ctx.cancel, files); !error.isEmpty())
            return error;
    }
    return {};
}

} // namespace kiln::components

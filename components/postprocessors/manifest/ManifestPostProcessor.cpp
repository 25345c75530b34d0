#include "components/postprocessors/manifest/ManifestPostProcessor.h"

#include "components/postprocessors/manifest/ManifestFile.h"
#include "engine/build/BuildContext.h"
#include "engine/template/legacy/Interpolator.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMutex>
#include <QSaveFile>

namespace kiln::components {

using namespace kiln::build;
using tmpl::legacy::Interpolator;

namespace {

// Serialises Kiln's own concurrent builds; QLockFile alone is meant for other processes.
QMutex &manifestMutex()
{
    static QMutex mutex;
    return mutex;
}

// A lock held longer than this is left over from a crashed writer (Packer's own lock file
// is empty and would otherwise never count as stale): a manifest update takes milliseconds.
constexpr int kStaleLockMs = 10000;
constexpr int kLockWaitMs = 15000;

} // namespace

PrepareResult ManifestPostProcessor::prepare(const ComponentConfig &config)
{
    return m_settings.read(config);
}

PostProcessResult ManifestPostProcessor::postProcess(BuildContext &ctx, const ArtifactPtr &input)
{
    // The manifest never deletes what it records: keep, whatever the template says.
    PostProcessResult out;
    out.artifact = input;
    out.keep = true;
    out.forceOverride = true;

    // custom_data is a template over the artifact's generated data (build `ID` etc.).
    tmpl::legacy::InterpolateContext interpolation = m_settings.interpolation;
    interpolation.data
        = input ? input->state(QStringLiteral("generated_data")).toMap() : QVariantMap();
    QMap<QString, QString> customData;
    for (auto it = m_settings.customData.cbegin(); it != m_settings.customData.cend(); ++it) {
        const Interpolator::Result rendered = Interpolator::render(it.value(), interpolation);
        if (!rendered.ok()) {
            out.artifact.reset();
            out.keep = false;
            out.error = QStringLiteral("Error interpolating custom data: %1")
                            .arg(rendered.error->message);
            return out;
        }
        customData.insert(it.key(), rendered.value);
    }
    out.error = appendEntry(ctx, input, m_settings.hasCustomData ? &customData : nullptr);
    return out;
}

QString ManifestPostProcessor::appendEntry(
    const BuildContext &ctx, const ArtifactPtr &input, const QMap<QString, QString> *customData)
{
    ManifestFile::Build entry;
    entry.name = ctx.sourceName;
    entry.builderType = ctx.builderType;
    entry.buildTime = m_settings.stripTime ? 0 : QDateTime::currentSecsSinceEpoch();
    const QStringList files = input ? input->files() : QStringList();
    if (!files.isEmpty()) {
        entry.files.emplace();
        for (const QString &name : files) {
            const QFileInfo info(name);
            // A file that cannot be stat'ed is listed with size 0, as Packer does.
            entry.files->append(
                {m_settings.stripPath ? info.fileName() : name, info.exists() ? info.size() : 0});
        }
    }
    entry.artifactId = input ? input->id() : QString();
    entry.packerRunUuid = ctx.packerRunUuid;
    if (customData)
        entry.customData = *customData;

    QMutexLocker processLock(&manifestMutex());
    QLockFile fileLock(m_settings.output + QStringLiteral(".lock"));
    fileLock.setStaleLockTime(kStaleLockMs);
    if (!fileLock.tryLock(kLockWaitMs))
        return QStringLiteral(
            "Unable to lock %1 for reading and writing: %2.lock is held by another process")
            .arg(m_settings.output, m_settings.output);

    ManifestFile manifest;
    QFile current(m_settings.output);
    if (current.exists()) {
        if (!current.open(QIODevice::ReadOnly))
            return QStringLiteral("Unable to open %1 for reading: %2")
                .arg(m_settings.output, current.errorString());
        const QByteArray contents = current.readAll();
        current.close();
        if (!contents.isEmpty()) {
            QString error;
            std::optional<ManifestFile> parsed = ManifestFile::parse(contents, &error);
            if (!parsed)
                return QStringLiteral("Unable to parse content from %1: %2")
                    .arg(m_settings.output, error);
            manifest = std::move(*parsed);
        }
    }
    // -force starts a new manifest, except for the other builds of this same run.
    if (ctx.options.force && ctx.packerRunUuid != manifest.lastRunUuid)
        manifest = ManifestFile();
    if (!manifest.builds)
        manifest.builds.emplace();
    manifest.builds->append(entry);
    manifest.lastRunUuid = ctx.packerRunUuid;

    QSaveFile save(m_settings.output);
    if (!save.open(QIODevice::WriteOnly) || save.write(manifest.toJson()) < 0 || !save.commit())
        return QStringLiteral("Unable to write %1: %2").arg(m_settings.output, save.errorString());
    return {};
}

} // namespace kiln::components

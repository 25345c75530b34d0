#include "components/postprocessors/checksum/ChecksumPostProcessor.h"

#include "components/shared/FileHash.h"
#include "components/shared/PackerFileArtifact.h"
#include "engine/build/BuildContext.h"
#include "engine/template/legacy/Interpolator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kiln::components {

using namespace kiln::build;
using tmpl::legacy::Interpolator;

PrepareResult ChecksumPostProcessor::prepare(const ComponentConfig &config)
{
    return m_settings.read(config);
}

PostProcessResult ChecksumPostProcessor::postProcess(BuildContext &ctx, const ArtifactPtr &input)
{
    PostProcessResult out;
    out.forceOverride = true;
    const BuildUi ui = ctx.ui.forComponent(QStringLiteral("checksum"));
    const QStringList files = input ? input->files() : QStringList();

    // All digests of a file come from one read; the lines are then written in Packer's order
    // (type by type, file by file), which matters when several types share one output file.
    QList<QMap<QString, QString>> digests;
    for (const QString &file : files) {
        FileHash::Result hashed = FileHash::compute(file, m_settings.types, ctx.cancel,
            [&ui, &file](qint64 done, qint64 total) { ui.progress(file, done, total); });
        if (hashed.cancelled) {
            out.error = hashed.error;
            return out;
        }
        if (!hashed.error.isEmpty()) {
            out.error = hashed.error;
            return out;
        }
        digests << hashed.hex;
    }

    QVariantMap data
        = input ? input->state(QStringLiteral("generated_data")).toMap() : QVariantMap();
    data.insert(QStringLiteral("BuildName"),
        ctx.sourceName.isEmpty() ? m_settings.interpolation.buildName : ctx.sourceName);
    data.insert(QStringLiteral("BuilderType"),
        ctx.builderType.isEmpty() ? m_settings.interpolation.buildType : ctx.builderType);
    tmpl::legacy::InterpolateContext interpolation = m_settings.interpolation;

    QStringList artifactFiles = files;
    for (const QString &type : std::as_const(m_settings.types)) {
        data.insert(QStringLiteral("ChecksumType"), type);
        interpolation.data = data;
        for (int i = 0; i < files.size(); ++i) {
            const Interpolator::Result rendered
                = Interpolator::render(m_settings.output, interpolation);
            if (!rendered.ok()) {
                out.error = rendered.error->message;
                return out;
            }
            const QString checksumFile = rendered.value;
            const QFileInfo info(checksumFile);
            if (!info.exists())
                artifactFiles << checksumFile;
            if (!QDir().mkpath(info.absolutePath())) {
                out.error = QStringLiteral("unable to create dir: mkdir %1: permission denied")
                                .arg(info.path());
                return out;
            }
            QFile writer(checksumFile);
            if (!writer.open(QIODevice::WriteOnly | QIODevice::Append)) {
                out.error = QStringLiteral("unable to create file %1: %2")
                                .arg(checksumFile, writer.errorString());
                return out;
            }
            const QString line = digests[i].value(type) + QLatin1Char('\t')
                + QFileInfo(files[i]).fileName() + QLatin1Char('\n');
            writer.write(line.toUtf8());
            writer.close();
        }
    }

    out.artifact = std::make_shared<PackerFileArtifact>(QString::fromLatin1(BuilderId),
        artifactFiles, QString(),
        QStringLiteral("Created artifact from files: %1")
            .arg(artifactFiles.join(QStringLiteral(", "))));
    out.keep = true;
    return out;
}

} // namespace kiln::components

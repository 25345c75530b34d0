#include "components/postprocessors/compress/CompressPostProcessor.h"

#include "components/postprocessors/compress/CompressProgress.h"
#include "components/shared/ArchiveWriter.h"
#include "components/shared/AtomicOutputFile.h"
#include "components/shared/Bgzf.h"
#include "components/shared/PackerFileArtifact.h"
#include "components/shared/ParallelGzip.h"
#include "components/shared/Zstd.h"
#include "engine/build/BuildContext.h"
#include "engine/template/legacy/Interpolator.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>
#include <vector>

namespace kiln::components {

using namespace kiln::build;
using tmpl::legacy::Interpolator;

namespace {

ArchiveWriter::Filter libarchiveFilter(const QString &algorithm)
{
    if (algorithm == QLatin1String("xz"))
        return ArchiveWriter::Filter::Xz;
    if (algorithm == QLatin1String("bzip2"))
        return ArchiveWriter::Filter::Bzip2;
    if (algorithm == QLatin1String("lz4"))
        return ArchiveWriter::Filter::Lz4;
    return ArchiveWriter::Filter::None;
}

// Each library's own default for -1, as Packer's writers behave: gzip 6, bzip2 9, the rest
// their library's default.
int filterLevel(const QString &algorithm, int level)
{
    if (level >= 1)
        return level;
    return algorithm == QLatin1String("bzip2") ? 9 : -1;
}

} // namespace

PrepareResult CompressPostProcessor::prepare(const ComponentConfig &config)
{
    return m_settings.read(config);
}

PostProcessResult CompressPostProcessor::postProcess(BuildContext &ctx, const ArtifactPtr &input)
{
    PostProcessResult out;
    QVariantMap data
        = input ? input->state(QStringLiteral("generated_data")).toMap() : QVariantMap();
    data.insert(QStringLiteral("BuildName"),
        ctx.sourceName.isEmpty() ? m_settings.interpolation.buildName : ctx.sourceName);
    data.insert(QStringLiteral("BuilderType"),
        ctx.builderType.isEmpty() ? m_settings.interpolation.buildType : ctx.builderType);
    tmpl::legacy::InterpolateContext interpolation = m_settings.interpolation;
    interpolation.data = data;
    const Interpolator::Result rendered = Interpolator::render(m_settings.output, interpolation);
    if (!rendered.ok()) {
        out.error
            = QStringLiteral("Error interpolating output value: %1").arg(rendered.error->message);
        return out;
    }
    const QString target = rendered.value;
    const QStringList files = input ? input->files() : QStringList();

    out.error = compress(ctx, files, target);
    if (out.error.isEmpty()) {
        out.artifact = std::make_shared<PackerFileArtifact>(QString::fromLatin1(BuilderId),
            QStringList{target}, QString(),
            QStringLiteral("compressed artifacts in: %1").arg(target));
    }
    return out;
}

QString CompressPostProcessor::compress(
    BuildContext &ctx, const QStringList &files, const QString &target)
{
    const BuildUi ui = ctx.ui.forComponent(QStringLiteral("compress"));
    const QString &archive = m_settings.detected.archive;
    const QString &algorithm = m_settings.detected.algorithm;
    const bool single = archive != QLatin1String("tar") && archive != QLatin1String("zip");
    // Checked before anything is created: Packer would leave an empty output behind.
    if (single && files.size() != 1) {
        return QStringLiteral(
            "Can only have 1 input file when not using tar/zip. Found %1 files: [%2]")
            .arg(files.size())
            .arg(files.join(QLatin1Char(' ')));
    }

    AtomicOutputFile file(target);
    if (!file.open())
        return file.errorString();

    const int cores = QThread::idealThreadCount();
    std::unique_ptr<ByteStream> compressor;
    if (algorithm == QLatin1String("pgzip")) {
        ui.say(
            QStringLiteral("Using pgzip compression with %1 cores for %2").arg(cores).arg(target));
        compressor = std::make_unique<ParallelGzip>(file, m_settings.level);
    } else if (algorithm == QLatin1String("bgzf")) {
        ui.say(
            QStringLiteral("Using bgzf compression with %1 cores for %2").arg(cores).arg(target));
        compressor = std::make_unique<Bgzf>(file, m_settings.level);
    } else if (algorithm == QLatin1String("zstd")) {
        ui.say(
            QStringLiteral("Using zstd compression with %1 cores for %2").arg(cores).arg(target));
        compressor = std::make_unique<Zstd>(file, m_settings.level);
    } else if (algorithm == QLatin1String("xz")) {
        ui.say(QStringLiteral("Using xz compression with %1 cores for %2").arg(cores).arg(target));
    } else if (algorithm == QLatin1String("bzip2")) {
        ui.say(QStringLiteral(
            "Using bzip2 compression with 1 core for %1 (library does not support MT)")
                   .arg(target));
    } else if (algorithm == QLatin1String("lz4")) {
        ui.say(QStringLiteral("Using lz4 compression with 1 core for %1").arg(target));
    }
    // zip compresses its entries itself; the other algorithms are libarchive filters.
    ByteStream &sink = compressor ? *compressor : static_cast<ByteStream &>(file);
    const QString compression = algorithm.isEmpty() ? QStringLiteral("no compression") : algorithm;

    CompressProgress progress(ui, ctx.cancel, target, files);
    QString error;
    if (archive == QLatin1String("tar") || archive == QLatin1String("zip")) {
        const bool tar = archive == QLatin1String("tar");
        ui.say(tar ? QStringLiteral("Tarring %1 with %2").arg(target, compression)
                   : QStringLiteral("Zipping %1").arg(target));
        const ArchiveWriter::Filter filter
            = tar && !compressor ? libarchiveFilter(algorithm) : ArchiveWriter::Filter::None;
        ArchiveWriter writer(sink, tar ? ArchiveWriter::Format::Tar : ArchiveWriter::Format::Zip,
            filter, filterLevel(algorithm, m_settings.level));
        bool ok = writer.open();
        for (const QString &path : files) {
            if (!ok)
                break;
            ok = writer.addFile(path, [&progress](qint64 n) { return progress.advance(n); });
        }
        ok = ok && writer.close();
        if (!ok)
            error = progress.cancelled() ? progress.reason()
                                         : (tar ? QStringLiteral("Error creating tar: %1")
                                                : QStringLiteral("Error creating zip: %1"))
                                               .arg(writer.errorString());
    } else {
        const QString &source = files.first();
        ui.say(QStringLiteral("Archiving %1 with %2").arg(source, compression));
        if (compressor) {
            copyFile(
                source, sink, [&progress](qint64 n) { return progress.advance(n); }, &error);
        } else {
            ArchiveWriter writer(sink, ArchiveWriter::Format::Raw, libarchiveFilter(algorithm),
                filterLevel(algorithm, m_settings.level));
            if (!writer.open()
                || !writer.addFile(source, [&progress](qint64 n) { return progress.advance(n); })
                || !writer.close())
                error = progress.cancelled()
                    ? progress.reason()
                    : QStringLiteral("Failed to compress %1: %2").arg(source, writer.errorString());
        }
        if (error.isEmpty() && progress.cancelled())
            error = progress.reason();
    }
    if (error.isEmpty() && compressor && !compressor->finish())
        error = QStringLiteral("Failed to compress %1: %2").arg(target, compressor->errorString());
    // The compressor's worker threads must be done before the file goes away.
    compressor.reset();
    if (error.isEmpty() && !file.commit())
        error = QStringLiteral("Unable to create archive %1: %2").arg(target, file.errorString());
    if (!error.isEmpty())
        return error;
    progress.finish();
    ui.say(QStringLiteral("Archive %1 completed").arg(target));
    return {};
}

bool CompressPostProcessor::copyFile(const QString &path, ByteStream &out,
    const std::function<bool(qint64)> &advance, QString *error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = QStringLiteral("Failed to open source file %1 for reading: open %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)).toLower());
        return false;
    }
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    std::vector<char> buffer(1024 * 1024);
    bool ok = true;
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = QStringLiteral("Failed to compress %1: read %1: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno)).toLower());
            ok = false;
            break;
        }
        if (n == 0)
            break;
        if (!out.write(buffer.data(), n)) {
            *error = QStringLiteral("Failed to compress %1: %2").arg(path, out.errorString());
            ok = false;
            break;
        }
        if (!advance(n)) {
            ok = false;
            break;
        }
    }
    ::close(fd);
    return ok;
}

} // namespace kiln::components

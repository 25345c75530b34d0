#include "components/provisioners/file/FileProvisioner.h"

#include "components/provisioners/file/GoFilePath.h"
#include "components/provisioners/file/TransferProgress.h"
#include "engine/build/BuildContext.h"
#include "engine/communicator/Communicator.h"
#include "engine/template/legacy/Interpolator.h"

#include <QFile>
#include <QTemporaryDir>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln::components {

namespace {

// strings.ContainsAny(src, "*?["): the remote side expands it.
bool isGlob(const QString &path)
{
    return path.contains(QLatin1Char('*')) || path.contains(QLatin1Char('?'))
        || path.contains(QLatin1Char('['));
}

} // namespace

build::PrepareResult FileProvisioner::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

QString FileProvisioner::render(
    const QString &text, const build::BuildContext &ctx, QString *error) const
{
    if (!text.contains(QLatin1String("{{")))
        return text;
    tmpl::legacy::InterpolateContext ic = m_settings.config.interpolation;
    ic.data = ctx.generatedData;
    const auto rendered = tmpl::legacy::Interpolator::render(text, ic);
    if (!rendered.ok()) {
        *error = rendered.error->message;
        return {};
    }
    return rendered.value;
}

QString FileProvisioner::provision(build::BuildContext &ctx, comm::Communicator &comm)
{
    QStringList sources = m_settings.sources;
    // `content` is written to a local file first, which then travels like any source. Its
    // directory is private so the file can carry the documented name "pkr-file-content".
    QTemporaryDir contentDir;
    if (!m_settings.content.isEmpty()) {
        QString error;
        const QString content = render(m_settings.content, ctx, &error);
        if (!error.isEmpty())
            return QStringLiteral("Error interpolating content: %1").arg(error);
        if (!contentDir.isValid())
            return contentDir.errorString();
        const QString path = contentDir.filePath(QStringLiteral("pkr-file-content"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content.toUtf8()) < 0 || !file.flush())
            return file.errorString();
        sources << path;
    }
    return m_settings.direction == QLatin1String("download") ? download(ctx, comm, sources)
                                                             : upload(ctx, comm, sources);
}

QString FileProvisioner::upload(
    build::BuildContext &ctx, comm::Communicator &comm, const QStringList &sources)
{
    QString error;
    const QString dst = render(m_settings.destination, ctx, &error);
    if (!error.isEmpty())
        return QStringLiteral("Error interpolating destination: %1").arg(error);
    for (const QString &rawSrc : sources) {
        if (ctx.cancelled())
            return QStringLiteral("cancelled");
        const QString src = render(rawSrc, ctx, &error);
        if (!error.isEmpty())
            return QStringLiteral("Error interpolating source: %1").arg(error);

        ctx.ui.say(QStringLiteral("Uploading %1 => %2").arg(src, dst));
        struct stat st;
        if (::stat(QFile::encodeName(src).constData(), &st) != 0)
            return GoFilePath::pathError(QStringLiteral("stat"), src, errno);

        if (S_ISDIR(st.st_mode)) {
            TransferProgress progress(ctx.ui, GoFilePath::base(src));
            error = comm.uploadDir(dst, src, {}, progress.callback(), ctx.cancel);
            if (!error.isEmpty()) {
                ctx.ui.error(QStringLiteral("Upload failed: %1").arg(error));
                return error;
            }
            continue;
        }
        // A destination ending in "/" is a directory: the file keeps its name there.
        const QString fileDst = dst.endsWith(QLatin1Char('/')) ? dst + GoFilePath::base(src) : dst;
        error = uploadFile(ctx, comm, src, fileDst);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

QString FileProvisioner::uploadFile(
    build::BuildContext &ctx, comm::Communicator &comm, const QString &src, const QString &dst)
{
    QString error;
    const int fd = GoFilePath::open(src, O_RDONLY, 0, &error);
    if (fd < 0)
        return error;
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return file.errorString();
    }
    struct stat st;
    if (::fstat(fd, &st) != 0)
        return GoFilePath::pathError(QStringLiteral("stat"), src, errno);

    TransferProgress progress(ctx.ui, GoFilePath::base(src));
    // The remote file gets the local file's permission bits, as Packer's communicators do
    // with the FileInfo it passes.
    error = comm.upload(
        dst, file, qint64(st.st_size), int(st.st_mode & 0777), progress.callback(), ctx.cancel);
    if (error.isEmpty())
        return {};
    if (error.contains(QLatin1String("Error restoring file")))
        ctx.ui.error(QStringLiteral(
            "Upload failed: %1; this can occur when your file destination is a folder "
            "without a trailing slash.")
                         .arg(error));
    ctx.ui.error(QStringLiteral("Upload failed: %1").arg(error));
    return error;
}

QString FileProvisioner::download(
    build::BuildContext &ctx, comm::Communicator &comm, const QStringList &sources)
{
    QString error;
    const QString renderedDst = render(m_settings.destination, ctx, &error);
    if (!error.isEmpty())
        return QStringLiteral("Error interpolating destination: %1").arg(error);
    for (const QString &rawSrc : sources) {
        if (ctx.cancelled())
            return QStringLiteral("cancelled");
        QString dst = renderedDst;
        const QString src = render(rawSrc, ctx, &error);
        if (!error.isEmpty())
            return QStringLiteral("Error interpolating source: %1").arg(error);

        // The destination is a file unless it ends in "/"; then a single file keeps its
        // name inside it, while "dir/" and globs copy into it as they are.
        QString dir = dst;
        if (!dst.endsWith(QLatin1Char('/')))
            dir = GoFilePath::dir(dir);
        else if (!src.endsWith(QLatin1Char('/')) && !src.endsWith(QLatin1Char('*')))
            dst = GoFilePath::join(dst, GoFilePath::base(src));
        ctx.ui.say(QStringLiteral("Downloading %1 => %2").arg(src, dst));

        if (!dir.isEmpty()) {
            error = GoFilePath::mkdirAll(dir, 0755);
            if (!error.isEmpty())
                return error;
        }
        TransferProgress progress(ctx.ui, GoFilePath::base(src));
        // Packer returns after the first directory; Kiln goes on with the other sources.
        if (src.endsWith(QLatin1Char('/')) || isGlob(src)) {
            error = comm.downloadDir(src, dst, {}, progress.callback(), ctx.cancel);
            if (!error.isEmpty())
                return error;
            continue;
        }

        // As Packer, the local file is truncated before the transfer starts.
        const int fd = GoFilePath::open(dst, O_CREAT | O_WRONLY | O_TRUNC, 0644, &error);
        if (fd < 0)
            return error;
        QFile file;
        if (!file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            return file.errorString();
        }
        error = comm.download(src, file, progress.callback(), ctx.cancel);
        if (error.isEmpty() && !file.flush())
            error = file.errorString();
        if (!error.isEmpty()) {
            ctx.ui.error(QStringLiteral("Download failed: %1").arg(error));
            return error;
        }
    }
    return {};
}

} // namespace kiln::components

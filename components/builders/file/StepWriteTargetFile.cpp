#include "components/builders/file/StepWriteTargetFile.h"

#include "components/provisioners/file/GoFilePath.h"
#include "components/provisioners/file/TransferProgress.h"
#include "engine/build/BuildContext.h"

#include <QFile>
#include <QSaveFile>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln::components {

namespace {

constexpr qint64 chunkSize = 1 << 20;

// Go's *PathError text from a Qt error string ("Permission denied" -> "permission denied").
QString goError(const QString &op, const QString &path, QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return QStringLiteral("%1 %2: %3").arg(op, path, text);
}

} // namespace

StepWriteTargetFile::StepWriteTargetFile(QString source, QString content, QString target)
    : m_source(std::move(source))
    , m_content(std::move(content))
    , m_target(std::move(target))
{ }

build::StepAction StepWriteTargetFile::run(build::BuildContext &ctx)
{
    const QString dir = GoFilePath::dir(m_target);
    if (dir != QLatin1String(".")) {
        const QString error = GoFilePath::mkdirAll(dir, 0755);
        if (!error.isEmpty()) {
            ctx.fail(error);
            return build::StepAction::Halt;
        }
    }
    return m_source.isEmpty() ? writeContent(ctx) : copySource(ctx);
}

build::StepAction StepWriteTargetFile::copySource(build::BuildContext &ctx)
{
    QString error;
    const int fd = GoFilePath::open(m_source, O_RDONLY, 0, &error);
    if (fd < 0) {
        ctx.fail(error);
        return build::StepAction::Halt;
    }
    QFile source;
    source.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);

    // QSaveFile writes next to the target and renames on commit(); a new file is created
    // 0666 less the umask and an existing one's permissions are kept, as os.Create does.
    QSaveFile target(m_target);
    if (!target.open(QIODevice::WriteOnly)) {
        ctx.fail(goError(QStringLiteral("open"), m_target, target.errorString()));
        return build::StepAction::Halt;
    }
    ctx.ui.say(QStringLiteral("Copying %1 to %2").arg(m_source, m_target));

    struct stat st;
    const qint64 total = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? qint64(st.st_size) : -1;
    TransferProgress progress(ctx.ui, GoFilePath::base(m_source));
    progress.report(0, total);
    QByteArray buffer;
    qint64 copied = 0;
    for (;;) {
        if (ctx.cancelled()) {
            target.cancelWriting();
            return build::StepAction::Halt;
        }
        buffer = source.read(chunkSize);
        if (buffer.isEmpty()) {
            if (source.error() != QFileDevice::NoError) {
                target.cancelWriting();
                ctx.fail(goError(QStringLiteral("read"), m_source, source.errorString()));
                return build::StepAction::Halt;
            }
            break;
        }
        if (target.write(buffer) != buffer.size()) {
            target.cancelWriting();
            ctx.fail(goError(QStringLiteral("write"), m_target, target.errorString()));
            return build::StepAction::Halt;
        }
        copied += buffer.size();
        progress.report(copied, total);
    }
    if (!target.commit()) {
        ctx.fail(goError(QStringLiteral("write"), m_target, target.errorString()));
        return build::StepAction::Halt;
    }
    ctx.ui.say(QStringLiteral("Copied %1 bytes").arg(copied));
    return build::StepAction::Continue;
}

build::StepAction StepWriteTargetFile::writeContent(build::BuildContext &ctx)
{
    const bool existed = QFile::exists(m_target);
    QSaveFile target(m_target);
    if (!target.open(QIODevice::WriteOnly)) {
        ctx.fail(goError(QStringLiteral("open"), m_target, target.errorString()));
        return build::StepAction::Halt;
    }
    // os.WriteFile(target, content, 0600): a new file is private. The temporary file was
    // made 0666 less the umask; masking it keeps the umask's effect.
    struct stat st;
    if (!existed && ::fstat(int(target.handle()), &st) == 0)
        ::fchmod(int(target.handle()), st.st_mode & 0600);
    const QByteArray data = m_content.toUtf8();
    if (target.write(data) != data.size() || !target.commit()) {
        target.cancelWriting();
        ctx.fail(goError(QStringLiteral("write"), m_target, target.errorString()));
        return build::StepAction::Halt;
    }
    return build::StepAction::Continue;
}

} // namespace kiln::components

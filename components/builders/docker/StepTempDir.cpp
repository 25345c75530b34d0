#include "components/builders/docker/StepTempDir.h"

#include "engine/build/BuildContext.h"

#include <QDir>
#include <QFileInfo>
#include <cstdlib>

namespace kiln::components {

QString StepTempDir::configTmpDir(QString *error)
{
    // packer-plugin-sdk pathing.ConfigDir: $PACKER_CONFIG_DIR/.packer.d or ~/.packer.d;
    // PACKER_TMP_DIR overrides it.
    QString base = qEnvironmentVariable("PACKER_CONFIG_DIR");
    base = base.isEmpty() ? QDir::homePath() + QStringLiteral("/.packer.d")
                          : base + QStringLiteral("/.packer.d");
    const QString tmp = qEnvironmentVariable("PACKER_TMP_DIR");
    if (!tmp.isEmpty())
        base = QFileInfo(tmp).absoluteFilePath();
    if (!QDir().mkpath(base)) {
        *error = QStringLiteral("mkdir %1: permission denied").arg(base);
        return {};
    }
    QByteArray pattern = QFile::encodeName(base + QStringLiteral("/tmpXXXXXX"));
    if (!::mkdtemp(pattern.data())) {
        *error = QStringLiteral("Error creating temp dir: %1")
                     .arg(QString::fromLocal8Bit(strerror(errno)));
        return {};
    }
    return QFile::decodeName(pattern);
}

build::StepAction StepTempDir::run(build::BuildContext &ctx)
{
    ctx.ui.say(QStringLiteral("Creating a temporary directory for sharing data..."));
    QString error;
    const QString dir = configTmpDir(&error);
    if (dir.isEmpty()) {
        const QString message = QStringLiteral("Error making temp dir: %1").arg(error);
        ctx.ui.error(message);
        ctx.fail(message);
        return build::StepAction::Halt;
    }
    m_state.tempDir = dir;
    ctx.state.put(QStringLiteral("temp_dir"), dir);
    return build::StepAction::Continue;
}

void StepTempDir::cleanup(build::BuildContext &ctx)
{
    Q_UNUSED(ctx);
    if (!m_state.tempDir.isEmpty())
        QDir(m_state.tempDir).removeRecursively();
}

} // namespace kiln::components

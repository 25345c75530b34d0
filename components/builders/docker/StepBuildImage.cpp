#include "components/builders/docker/StepBuildImage.h"

#include "components/builders/docker/DockerIgnore.h"
#include "components/shared/docker/DockerTar.h"
#include "engine/build/BuildContext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryFile>

namespace kiln::components {

build::StepAction StepBuildImage::run(build::BuildContext &ctx)
{
    DockerBuilderSettings &c = m_state.settings;
    if (!c.bootstrap)
        return build::StepAction::Continue;
    auto fail = [&ctx](const QString &message) {
        if (!ctx.cancelled())
            ctx.ui.error(message);
        ctx.fail(message);
        return build::StepAction::Halt;
    };
    ctx.ui.say(QStringLiteral("Building base image..."));
    docker::RegistryAuth auth;
    if (c.login) {
        ctx.ui.message(QStringLiteral("Logging in..."));
        auth = {c.loginServer, c.loginUsername, c.loginPassword};
        const QString error = m_state.client.login(auth, ctx.cancel);
        if (!error.isEmpty())
            return fail(QStringLiteral("Error logging in: %1").arg(error));
    }
    // The docker CLI sends a Dockerfile that lies outside the context under a made-up name.
    const QDir context(c.buildDir);
    QString dockerfile = context.relativeFilePath(c.dockerfile);
    QString extraName, extraFile;
    if (dockerfile.startsWith(QLatin1String("../"))) {
        extraName = QStringLiteral(".dockerfile.kiln-%1").arg(QCoreApplication::applicationPid());
        extraFile = c.dockerfile;
        dockerfile = extraName;
    }
    QTemporaryFile tar(m_state.tempDir + QStringLiteral("/context-XXXXXX.tar"));
    if (!tar.open())
        return fail(QStringLiteral("Error creating the build context: %1").arg(tar.errorString()));
    // .dockerignore applies as in `docker build`; the Dockerfile and .dockerignore always go.
    const DockerIgnore ignore = DockerIgnore::load(c.buildDir);
    auto skip = [&ignore, &dockerfile](const QString &rel) {
        return rel != dockerfile && rel != QLatin1String(".dockerignore") && ignore.excludes(rel);
    };
    QString error = docker::DockerTar::writeTree(
        tar.fileName(), c.buildDir, {}, {}, extraName, extraFile, skip);
    if (!error.isEmpty())
        return fail(QStringLiteral("Error creating the build context: %1").arg(error));
    QFile upload(tar.fileName());
    if (!upload.open(QIODevice::ReadOnly))
        return fail(
            QStringLiteral("Error creating the build context: %1").arg(upload.errorString()));
    QString imageId, log;
    error = m_state.client.buildImage(upload, upload.size(), dockerfile, c.buildArguments,
        c.buildPull, c.platform, auth, &imageId, &log, ctx.cancel);
    if (c.login)
        ctx.ui.message(QStringLiteral("Logging out..."));
    if (!error.isEmpty())
        return fail(
            QStringLiteral("%1 build failed: %2; stdout: %3").arg(c.executable, error, log));
    ctx.ui.say(QStringLiteral("Finished building base image \"%1\"").arg(imageId));
    c.image = imageId;
    m_ran = true;
    return build::StepAction::Continue;
}

void StepBuildImage::cleanup(build::BuildContext &ctx)
{
    if (!m_ran)
        return;
    const DockerBuilderSettings &c = m_state.settings;
    if (!c.discard) {
        ctx.ui.say(QStringLiteral(
            "final image is not discarded, removing the built image will fail because of "
            "existing dependencies, skipping cleanup for docker build."));
        return;
    }
    const QString error = m_state.client.removeImage(c.image, false, nullptr);
    if (!error.isEmpty()) {
        ctx.ui.say(QStringLiteral("failed to remove image \"%1\": %2").arg(c.image, error));
        ctx.ui.say(QStringLiteral("if you have other images using this dockerfile, this is "
                                  "expected and can safely be ignored."));
    }
}

} // namespace kiln::components

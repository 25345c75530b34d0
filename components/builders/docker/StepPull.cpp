#include "components/builders/docker/StepPull.h"

#include "engine/build/BuildContext.h"
#include "engine/build/SecretFilter.h"

#include <QJsonArray>

namespace kiln::components {

void StepPull::storeSourceImageInfo(build::BuildContext &ctx)
{
    const DockerBuilderSettings &c = m_state.settings;
    QJsonObject image;
    const QString error = m_state.client.inspectImage(c.image, &image, ctx.cancel);
    if (!error.isEmpty())
        ctx.ui.error(
            QStringLiteral("Error determining source Docker image Id: Error: %1").arg(error));
    const QString sha = image.value(QLatin1String("Id")).toString();
    ctx.state.put(QStringLiteral("source_sha256"), sha);
    ctx.generatedData.insert(QStringLiteral("SourceImageSha256"), sha);
    // An image built from a Dockerfile here has never been in a registry.
    if (c.bootstrap) {
        ctx.generatedData.insert(QStringLiteral("SourceImageDigest"), QString());
        return;
    }
    const QJsonArray digests = image.value(QLatin1String("RepoDigests")).toArray();
    const QString digest = digests.isEmpty() ? QString() : digests.first().toString();
    if (digest.isEmpty())
        ctx.ui.error(QStringLiteral("Error determining source Docker image digest; this image may "
                                    "not have been pushed yet, which means "
                                    "no distribution digest has been created. If you plan to call "
                                    "docker push later, the digest value "
                                    "will be stored then."));
    ctx.state.put(QStringLiteral("source_digest"), digest);
    ctx.generatedData.insert(QStringLiteral("SourceImageDigest"), digest);
}

build::StepAction StepPull::run(build::BuildContext &ctx)
{
    const DockerBuilderSettings &c = m_state.settings;
    if (!c.pull) {
        storeSourceImageInfo(ctx);
        return build::StepAction::Continue;
    }
    ctx.ui.say(QStringLiteral("Pulling Docker image: %1").arg(c.image));
    auto fail = [&ctx](const QString &message) {
        ctx.ui.error(message);
        ctx.fail(message);
        return build::StepAction::Halt;
    };
    docker::RegistryAuth auth;
    if (c.login) {
        ctx.ui.message(QStringLiteral("Logging in..."));
        auth = {c.loginServer, c.loginUsername, c.loginPassword};
        if (!c.loginPassword.isEmpty())
            ctx.secrets->add(c.loginPassword);
        const QString error = m_state.client.login(auth, ctx.cancel);
        if (!error.isEmpty())
            return fail(QStringLiteral("Error logging in: %1").arg(error));
        ctx.ui.message(QStringLiteral("Login Succeeded"));
    }
    const build::BuildUi ui = ctx.ui;
    const QString error = m_state.client.pull(
        c.image, c.platform, auth, [ui](const QString &line) { ui.message(line); }, ctx.cancel);
    if (c.login)
        ctx.ui.message(QStringLiteral("Logging out..."));
    if (!error.isEmpty()) {
        if (ctx.cancelled())
            return build::StepAction::Halt;
        return fail(QStringLiteral("Error pulling Docker image: %1").arg(error));
    }
    storeSourceImageInfo(ctx);
    return build::StepAction::Continue;
}

} // namespace kiln::components

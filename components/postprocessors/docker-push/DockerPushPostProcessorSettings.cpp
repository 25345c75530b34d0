#include "components/postprocessors/docker-push/DockerPushPostProcessorSettings.h"

namespace kiln::components {

build::PrepareResult DockerPushPostProcessorSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult r;
    login = config.boolean(QStringLiteral("login"));
    loginServer = config.string(QStringLiteral("login_server"));
    loginUsername = config.string(QStringLiteral("login_username"));
    loginPassword = config.string(QStringLiteral("login_password"));
    const bool ecr = config.boolean(QStringLiteral("ecr_login"));
    if (ecr && loginServer.isEmpty())
        r.errors << QStringLiteral("ECR login requires login server to be provided.");
    else if (ecr)
        r.errors << QStringLiteral(
            "ecr_login needs AWS ECR, which Kiln cannot reach; use login with a token");
    return r;
}

} // namespace kiln::components

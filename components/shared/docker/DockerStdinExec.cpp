#include "components/shared/docker/DockerStdinExec.h"

#include "engine/communicator/ProcessGroup.h"

namespace kiln::components::docker {

comm::CommandResult DockerStdinExec::run(const DockerEndpoint &endpoint, const QString &containerId,
    const QString &user, const QString &shellCommand, const comm::RemoteCommand &cmd,
    const build::CancelTokenPtr &cancel)
{
    comm::ProcessGroup::Options options;
    options.argv
        = QStringList{QStringLiteral("docker"), QStringLiteral("exec"), QStringLiteral("-i")};
    if (!user.isEmpty())
        options.argv << QStringLiteral("-u") << user;
    options.argv << containerId << QStringLiteral("/bin/sh") << QStringLiteral("-c")
                 << shellCommand;
    // The CLI must reach the daemon the Engine API client uses, whatever the user's context.
    options.setEnv.insert(QStringLiteral("DOCKER_HOST"), endpoint.display());
    options.unsetEnv << QStringLiteral("DOCKER_CONTEXT");
    if (endpoint.tls) {
        options.setEnv.insert(QStringLiteral("DOCKER_TLS_VERIFY"), QStringLiteral("1"));
        options.setEnv.insert(QStringLiteral("DOCKER_CERT_PATH"), endpoint.certPath);
    } else {
        options.unsetEnv << QStringLiteral("DOCKER_TLS_VERIFY")
                         << QStringLiteral("DOCKER_CERT_PATH");
    }
    options.stdinData = cmd.stdinData;
    options.stdinSource = cmd.stdinSource;
    options.onStdout = cmd.onStdout;
    options.onStderr = cmd.onStderr;
    // The CLI ends at once on SIGTERM; the grace is for a CLI stuck on a dead daemon.
    options.killGraceMs = 2000;
    return comm::ProcessGroup::run(options, cancel);
}

} // namespace kiln::components::docker

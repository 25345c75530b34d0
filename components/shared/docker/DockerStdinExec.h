#pragma once

#include "components/shared/docker/DockerEndpoint.h"
#include "engine/communicator/Communicator.h"

namespace kiln::components::docker {

// A command whose stdin is streamed (RemoteCommand::stdinSource) runs as Packer's docker
// communicator runs every command: `docker exec -i [-u user] <container> /bin/sh -c ...`
// with the input piped to the docker CLI, which half-closes the attach stream at the end of
// the input so the command sees EOF. (The Engine API client, DockerClient, attaches without
// stdin: over its HTTP connection the end of the input cannot be signalled.)
//
// The CLI talks to the same daemon (DOCKER_HOST and TLS settings from the endpoint). The
// command runs without a TTY: `-t` would need one on the CLI's own stdin. Cancel stops the
// CLI (ProcessGroup); the daemon then closes the command's stdin, which ends a command that
// waits for input.
class DockerStdinExec
{
public:
    static comm::CommandResult run(const DockerEndpoint &endpoint, const QString &containerId,
        const QString &user, const QString &shellCommand, const comm::RemoteCommand &cmd,
        const build::CancelTokenPtr &cancel);
};

} // namespace kiln::components::docker

#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace kiln::components {

// Turns the arguments of `docker run` (the builder's flags followed by run_command) into
// the Engine API's container-create body, so run_command keeps its meaning without the
// docker CLI. Supported: -d -i -t (and bundles like -dit), --entrypoint, -e/--env,
// -v/--volume, --privileged, --cap-add, --cap-drop, -u/--user, -w/--workdir, --name,
// --network/--net, --device, --tmpfs, --runtime, --platform, -h/--hostname, -l/--label and
// --rm; the first non-flag is the image and the rest its command. Other flags are refused
// with the CLI's "unknown flag" rather than silently dropped.
struct DockerRunArgs
{
    QJsonObject body;
    QString name;
    QString platform;
    QString error;

    static DockerRunArgs parse(const QStringList &args);
};

} // namespace kiln::components

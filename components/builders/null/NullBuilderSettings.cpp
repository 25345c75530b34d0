#include "components/builders/null/NullBuilderSettings.h"

#include "engine/communicator/SshConfigReader.h"

namespace kiln::components {

build::PrepareResult NullBuilderSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult r;
    communicator = config.string(QStringLiteral("communicator"), QStringLiteral("ssh"));
    QString error;
    const std::optional<qint64> pause
        = config.durationMs(QStringLiteral("pause_before_connecting"), 0, &error);
    if (!pause)
        r.errors << QStringLiteral("pause_before_connecting: %1").arg(error);
    pauseBeforeConnectMs = pause.value_or(0);
    if (communicator == QLatin1String("none"))
        return r;
    if (communicator != QLatin1String("ssh")) {
        r.errors << QStringLiteral("Communicator type %1 is invalid").arg(communicator);
        return r;
    }
    ssh = comm::SshConfigReader::read(config, &r.errors);
    r.errors << ssh.validate();
    if (ssh.host.isEmpty())
        r.errors << QStringLiteral(
            "a Host must be specified, please reference your communicator documentation");
    if (ssh.auth.username.isEmpty())
        r.errors << QStringLiteral(
            "a Username must be specified, please reference your communicator documentation");
    const bool password = !ssh.auth.password.isEmpty();
    const bool keyFile = !ssh.auth.privateKeyFile.isEmpty();
    const bool inlineKey = !ssh.auth.privateKey.isEmpty(); // Kiln's ssh_private_key
    if (!ssh.auth.agentAuth && !password && !keyFile && !inlineKey)
        r.errors << QStringLiteral(
            "one authentication method must be specified, please reference your communicator "
            "documentation");
    if ((ssh.auth.agentAuth && (password || keyFile)) || (password && keyFile))
        r.errors << QStringLiteral(
            "only one of ssh_agent_auth, ssh_password, and ssh_private_key_file must be specified");
    r.errors.removeDuplicates();
    return r;
}

} // namespace kiln::components

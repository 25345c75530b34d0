#include "components/builders/null/NullBuilder.h"

#include "engine/build/Artifact.h"
#include "engine/build/BuildContext.h"
#include "engine/build/StepConnect.h"
#include "engine/build/StepProvision.h"
#include "engine/build/StepRunner.h"
#include "engine/communicator/SshConfigReader.h"

namespace kiln::components {

namespace {

class NullArtifact : public build::Artifact
{
public:
    QString builderId() const override { return QString::fromLatin1(NullBuilder::builderId); }
    QString id() const override { return QStringLiteral("Null"); }
    QStringList files() const override { return {}; }
    QString string() const override { return QStringLiteral("Did not export anything. This is the null builder"); }
    QString destroy() override { return {}; }
};

} // namespace

build::PrepareResult NullBuilder::prepare(const build::ComponentConfig &config)
{
    build::PrepareResult r;
    m_communicator = config.string(QStringLiteral("communicator"), QStringLiteral("ssh"));
    QString error;
    const std::optional<qint64> pause = config.durationMs(QStringLiteral("pause_before_connecting"), 0, &error);
    if (!pause)
        r.errors << QStringLiteral("pause_before_connecting: %1").arg(error);
    m_pauseBeforeConnectMs = pause.value_or(0);
    if (m_communicator == QLatin1String("none"))
        return r;
    if (m_communicator != QLatin1String("ssh")) {
        r.errors << QStringLiteral("Communicator type %1 is invalid").arg(m_communicator);
        return r;
    }
    m_ssh = comm::SshConfigReader::read(config, &r.errors);
    r.errors << m_ssh.validate();
    if (m_ssh.host.isEmpty())
        r.errors << QStringLiteral("a Host must be specified, please reference your communicator documentation");
    if (m_ssh.auth.username.isEmpty())
        r.errors << QStringLiteral("a Username must be specified, please reference your communicator documentation");
    const bool password = !m_ssh.auth.password.isEmpty();
    const bool keyFile = !m_ssh.auth.privateKeyFile.isEmpty();
    const bool inlineKey = !m_ssh.auth.privateKey.isEmpty(); // Kiln's ssh_private_key
    if (!m_ssh.auth.agentAuth && !password && !keyFile && !inlineKey)
        r.errors << QStringLiteral("one authentication method must be specified, please reference your communicator "
                                   "documentation");
    if ((m_ssh.auth.agentAuth && (password || keyFile)) || (password && keyFile))
        r.errors << QStringLiteral("only one of ssh_agent_auth, ssh_password, and ssh_private_key_file must be specified");
    r.errors.removeDuplicates();
    return r;
}

build::ArtifactPtr NullBuilder::run(build::BuildContext &ctx)
{
    ctx.generatedData.insert(QStringLiteral("ID"), QStringLiteral("Null"));
    build::StepRunner runner({ std::make_shared<build::StepConnect>(m_communicator, m_ssh, m_pauseBeforeConnectMs),
                               std::make_shared<build::StepProvision>() });
    if (!runner.run(ctx))
        return nullptr;
    return std::make_shared<NullArtifact>();
}

} // namespace kiln::components

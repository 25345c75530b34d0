#pragma once

#include "engine/build/Step.h"
#include "engine/communicator/SshConfig.h"

#include <QString>

#include <functional>
#include <memory>

namespace kiln::comm {
class Communicator;
}

namespace kiln::build {

// Opens the communicator a builder's machine is reached through (Packer's
// communicator.StepConnect): `none` gives a NoneCommunicator at once; `ssh` waits for SSH
// with retries ("Waiting for SSH to become available...", "Connected to SSH!") and a
// diagnosis of the last failure on timeout. The communicator goes into the state bag as
// "communicator" (comm::Communicator*), and the connection values into the build's
// generated data (Host, Port, User, Password, ConnType, SSHPublicKey, SSHPrivateKey).
class StepConnect : public Step
{
public:
    // `host` is asked when the step runs: builders learn the address late (a container's
    // IP, a forwarded port).
    using HostFn = std::function<QString(BuildContext &ctx)>;
    StepConnect(QString type, comm::SshConfig ssh, qint64 pauseBeforeConnectMs = 0, HostFn host = {});
    ~StepConnect() override;

    QString name() const override { return QStringLiteral("StepConnect"); }
    StepAction run(BuildContext &ctx) override;
    void cleanup(BuildContext &ctx) override;

private:
    StepAction connectSsh(BuildContext &ctx);

    QString m_type;
    comm::SshConfig m_ssh;
    qint64 m_pauseMs;
    HostFn m_host;
    std::unique_ptr<comm::Communicator> m_comm;
};

} // namespace kiln::build

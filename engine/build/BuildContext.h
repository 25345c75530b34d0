#pragma once

#include "engine/build/BuildOptions.h"
#include "engine/build/BuildUi.h"
#include "engine/build/CancelToken.h"
#include "engine/build/StateBag.h"

#include <QString>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace kiln::comm {
class Communicator;
}

namespace kiln::build {

class SecretFilter;

// Everything one running build shares with its components. Created by Build on the worker
// thread that runs it; components receive it by reference and never keep it.
class BuildContext
{
public:
    QString name; // "type.name" or "buildname.type.name"
    QString buildName; // the build block's name (PACKER_BUILD_NAME is `name`'s source part)
    QString sourceName; // the source's effective name (the manifest's "name")
    QString builderType; // "null", "docker", ...
    QString packerRunUuid;
    QString templateDir;

    BuildUi ui;
    CancelTokenPtr cancel;
    BuildOptions options;
    StateBag state;
    // Builders add the secrets they create (generated passwords, temporary private keys).
    std::shared_ptr<SecretFilter> secrets;

    // Packer's generated data: ID, Host, Port, User, Password, ConnType, SSHPublicKey,
    // SSHPrivateKey, WinRMPassword, PackerHTTPIP/Port/Addr, PackerRunUUID, plus builder
    // extras. Builders fill it in before they call provision(); provisioner configs see it
    // as `build.*` (HCL2) and `{{ build `X` }}` (legacy).
    QVariantMap generatedData;

    // The provisioning hook (Packer's HookProvision): a builder calls it once the machine
    // is reachable through `comm`. Runs every provisioner of the build in order and returns
    // the first error, empty on success. Builders without a machine pass a "none" or local
    // communicator.
    std::function<QString(comm::Communicator &comm)> provision;
    // Runs the error-cleanup-provisioner (Packer's HookCleanupProvision); StepProvision
    // calls it from its cleanup when the build has failed.
    std::function<QString(comm::Communicator &comm)> cleanupProvision;

    // Records why the build failed; the first failure wins.
    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }
    const QString &error() const { return m_error; }
    void clearError() { m_error.clear(); }
    bool failed() const { return !m_error.isEmpty(); }
    bool cancelled() const { return cancel && cancel->isCancelled(); }

private:
    QString m_error;
};

} // namespace kiln::build

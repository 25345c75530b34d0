#pragma once

#include "components/provisioners/shell/ShellProvisionerSettings.h"
#include "engine/build/Provisioner.h"

#include <QString>

namespace kiln::components {

// Packer's `shell` provisioner: uploads each script (or the inline commands, written to a
// script) through the communicator, runs it with execute_command, and removes it.
//
// Threading: as build::Provisioner; provision() blocks the build's worker thread and stops
// when ctx.cancel fires (the running command is killed by the communicator).
class ShellProvisioner : public build::Provisioner
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    QString provision(build::BuildContext &ctx, comm::Communicator &comm) override;

private:
    QString render(const QString &text, const QVariantMap &data, QString *error) const;
    QString writeInlineScript(const QVariantMap &generatedData, QString *path) const;
    QString uploadEnvVarFile(build::BuildContext &ctx, comm::Communicator &comm,
        const QString &content, QString *remotePath) const;
    QString runScript(build::BuildContext &ctx, comm::Communicator &comm, const QString &localPath,
        const QString &command) const;
    QString cleanupRemoteFile(
        build::BuildContext &ctx, comm::Communicator &comm, const QString &path) const;

    ShellProvisionerSettings m_settings;
};

} // namespace kiln::components

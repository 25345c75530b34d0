#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/Provisioner.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

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

    build::ComponentConfig m_config;
    std::optional<QStringList> m_inline;
    QStringList m_scripts;
    QStringList m_vars;
    QMap<QString, QString> m_env;
    QString m_envVarFormat;
    bool m_useEnvVarFile = false;
    QString m_executeCommand;
    QString m_inlineShebang;
    bool m_inlineShebangDefined = false;
    QString m_remoteFolder;
    QString m_remotePath;
    bool m_expectDisconnect = false;
    QList<int> m_validExitCodes;
    bool m_skipClean = false;
    qint64 m_startRetryTimeoutMs = 0;
    qint64 m_pauseAfterMs = 0;
    bool m_binary = false;
};

} // namespace kiln::components

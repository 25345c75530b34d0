#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"
#include "engine/communicator/SshConfig.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace kiln::components {

// The docker builder's decoded settings (Packer's docker.Config) with Packer's defaults
// applied: run_command's default, container_dir, pull, fix_upload_owner, communicator.
struct DockerBuilderSettings
{
    QString image;
    bool pull = true;
    bool commit = false;
    bool discard = false;
    QString exportPath;
    QStringList changes;
    QStringList runCommand;
    QMap<QString, QString> volumes;
    QStringList device;
    QStringList tmpfs;
    QStringList capAdd;
    QStringList capDrop;
    bool privileged = false;
    bool pty = false;
    QString runtime;
    QString execUser;
    QString containerDir;
    QString author;
    QString message;
    QString platform;
    QString executable; // docker_path: only shown in "Run command: ..." (the API needs no CLI)
    bool fixUploadOwner = true;
    bool login = false;
    QString loginServer;
    QString loginUsername;
    QString loginPassword;

    // The `build` block: a base image made from a Dockerfile first (Packer's
    // DockerfileBootstrapConfig); bootstrap is false without one.
    bool bootstrap = false;
    QString dockerfile; // absolute
    QString buildDir; // absolute
    QMap<QString, QString> buildArguments;
    bool buildPull = true;

    QString communicator;
    comm::SshConfig ssh;
    qint64 pauseBeforeConnectMs = 0;

    // `{{ }}` context for run_command, whose `{{.Image}}` is rendered when the container starts.
    build::ComponentConfig source;

    build::PrepareResult read(const build::ComponentConfig &config);

private:
    void readBootstrap(const build::ComponentConfig &block, build::PrepareResult &r);
};

} // namespace kiln::components

#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// The salt-masterless provisioner's configuration (packer-plugin-salt's
// provisioner/salt-masterless Config) with Packer's defaults applied, and the salt-call
// arguments Packer computes in Prepare.
struct SaltMasterlessProvisionerSettings
{
    // Packer's per-OS defaults: where Salt's configuration, states and pillars live, and how
    // Salt is bootstrapped.
    struct OsDefaults
    {
        QString configDir;
        QString tempDir;
        QString stateRoot;
        QString pillarRoot;
        QString bootstrapFetch;
        QString bootstrapRun;
    };
    static OsDefaults osDefaults(bool windows);

    // Packer's check of a `formulas` entry: "<repo>.git//<subdir>" with an optional query.
    static bool isValidFormulaUrl(const QString &url);

    QString guestOsType;
    bool windows = false;
    bool skipBootstrap = false;
    bool disableSudo = false;
    bool noExitOnFailure = false;
    QString bootstrapArgs;
    QString minionConfig;
    QString grainsFile;
    QString localStateTree;
    QString localPillarRoots;
    QString remoteStateTree;
    QString remotePillarRoots;
    QString tempConfigDir;
    QString saltBinDir;
    QStringList formulas;
    // salt-call's arguments (Packer's CmdArgs), with the leading space it has.
    QString cmdArgs;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components

#pragma once

#include "components/shared/qemu/QemuCommandLine.h"
#include "components/shared/qemu/QemuProcess.h"
#include "components/shared/qemu/QemuSettings.h"
#include "engine/build/BuildContext.h"
#include "engine/build/Step.h"

#include <QTemporaryDir>
#include <memory>

namespace kiln::components {

// What the qemu builder's steps share during one build (the values Packer keeps in its
// state bag: iso_path, qemu_disk_paths, http_port, commHostPort, vnc_port, the driver).
// Owned by QemuBuilder::run; the steps hold a reference.
struct QemuBuildState
{
    QemuSettings settings;
    QemuLaunchState launch;
    QemuProcess qemu;
    // Holds the private QMP socket when the template names none.
    std::unique_ptr<QTemporaryDir> runtimeDir;
};

// Packer's "state.Put("error", err); ui.Error(err.Error()); return ActionHalt".
inline build::StepAction haltQemuStep(build::BuildContext &ctx, const QString &message)
{
    ctx.ui.error(message);
    ctx.fail(message);
    return build::StepAction::Halt;
}

} // namespace kiln::components

#pragma once

#include <QString>

namespace kiln::build {

class BuildContext;

enum class StepAction { Continue, Halt };

// One step of a builder (Packer's multistep.Step): create the VM, wait for SSH, provision,
// shut down, export. run() does the work; cleanup() undoes what run() left behind and is
// called for every step whose run() was entered — in reverse order, on success, on failure
// and on cancel — unless -on-error=abort asked to keep everything.
//
// Threading: both run on the build's worker thread. run() blocks; it must return soon
// after ctx.cancel fires. cleanup() must not depend on the token (it runs after a cancel)
// and must be safe when run() stopped half-way.
class Step
{
public:
    virtual ~Step() = default;
    // A short name for -debug pauses and the GUI ("StepCreateContainer").
    virtual QString name() const = 0;
    // On failure: ctx.fail(message) and return Halt.
    virtual StepAction run(BuildContext &ctx) = 0;
    virtual void cleanup(BuildContext &ctx) { Q_UNUSED(ctx); }
    // -on-error=run-cleanup-provisioner skips every cleanup except this step's: the one
    // that runs the error-cleanup-provisioner.
    virtual bool runsCleanupProvisioner() const { return false; }
};

} // namespace kiln::build

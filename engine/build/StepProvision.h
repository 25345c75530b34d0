#pragma once

#include "engine/build/Step.h"

namespace kiln::comm {
class Communicator;
}

namespace kiln::build {

// The step every builder with a machine runs once it is reachable: fills in the generated
// data Packer guarantees (ID, PackerRunUUID, PackerHTTP*), then runs the build's
// provisioners through the communicator found in the state bag under "communicator"
// (a comm::Communicator*), or the one given at construction. On a failed build, its
// cleanup runs the error-cleanup-provisioner. Packer's commonsteps.StepProvision.
class StepProvision : public Step
{
public:
    explicit StepProvision(comm::Communicator *comm = nullptr);

    QString name() const override { return QStringLiteral("StepProvision"); }
    StepAction run(BuildContext &ctx) override;
    void cleanup(BuildContext &ctx) override;
    bool runsCleanupProvisioner() const override { return true; }

    // Packer's PopulateProvisionHookData defaults, for builders that provision without
    // this step.
    static void fillGeneratedData(BuildContext &ctx);

private:
    comm::Communicator *communicator(BuildContext &ctx) const;

    comm::Communicator *m_comm;
    bool m_provisioned = false;
};

} // namespace kiln::build

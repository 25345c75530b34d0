#pragma once

#include "components/builders/docker/DockerBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Before a commit, keeps the base image's CMD and ENTRYPOINT unless `changes` sets them:
// the container ran with run_command's entrypoint, which the commit would otherwise
// record. Packer's StepSetDefaults ("CMD [...]", "ENTRYPOINT [...]", [""] when unset).
class StepSetDefaults : public build::Step
{
public:
    explicit StepSetDefaults(DockerBuildState &state)
        : m_state(state)
    { }
    QString name() const override { return QStringLiteral("StepSetDefaults"); }
    build::StepAction run(build::BuildContext &ctx) override;

private:
    DockerBuildState &m_state;
};

} // namespace kiln::components

#pragma once

#include "components/builders/docker/DockerBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Pulls the base image when `pull` is on (logging in first with `login`), then records
// SourceImageSha256 and SourceImageDigest. Packer's StepPull.
class StepPull : public build::Step
{
public:
    explicit StepPull(DockerBuildState &state)
        : m_state(state)
    { }
    QString name() const override { return QStringLiteral("StepPull"); }
    build::StepAction run(build::BuildContext &ctx) override;

private:
    void storeSourceImageInfo(build::BuildContext &ctx);

    DockerBuildState &m_state;
};

} // namespace kiln::components

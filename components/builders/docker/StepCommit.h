#pragma once

#include "components/builders/docker/DockerBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Commits the container with author, message and changes (Packer's StepCommit:
// "Committing the container", "Image ID: ..."), recording ImageSha256.
class StepCommit : public build::Step
{
public:
    explicit StepCommit(DockerBuildState &state)
        : m_state(state)
    { }
    QString name() const override { return QStringLiteral("StepCommit"); }
    build::StepAction run(build::BuildContext &ctx) override;

private:
    DockerBuildState &m_state;
};

} // namespace kiln::components

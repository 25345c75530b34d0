#pragma once

#include "components/builders/docker/DockerBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// The `build` block: builds the base image from a Dockerfile (Packer's stepBuild,
// "Building base image...", "Finished building base image \"sha256:...\"") by sending
// build_dir as the context to POST /build, and uses the result as `image`. With discard,
// cleanup removes that image again, as Packer does.
class StepBuildImage : public build::Step
{
public:
    explicit StepBuildImage(DockerBuildState &state)
        : m_state(state)
    { }
    QString name() const override { return QStringLiteral("stepBuild"); }
    build::StepAction run(build::BuildContext &ctx) override;
    void cleanup(build::BuildContext &ctx) override;

private:
    DockerBuildState &m_state;
    bool m_ran = false;
};

} // namespace kiln::components

#pragma once

#include "components/builders/docker/DockerBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Streams the container's filesystem into export_path (Packer's StepExport: "Exporting
// the container"); a failed or cancelled export leaves no partial file.
class StepExport : public build::Step
{
public:
    explicit StepExport(DockerBuildState &state)
        : m_state(state)
    { }
    QString name() const override { return QStringLiteral("StepExport"); }
    build::StepAction run(build::BuildContext &ctx) override;

private:
    DockerBuildState &m_state;
};

} // namespace kiln::components

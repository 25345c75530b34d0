#pragma once

#include "components/builders/docker/DockerBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Makes the host directory shared with the container at container_dir (Packer's
// StepTempDir): under PACKER_TMP_DIR when set, else Packer's config directory.
class StepTempDir : public build::Step
{
public:
    explicit StepTempDir(DockerBuildState &state)
        : m_state(state)
    { }
    QString name() const override { return QStringLiteral("StepTempDir"); }
    build::StepAction run(build::BuildContext &ctx) override;
    void cleanup(build::BuildContext &ctx) override;

    static QString configTmpDir(QString *error);

private:
    DockerBuildState &m_state;
};

} // namespace kiln::components

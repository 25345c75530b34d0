#pragma once

#include "components/builders/docker/DockerBuildState.h"
#include "engine/build/Step.h"

namespace kiln::components {

// Creates and starts the build container from the builder's flags and run_command
// (Packer's StepRun: "Run command: docker run ...", "Container ID: ..."); its cleanup
// removes the container by force on every path, cancel included.
class StepRunContainer : public build::Step
{
public:
    explicit StepRunContainer(DockerBuildState &state)
        : m_state(state)
    { }
    QString name() const override { return QStringLiteral("StepRun"); }
    build::StepAction run(build::BuildContext &ctx) override;
    void cleanup(build::BuildContext &ctx) override;

    // The `docker run` arguments Packer's driver builds: device, cap-add, cap-drop,
    // privileged, runtime, platform, tmpfs and volume flags, then run_command rendered with
    // {{.Image}}. *error is set when run_command does not render.
    static QStringList runArguments(
        const DockerBuilderSettings &c, const QString &tempDir, QString *error);

private:
    DockerBuildState &m_state;
};

} // namespace kiln::components

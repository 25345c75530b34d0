#include "components/builders/file/FileBuilder.h"

#include "components/builders/file/MockCommunicator.h"
#include "components/builders/file/StepWriteTargetFile.h"
#include "engine/build/BuildContext.h"
#include "engine/build/StepProvision.h"
#include "engine/build/StepRunner.h"

namespace kiln::components {

using namespace kiln::registry;

build::PrepareResult FileBuilder::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

build::ArtifactPtr FileBuilder::run(build::BuildContext &ctx)
{
    // Packer hands the provision hook a mock communicator on which everything succeeds.
    MockCommunicator mock;
    build::StepRunner runner({
        std::make_shared<StepWriteTargetFile>(
            m_settings.source, m_settings.content, m_settings.target),
        std::make_shared<build::StepProvision>(&mock),
    });
    if (!runner.run(ctx))
        return nullptr;
    return std::make_shared<build::FileArtifact>(QString::fromLatin1(builderId),
        QStringList{m_settings.target}, QStringLiteral("File"),
        QStringLiteral("Stored file: %1").arg(m_settings.target));
}

} // namespace kiln::components

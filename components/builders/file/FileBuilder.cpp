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
    build::PrepareResult result;
    m_source = config.string(QStringLiteral("source"));
    m_target = config.string(QStringLiteral("target"));
    m_content = config.string(QStringLiteral("content"));
    if (m_target.isEmpty())
        result.errors << QStringLiteral("target required");
    if (m_content.isEmpty() && m_source.isEmpty())
        result.warnings << QStringLiteral(
            "Both source file and contents are blank; target will have no content");
    if (!m_content.isEmpty() && !m_source.isEmpty())
        result.errors << QStringLiteral("Cannot specify source file AND content");
    return result;
}

build::ArtifactPtr FileBuilder::run(build::BuildContext &ctx)
{
    // Packer hands the provision hook a mock communicator on which everything succeeds.
    MockCommunicator mock;
    build::StepRunner runner({
        std::make_shared<StepWriteTargetFile>(m_source, m_content, m_target),
        std::make_shared<build::StepProvision>(&mock),
    });
    if (!runner.run(ctx))
        return nullptr;
    return std::make_shared<build::FileArtifact>(QString::fromLatin1(builderId),
        QStringList{m_target}, QStringLiteral("File"),
        QStringLiteral("Stored file: %1").arg(m_target));
}

} // namespace kiln::components

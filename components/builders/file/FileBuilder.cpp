// Keys and types mirror the HCL2 spec of packer builder/file;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/builders/file/FileBuilder.h"

#include "components/Descriptors.h"
#include "components/builders/file/MockCommunicator.h"
#include "components/builders/file/StepWriteTargetFile.h"
#include "engine/build/BuildContext.h"
#include "engine/build/StepProvision.h"
#include "engine/build/StepRunner.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor fileBuilderDescriptor()
{
    ConfigSchema s;
    s.add(Field::path("source", PathKind::File)
              .withHelp("A local file whose contents are copied to target. Exactly one of source "
                        "or content is required."));
    s.add(Field::path("target", PathKind::File)
              .markRequired()
              .withHelp("The path of the file to create; it becomes the artifact."));
    s.add(Field::string("content").withHelp(
        "The text to write to target, instead of copying a source file."));
    s.atMostOneOf({"source", "content"}, "Cannot specify source file AND content");

    ComponentDescriptor d;
    d.kind = ComponentKind::Builder;
    d.typeName = "file";
    d.displayName = "File";
    d.description = "Creates a file (from inline content or a copy of a source file) as the "
                    "artifact.";
    d.iconName = "builder-file";
    d.schema = s;
    d.create = [] { return std::make_unique<FileBuilder>(); };
    return d;
}

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

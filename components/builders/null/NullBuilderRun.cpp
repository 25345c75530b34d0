#include "components/builders/null/NullBuilder.h"
#include "engine/build/Artifact.h"
#include "engine/build/BuildContext.h"
#include "engine/build/StepConnect.h"
#include "engine/build/StepProvision.h"
#include "engine/build/StepRunner.h"

namespace kiln::components {

namespace {

class NullArtifact : public build::Artifact
{
public:
    QString builderId() const override { return QString::fromLatin1(NullBuilder::builderId); }
    QString id() const override { return QStringLiteral("Null"); }
    QStringList files() const override { return {}; }
    QString string() const override
    {
        return QStringLiteral("Did not export anything. This is the null builder");
    }
    QString destroy() override { return {}; }
};

} // namespace

build::PrepareResult NullBuilder::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

build::ArtifactPtr NullBuilder::run(build::BuildContext &ctx)
{
    ctx.generatedData.insert(QStringLiteral("ID"), QStringLiteral("Null"));
    build::StepRunner runner({std::make_shared<build::StepConnect>(m_settings.communicator,
                                  m_settings.ssh, m_settings.pauseBeforeConnectMs),
        std::make_shared<build::StepProvision>()});
    if (!runner.run(ctx))
        return nullptr;
    return std::make_shared<NullArtifact>();
}

} // namespace kiln::components

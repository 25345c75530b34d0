#include "components/postprocessors/shell-local/ShellLocalPostProcessor.h"

#include "engine/build/BuildContext.h"

namespace kiln::components {

build::PrepareResult ShellLocalPostProcessor::prepare(const build::ComponentConfig &config)
{
    return m_runner.prepare(config);
}

build::PostProcessResult ShellLocalPostProcessor::postProcess(
    build::BuildContext &ctx, const build::ArtifactPtr &input)
{
    QVariantMap generatedData;
    if (input)
        generatedData = input->state(QStringLiteral("generated_data")).toMap();
    build::PostProcessResult result;
    result.error = m_runner.run(
        ctx.ui.forComponent(QStringLiteral("shell-local")), ctx.cancel, generatedData);
    if (!result.error.isEmpty())
        return result;
    result.artifact = input;
    result.keep = true;
    result.forceOverride = true;
    return result;
}

} // namespace kiln::components

#include "components/postprocessors/shell-local/ShellLocalPostProcessor.h"

#include "components/shared/ShellLocalRunner.h"
#include "engine/build/BuildContext.h"

namespace kiln::components {

build::PrepareResult ShellLocalPostProcessor::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

build::PostProcessResult ShellLocalPostProcessor::postProcess(
    build::BuildContext &ctx, const build::ArtifactPtr &input)
{
    QVariantMap generatedData;
    if (input)
        generatedData = input->state(QStringLiteral("generated_data")).toMap();
    build::PostProcessResult result;
    result.error
        = ShellLocalRunner(m_settings)
              .run(ctx.ui.forComponent(QStringLiteral("shell-local")), ctx.cancel, generatedData);
    if (!result.error.isEmpty())
        return result;
    result.artifact = input;
    result.keep = true;
    result.forceOverride = true;
    return result;
}

} // namespace kiln::components

#include "engine/build/StepProvision.h"

#include "engine/build/BuildContext.h"
#include "engine/communicator/Communicator.h"

namespace kiln::build {

StepProvision::StepProvision(comm::Communicator *comm)
    : m_comm(comm)
{
}

void StepProvision::fillGeneratedData(BuildContext &ctx)
{
    auto setDefault = [&ctx](const QString &key, const QVariant &value) {
        if (!ctx.generatedData.contains(key))
            ctx.generatedData.insert(key, value);
    };
    setDefault(QStringLiteral("ID"), QStringLiteral("ERR_ID_NOT_IMPLEMENTED_BY_BUILDER"));
    setDefault(QStringLiteral("PackerRunUUID"), ctx.packerRunUuid);
    setDefault(QStringLiteral("PackerHTTPIP"), QStringLiteral("ERR_HTTP_IP_NOT_IMPLEMENTED_BY_BUILDER"));
    setDefault(QStringLiteral("PackerHTTPPort"), QStringLiteral("ERR_HTTP_PORT_NOT_IMPLEMENTED_BY_BUILDER"));
    setDefault(QStringLiteral("PackerHTTPAddr"), QStringLiteral("ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER"));
}

comm::Communicator *StepProvision::communicator(BuildContext &ctx) const
{
    if (m_comm)
        return m_comm;
    if (auto **c = ctx.state.get<comm::Communicator *>(QStringLiteral("communicator")))
        return *c;
    return nullptr;
}

StepAction StepProvision::run(BuildContext &ctx)
{
    fillGeneratedData(ctx);
    comm::Communicator *comm = communicator(ctx);
    m_provisioned = true;
    if (!ctx.provision)
        return StepAction::Continue;
    if (!comm) {
        ctx.fail(QStringLiteral("No communicator found for provisioners! This is usually because the\n"
                                "`communicator` config was set to \"none\". If you have any provisioners\n"
                                "then a communicator is required. Please fix this to continue."));
        return StepAction::Halt;
    }
    const QString error = ctx.provision(*comm);
    if (!error.isEmpty()) {
        ctx.fail(error);
        return StepAction::Halt;
    }
    return ctx.cancelled() ? StepAction::Halt : StepAction::Continue;
}

void StepProvision::cleanup(BuildContext &ctx)
{
    if (!m_provisioned || !ctx.failed())
        return;
    // Packer says this whenever the build failed after provisioning began, with or
    // without an error-cleanup-provisioner.
    ctx.ui.say(QStringLiteral("Provisioning step had errors: Running the cleanup provisioner, if present..."));
    comm::Communicator *comm = communicator(ctx);
    if (!comm || !ctx.cleanupProvision)
        return;
    const QString original = ctx.error();
    const QString error = ctx.cleanupProvision(*comm);
    if (!error.isEmpty()) {
        ctx.clearError();
        ctx.fail(QStringLiteral("Cleanup failed: %1. Original Provisioning error: %2").arg(error, original));
    }
}

} // namespace kiln::build

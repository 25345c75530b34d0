#include "components/builders/qemu/StepQemuDownload.h"

#include "components/shared/qemu/IsoDownloader.h"

namespace kiln::components {

build::StepAction StepQemuDownload::run(build::BuildContext &ctx)
{
    const QemuSettings &c = m_state.settings;
    if (c.isoSkipCache) {
        // QEMU reads the image over its curl block driver: nothing is downloaded.
        m_state.launch.isoPath = c.isoUrls.value(0);
        return build::StepAction::Continue;
    }
    IsoDownloader::Request request;
    request.urls = c.isoUrls;
    request.checksum = c.isoChecksum;
    request.targetPath = c.isoTargetPath;
    request.extension = c.isoTargetExtension;
    QString error;
    const QString path = IsoDownloader::fetch(request, ctx.ui, ctx.cancel, &error);
    if (path.isEmpty()) {
        ctx.fail(error);
        return build::StepAction::Halt;
    }
    m_state.launch.isoPath = path;
    return build::StepAction::Continue;
}

} // namespace kiln::components

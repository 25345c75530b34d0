#include "components/builders/qemu/QemuArtifact.h"
#include "components/builders/qemu/QemuBuildState.h"
#include "components/builders/qemu/QemuBuilder.h"
#include "components/builders/qemu/StepQemuBootCommand.h"
#include "components/builders/qemu/StepQemuConnect.h"
#include "components/builders/qemu/StepQemuConvertDisk.h"
#include "components/builders/qemu/StepQemuCreateDisk.h"
#include "components/builders/qemu/StepQemuDownload.h"
#include "components/builders/qemu/StepQemuHttpServer.h"
#include "components/builders/qemu/StepQemuOutputDir.h"
#include "components/builders/qemu/StepQemuPortForward.h"
#include "components/builders/qemu/StepQemuRun.h"
#include "components/builders/qemu/StepQemuShutdown.h"
#include "engine/build/StepProvision.h"
#include "engine/build/StepRunner.h"

#include <QDirIterator>
#include <QStandardPaths>

namespace kiln::components {

build::PrepareResult QemuBuilder::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

build::ArtifactPtr QemuBuilder::run(build::BuildContext &ctx)
{
    // Packer's newDriver: both programs must be on PATH before anything is made.
    for (const QString &program : {m_settings.qemuBinary, QStringLiteral("qemu-img")}) {
        if (QStandardPaths::findExecutable(program).isEmpty()) {
            ctx.fail(QStringLiteral(
                "Failed creating Qemu driver: exec: \"%1\": executable file not found in $PATH")
                         .arg(program));
            return nullptr;
        }
    }
    QemuBuildState state;
    state.settings = m_settings;
    build::StepRunner runner({
        std::make_shared<StepQemuDownload>(state),
        std::make_shared<StepQemuOutputDir>(state),
        std::make_shared<StepQemuCreateDisk>(state),
        std::make_shared<StepQemuHttpServer>(state),
        std::make_shared<StepQemuPortForward>(state),
        std::make_shared<StepQemuRun>(state),
        std::make_shared<StepQemuBootCommand>(state),
        std::make_shared<StepQemuConnect>(state),
        std::make_shared<build::StepProvision>(),
        std::make_shared<StepQemuShutdown>(state),
        std::make_shared<StepQemuConvertDisk>(state),
    });
    if (!runner.run(ctx))
        return nullptr;

    QStringList files;
    QDirIterator it(m_settings.outputDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (!(m_settings.efiDropEfivars && it.fileName() == QLatin1String("efivars.fd")))
            files << file;
    }
    files.sort();
    QVariantMap artifactState{
        {QStringLiteral("generated_data"), ctx.generatedData},
        {QStringLiteral("diskName"), m_settings.vmName},
        {QStringLiteral("diskPaths"), state.launch.diskPaths},
        {QStringLiteral("diskType"), m_settings.format},
        {QStringLiteral("diskSize"), m_settings.diskSize},
        {QStringLiteral("domainType"), m_settings.accelerator},
        // Not in Packer's state: the vagrant post-processor writes it as libvirt.disk_bus so
        // the box boots from the bus the image was built on.
        {QStringLiteral("diskInterface"), m_settings.diskInterface},
    };
    return std::make_shared<QemuArtifact>(m_settings.outputDir, files, artifactState);
}

} // namespace kiln::components

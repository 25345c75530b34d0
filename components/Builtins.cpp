#include "components/Builtins.h"

#include "components/Descriptors.h"

namespace kiln::components {

void registerBuiltins(kiln::registry::Registry &registry)
{
    // Registration order is the palette order within each kind.

    // Builders
    registry.add(nullBuilderDescriptor());
    registry.add(fileBuilderDescriptor());
    registry.add(dockerBuilderDescriptor());
    registry.add(qemuBuilderDescriptor());
    registry.add(amazonEbsBuilderDescriptor());
    registry.add(vmwareIsoBuilderDescriptor());
    registry.add(vmwareVmxBuilderDescriptor());
    registry.add(virtualboxIsoBuilderDescriptor());
    registry.add(virtualboxOvfBuilderDescriptor());

    // Provisioners
    registry.add(shellProvisionerDescriptor());
    registry.add(shellLocalProvisionerDescriptor());
    registry.add(fileProvisionerDescriptor());
    registry.add(breakpointProvisionerDescriptor());
    registry.add(sleepProvisionerDescriptor());
    registry.add(ansibleProvisionerDescriptor());
    registry.add(ansibleLocalProvisionerDescriptor());
    registry.add(puppetMasterlessProvisionerDescriptor());
    registry.add(puppetServerProvisionerDescriptor());
    registry.add(saltMasterlessProvisionerDescriptor());
    registry.add(chefSoloProvisionerDescriptor());
    registry.add(powershellProvisionerDescriptor());
    registry.add(windowsRestartProvisionerDescriptor());
    registry.add(windowsShellProvisionerDescriptor());

    // Post-processors
    registry.add(manifestPostProcessorDescriptor());
    registry.add(checksumPostProcessorDescriptor());
    registry.add(compressPostProcessorDescriptor());
    registry.add(shellLocalPostProcessorDescriptor());
    registry.add(artificePostProcessorDescriptor());
    registry.add(vagrantPostProcessorDescriptor());
    registry.add(imageConvertPostProcessorDescriptor());
    registry.add(dockerImportPostProcessorDescriptor());
    registry.add(dockerTagPostProcessorDescriptor());
    registry.add(dockerPushPostProcessorDescriptor());
    registry.add(dockerSavePostProcessorDescriptor());
    registry.add(amazonImportPostProcessorDescriptor());
    registry.add(s3UploadPostProcessorDescriptor());
    registry.add(sftpUploadPostProcessorDescriptor());

    // Data sources
    registry.add(httpDataSourceDescriptor());
    registry.add(nullDataSourceDescriptor());
    registry.add(amazonAmiDataSourceDescriptor());
    registry.add(amazonSecretsmanagerDataSourceDescriptor());
    registry.add(amazonParameterstoreDataSourceDescriptor());
}

} // namespace kiln::components

#include "components/BuiltinDescriptions.h"

#include "components/Descriptions.h"

namespace kiln::components {

void registerBuiltinDescriptions(kiln::registry::Registry &registry)
{
    // Registration order is the palette order within each kind.

    // Builders
    registry.add(nullBuilderDescription());
    registry.add(fileBuilderDescription());
    registry.add(dockerBuilderDescription());
    registry.add(qemuBuilderDescription());
    registry.add(amazonEbsBuilderDescription());
    registry.add(vmwareIsoBuilderDescription());
    registry.add(vmwareVmxBuilderDescription());
    registry.add(virtualboxIsoBuilderDescription());
    registry.add(virtualboxOvfBuilderDescription());

    // Provisioners
    registry.add(shellProvisionerDescription());
    registry.add(shellLocalProvisionerDescription());
    registry.add(fileProvisionerDescription());
    registry.add(breakpointProvisionerDescription());
    registry.add(sleepProvisionerDescription());
    registry.add(ansibleProvisionerDescription());
    registry.add(ansibleLocalProvisionerDescription());
    registry.add(puppetMasterlessProvisionerDescription());
    registry.add(puppetServerProvisionerDescription());
    registry.add(saltMasterlessProvisionerDescription());
    registry.add(chefSoloProvisionerDescription());
    registry.add(powershellProvisionerDescription());
    registry.add(windowsRestartProvisionerDescription());
    registry.add(windowsShellProvisionerDescription());

    // Post-processors
    registry.add(manifestPostProcessorDescription());
    registry.add(checksumPostProcessorDescription());
    registry.add(compressPostProcessorDescription());
    registry.add(shellLocalPostProcessorDescription());
    registry.add(artificePostProcessorDescription());
    registry.add(vagrantPostProcessorDescription());
    registry.add(imageConvertPostProcessorDescription());
    registry.add(dockerImportPostProcessorDescription());
    registry.add(dockerTagPostProcessorDescription());
    registry.add(dockerPushPostProcessorDescription());
    registry.add(dockerSavePostProcessorDescription());
    registry.add(amazonImportPostProcessorDescription());
    registry.add(s3UploadPostProcessorDescription());
    registry.add(sftpUploadPostProcessorDescription());

    // Data sources
    registry.add(httpDataSourceDescription());
    registry.add(nullDataSourceDescription());
    registry.add(amazonAmiDataSourceDescription());
    registry.add(amazonSecretsmanagerDataSourceDescription());
    registry.add(amazonParameterstoreDataSourceDescription());
}

} // namespace kiln::components

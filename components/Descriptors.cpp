#include "components/Descriptors.h"

#include "components/BuiltinFactories.h"
#include "components/Descriptions.h"

namespace kiln::components {

using registry::ComponentDescriptor;

ComponentDescriptor nullBuilderDescriptor()
{
    return runnableDescriptor(nullBuilderDescription);
}

ComponentDescriptor fileBuilderDescriptor()
{
    return runnableDescriptor(fileBuilderDescription);
}

ComponentDescriptor dockerBuilderDescriptor()
{
    return runnableDescriptor(dockerBuilderDescription);
}

ComponentDescriptor qemuBuilderDescriptor()
{
    return runnableDescriptor(qemuBuilderDescription);
}

ComponentDescriptor amazonEbsBuilderDescriptor()
{
    return runnableDescriptor(amazonEbsBuilderDescription);
}

ComponentDescriptor vmwareIsoBuilderDescriptor()
{
    return runnableDescriptor(vmwareIsoBuilderDescription);
}

ComponentDescriptor vmwareVmxBuilderDescriptor()
{
    return runnableDescriptor(vmwareVmxBuilderDescription);
}

ComponentDescriptor virtualboxIsoBuilderDescriptor()
{
    return runnableDescriptor(virtualboxIsoBuilderDescription);
}

ComponentDescriptor virtualboxOvfBuilderDescriptor()
{
    return runnableDescriptor(virtualboxOvfBuilderDescription);
}

ComponentDescriptor shellProvisionerDescriptor()
{
    return runnableDescriptor(shellProvisionerDescription);
}

ComponentDescriptor shellLocalProvisionerDescriptor()
{
    return runnableDescriptor(shellLocalProvisionerDescription);
}

ComponentDescriptor fileProvisionerDescriptor()
{
    return runnableDescriptor(fileProvisionerDescription);
}

ComponentDescriptor breakpointProvisionerDescriptor()
{
    return runnableDescriptor(breakpointProvisionerDescription);
}

ComponentDescriptor sleepProvisionerDescriptor()
{
    return runnableDescriptor(sleepProvisionerDescription);
}

ComponentDescriptor ansibleProvisionerDescriptor()
{
    return runnableDescriptor(ansibleProvisionerDescription);
}

ComponentDescriptor ansibleLocalProvisionerDescriptor()
{
    return runnableDescriptor(ansibleLocalProvisionerDescription);
}

ComponentDescriptor puppetMasterlessProvisionerDescriptor()
{
    return runnableDescriptor(puppetMasterlessProvisionerDescription);
}

ComponentDescriptor puppetServerProvisionerDescriptor()
{
    return runnableDescriptor(puppetServerProvisionerDescription);
}

ComponentDescriptor saltMasterlessProvisionerDescriptor()
{
    return runnableDescriptor(saltMasterlessProvisionerDescription);
}

ComponentDescriptor chefSoloProvisionerDescriptor()
{
    return runnableDescriptor(chefSoloProvisionerDescription);
}

ComponentDescriptor powershellProvisionerDescriptor()
{
    return runnableDescriptor(powershellProvisionerDescription);
}

ComponentDescriptor windowsRestartProvisionerDescriptor()
{
    return runnableDescriptor(windowsRestartProvisionerDescription);
}

ComponentDescriptor windowsShellProvisionerDescriptor()
{
    return runnableDescriptor(windowsShellProvisionerDescription);
}

ComponentDescriptor manifestPostProcessorDescriptor()
{
    return runnableDescriptor(manifestPostProcessorDescription);
}

ComponentDescriptor checksumPostProcessorDescriptor()
{
    return runnableDescriptor(checksumPostProcessorDescription);
}

ComponentDescriptor compressPostProcessorDescriptor()
{
    return runnableDescriptor(compressPostProcessorDescription);
}

ComponentDescriptor shellLocalPostProcessorDescriptor()
{
    return runnableDescriptor(shellLocalPostProcessorDescription);
}

ComponentDescriptor artificePostProcessorDescriptor()
{
    return runnableDescriptor(artificePostProcessorDescription);
}

ComponentDescriptor vagrantPostProcessorDescriptor()
{
    return runnableDescriptor(vagrantPostProcessorDescription);
}

ComponentDescriptor imageConvertPostProcessorDescriptor()
{
    return runnableDescriptor(imageConvertPostProcessorDescription);
}

ComponentDescriptor dockerImportPostProcessorDescriptor()
{
    return runnableDescriptor(dockerImportPostProcessorDescription);
}

ComponentDescriptor dockerTagPostProcessorDescriptor()
{
    return runnableDescriptor(dockerTagPostProcessorDescription);
}

ComponentDescriptor dockerPushPostProcessorDescriptor()
{
    return runnableDescriptor(dockerPushPostProcessorDescription);
}

ComponentDescriptor dockerSavePostProcessorDescriptor()
{
    return runnableDescriptor(dockerSavePostProcessorDescription);
}

ComponentDescriptor amazonImportPostProcessorDescriptor()
{
    return runnableDescriptor(amazonImportPostProcessorDescription);
}

ComponentDescriptor s3UploadPostProcessorDescriptor()
{
    return runnableDescriptor(s3UploadPostProcessorDescription);
}

ComponentDescriptor sftpUploadPostProcessorDescriptor()
{
    return runnableDescriptor(sftpUploadPostProcessorDescription);
}

ComponentDescriptor httpDataSourceDescriptor()
{
    return runnableDescriptor(httpDataSourceDescription);
}

ComponentDescriptor nullDataSourceDescriptor()
{
    return runnableDescriptor(nullDataSourceDescription);
}

ComponentDescriptor amazonAmiDataSourceDescriptor()
{
    return runnableDescriptor(amazonAmiDataSourceDescription);
}

ComponentDescriptor amazonSecretsmanagerDataSourceDescriptor()
{
    return runnableDescriptor(amazonSecretsmanagerDataSourceDescription);
}

ComponentDescriptor amazonParameterstoreDataSourceDescriptor()
{
    return runnableDescriptor(amazonParameterstoreDataSourceDescription);
}

} // namespace kiln::components

#pragma once

#include "engine/registry/ComponentDescriptor.h"

// The runnable built-in components: each one's description (components/Descriptions.h)
// with its factory attached (components/BuiltinFactories.cpp, in kiln_components, which
// links the implementations). Components Kiln only describes have no factory.
// Only tests call these; everything else goes through the Registry.

namespace kiln::components {

// Builders
kiln::registry::ComponentDescriptor nullBuilderDescriptor();
kiln::registry::ComponentDescriptor fileBuilderDescriptor();
kiln::registry::ComponentDescriptor dockerBuilderDescriptor();
kiln::registry::ComponentDescriptor qemuBuilderDescriptor();
kiln::registry::ComponentDescriptor amazonEbsBuilderDescriptor();
kiln::registry::ComponentDescriptor vmwareIsoBuilderDescriptor();
kiln::registry::ComponentDescriptor vmwareVmxBuilderDescriptor();
kiln::registry::ComponentDescriptor virtualboxIsoBuilderDescriptor();
kiln::registry::ComponentDescriptor virtualboxOvfBuilderDescriptor();

// Provisioners
kiln::registry::ComponentDescriptor shellProvisionerDescriptor();
kiln::registry::ComponentDescriptor shellLocalProvisionerDescriptor();
kiln::registry::ComponentDescriptor fileProvisionerDescriptor();
kiln::registry::ComponentDescriptor breakpointProvisionerDescriptor();
kiln::registry::ComponentDescriptor sleepProvisionerDescriptor();
kiln::registry::ComponentDescriptor ansibleProvisionerDescriptor();
kiln::registry::ComponentDescriptor ansibleLocalProvisionerDescriptor();
kiln::registry::ComponentDescriptor puppetMasterlessProvisionerDescriptor();
kiln::registry::ComponentDescriptor puppetServerProvisionerDescriptor();
kiln::registry::ComponentDescriptor saltMasterlessProvisionerDescriptor();
kiln::registry::ComponentDescriptor chefSoloProvisionerDescriptor();
kiln::registry::ComponentDescriptor powershellProvisionerDescriptor();
kiln::registry::ComponentDescriptor windowsRestartProvisionerDescriptor();
kiln::registry::ComponentDescriptor windowsShellProvisionerDescriptor();

// Post-processors
kiln::registry::ComponentDescriptor manifestPostProcessorDescriptor();
kiln::registry::ComponentDescriptor checksumPostProcessorDescriptor();
kiln::registry::ComponentDescriptor compressPostProcessorDescriptor();
kiln::registry::ComponentDescriptor shellLocalPostProcessorDescriptor();
kiln::registry::ComponentDescriptor artificePostProcessorDescriptor();
kiln::registry::ComponentDescriptor vagrantPostProcessorDescriptor();
kiln::registry::ComponentDescriptor imageConvertPostProcessorDescriptor();
kiln::registry::ComponentDescriptor dockerImportPostProcessorDescriptor();
kiln::registry::ComponentDescriptor dockerTagPostProcessorDescriptor();
kiln::registry::ComponentDescriptor dockerPushPostProcessorDescriptor();
kiln::registry::ComponentDescriptor dockerSavePostProcessorDescriptor();
kiln::registry::ComponentDescriptor amazonImportPostProcessorDescriptor();
kiln::registry::ComponentDescriptor s3UploadPostProcessorDescriptor();
kiln::registry::ComponentDescriptor sftpUploadPostProcessorDescriptor();

// Data sources
kiln::registry::ComponentDescriptor httpDataSourceDescriptor();
kiln::registry::ComponentDescriptor nullDataSourceDescriptor();
kiln::registry::ComponentDescriptor amazonAmiDataSourceDescriptor();
kiln::registry::ComponentDescriptor amazonSecretsmanagerDataSourceDescriptor();
kiln::registry::ComponentDescriptor amazonParameterstoreDataSourceDescriptor();

} // namespace kiln::components

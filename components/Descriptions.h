#pragma once

#include "engine/registry/ComponentDescriptor.h"

// What Kiln knows about each built-in component without running it: kind, names, icon,
// configuration schema and outputs. One function per component, each in its own
// components/<kind>/<type>/*Descriptor.cpp; they make up kiln_component_schemas, which
// links no implementation, so the kiln executable can validate without the runtime.
// The descriptions carry no factory: components/Descriptors.h has the runnable ones.
// Only registerBuiltinDescriptions() and tests call these; everything else goes
// through the Registry.

namespace kiln::components {

// Builders
kiln::registry::ComponentDescriptor nullBuilderDescription();
kiln::registry::ComponentDescriptor fileBuilderDescription();
kiln::registry::ComponentDescriptor dockerBuilderDescription();
kiln::registry::ComponentDescriptor qemuBuilderDescription();
kiln::registry::ComponentDescriptor amazonEbsBuilderDescription();
kiln::registry::ComponentDescriptor vmwareIsoBuilderDescription();
kiln::registry::ComponentDescriptor vmwareVmxBuilderDescription();
kiln::registry::ComponentDescriptor virtualboxIsoBuilderDescription();
kiln::registry::ComponentDescriptor virtualboxOvfBuilderDescription();

// Provisioners
kiln::registry::ComponentDescriptor shellProvisionerDescription();
kiln::registry::ComponentDescriptor shellLocalProvisionerDescription();
kiln::registry::ComponentDescriptor fileProvisionerDescription();
kiln::registry::ComponentDescriptor breakpointProvisionerDescription();
kiln::registry::ComponentDescriptor sleepProvisionerDescription();
kiln::registry::ComponentDescriptor ansibleProvisionerDescription();
kiln::registry::ComponentDescriptor ansibleLocalProvisionerDescription();
kiln::registry::ComponentDescriptor puppetMasterlessProvisionerDescription();
kiln::registry::ComponentDescriptor puppetServerProvisionerDescription();
kiln::registry::ComponentDescriptor saltMasterlessProvisionerDescription();
kiln::registry::ComponentDescriptor chefSoloProvisionerDescription();
kiln::registry::ComponentDescriptor powershellProvisionerDescription();
kiln::registry::ComponentDescriptor windowsRestartProvisionerDescription();
kiln::registry::ComponentDescriptor windowsShellProvisionerDescription();

// Post-processors
kiln::registry::ComponentDescriptor manifestPostProcessorDescription();
kiln::registry::ComponentDescriptor checksumPostProcessorDescription();
kiln::registry::ComponentDescriptor compressPostProcessorDescription();
kiln::registry::ComponentDescriptor shellLocalPostProcessorDescription();
kiln::registry::ComponentDescriptor artificePostProcessorDescription();
kiln::registry::ComponentDescriptor vagrantPostProcessorDescription();
kiln::registry::ComponentDescriptor imageConvertPostProcessorDescription();
kiln::registry::ComponentDescriptor dockerImportPostProcessorDescription();
kiln::registry::ComponentDescriptor dockerTagPostProcessorDescription();
kiln::registry::ComponentDescriptor dockerPushPostProcessorDescription();
kiln::registry::ComponentDescriptor dockerSavePostProcessorDescription();
kiln::registry::ComponentDescriptor amazonImportPostProcessorDescription();
kiln::registry::ComponentDescriptor s3UploadPostProcessorDescription();
kiln::registry::ComponentDescriptor sftpUploadPostProcessorDescription();

// Data sources
kiln::registry::ComponentDescriptor httpDataSourceDescription();
kiln::registry::ComponentDescriptor nullDataSourceDescription();
kiln::registry::ComponentDescriptor amazonAmiDataSourceDescription();
kiln::registry::ComponentDescriptor amazonSecretsmanagerDataSourceDescription();
kiln::registry::ComponentDescriptor amazonParameterstoreDataSourceDescription();

} // namespace kiln::components

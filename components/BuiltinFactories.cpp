#include "components/BuiltinFactories.h"

#include "components/BuiltinDescriptions.h"
#include "components/Descriptions.h"
#include "components/builders/docker/DockerBuilder.h"
#include "components/builders/file/FileBuilder.h"
#include "components/builders/null/NullBuilder.h"
#include "components/builders/qemu/QemuBuilder.h"
#include "components/datasources/http/HttpDataSource.h"
#include "components/datasources/null/NullDataSource.h"
#include "components/postprocessors/artifice/ArtificePostProcessor.h"
#include "components/postprocessors/checksum/ChecksumPostProcessor.h"
#include "components/postprocessors/compress/CompressPostProcessor.h"
#include "components/postprocessors/docker-import/DockerImportPostProcessor.h"
#include "components/postprocessors/docker-push/DockerPushPostProcessor.h"
#include "components/postprocessors/docker-save/DockerSavePostProcessor.h"
#include "components/postprocessors/docker-tag/DockerTagPostProcessor.h"
#include "components/postprocessors/image-convert/ImageConvertPostProcessor.h"
#include "components/postprocessors/manifest/ManifestPostProcessor.h"
#include "components/postprocessors/s3-upload/S3UploadPostProcessor.h"
#include "components/postprocessors/sftp-upload/SftpUploadPostProcessor.h"
#include "components/postprocessors/shell-local/ShellLocalPostProcessor.h"
#include "components/postprocessors/vagrant/VagrantPostProcessor.h"
#include "components/provisioners/ansible-local/AnsibleLocalProvisioner.h"
#include "components/provisioners/ansible/AnsibleProvisioner.h"
#include "components/provisioners/breakpoint/BreakpointProvisioner.h"
#include "components/provisioners/chef-solo/ChefSoloProvisioner.h"
#include "components/provisioners/file/FileProvisioner.h"
#include "components/provisioners/puppet-masterless/PuppetMasterlessProvisioner.h"
#include "components/provisioners/puppet-server/PuppetServerProvisioner.h"
#include "components/provisioners/salt-masterless/SaltMasterlessProvisioner.h"
#include "components/provisioners/shell-local/ShellLocalProvisioner.h"
#include "components/provisioners/shell/ShellProvisioner.h"
#include "components/provisioners/sleep/SleepProvisioner.h"

#include <memory>

namespace kiln::components {

using registry::ComponentDescriptor;
using registry::ComponentFactory;

namespace {

template <typename T> ComponentFactory factory()
{
    return [] { return std::make_unique<T>(); };
}

} // namespace

const QList<BuiltinFactory> &builtinFactories()
{
    // In registration (palette) order, like registerBuiltinDescriptions().
    static const QList<BuiltinFactory> all = {
        {nullBuilderDescription, factory<NullBuilder>()},
        {fileBuilderDescription, factory<FileBuilder>()},
        {dockerBuilderDescription, factory<DockerBuilder>()},
        {qemuBuilderDescription, factory<QemuBuilder>()},
        {shellProvisionerDescription, factory<ShellProvisioner>()},
        {shellLocalProvisionerDescription, factory<ShellLocalProvisioner>()},
        {fileProvisionerDescription, factory<FileProvisioner>()},
        {breakpointProvisionerDescription, factory<BreakpointProvisioner>()},
        {sleepProvisionerDescription, factory<SleepProvisioner>()},
        {ansibleProvisionerDescription, factory<AnsibleProvisioner>()},
        {ansibleLocalProvisionerDescription, factory<AnsibleLocalProvisioner>()},
        {puppetMasterlessProvisionerDescription, factory<PuppetMasterlessProvisioner>()},
        {puppetServerProvisionerDescription, factory<PuppetServerProvisioner>()},
        {saltMasterlessProvisionerDescription, factory<SaltMasterlessProvisioner>()},
        {chefSoloProvisionerDescription, factory<ChefSoloProvisioner>()},
        {manifestPostProcessorDescription, factory<ManifestPostProcessor>()},
        {checksumPostProcessorDescription, factory<ChecksumPostProcessor>()},
        {compressPostProcessorDescription, factory<CompressPostProcessor>()},
        {shellLocalPostProcessorDescription, factory<ShellLocalPostProcessor>()},
        {artificePostProcessorDescription, factory<ArtificePostProcessor>()},
        {vagrantPostProcessorDescription, factory<VagrantPostProcessor>()},
        {imageConvertPostProcessorDescription, factory<ImageConvertPostProcessor>()},
        {dockerImportPostProcessorDescription, factory<DockerImportPostProcessor>()},
        {dockerTagPostProcessorDescription, factory<DockerTagPostProcessor>()},
        {dockerPushPostProcessorDescription, factory<DockerPushPostProcessor>()},
        {dockerSavePostProcessorDescription, factory<DockerSavePostProcessor>()},
        {s3UploadPostProcessorDescription, factory<S3UploadPostProcessor>()},
        {sftpUploadPostProcessorDescription, factory<SftpUploadPostProcessor>()},
        {httpDataSourceDescription, factory<HttpDataSource>()},
        {nullDataSourceDescription, factory<NullDataSource>()},
    };
    return all;
}

void attachBuiltinFactories(registry::Registry &registry)
{
    for (const BuiltinFactory &f : builtinFactories())
        for (const BuiltinDescription &b : builtinDescriptions())
            if (b.describe == f.describe)
                registry.setFactory(b.kind, QString::fromLatin1(b.typeName), f.create);
}

ComponentDescriptor runnableDescriptor(ComponentDescriptor (*describe)())
{
    ComponentDescriptor d = describe();
    for (const BuiltinFactory &f : builtinFactories()) {
        if (f.describe == describe) {
            d.create = f.create;
            break;
        }
    }
    return d;
}

} // namespace kiln::components

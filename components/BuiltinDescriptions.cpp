#include "components/BuiltinDescriptions.h"

#include "components/Descriptions.h"

namespace kiln::components {

using registry::ComponentKind;

const QList<BuiltinDescription> &builtinDescriptions()
{
    // Registration order is the palette order within each kind.
    static const QList<BuiltinDescription> all = {
        // Builders
        {ComponentKind::Builder, "null", nullBuilderDescription},
        {ComponentKind::Builder, "file", fileBuilderDescription},
        {ComponentKind::Builder, "docker", dockerBuilderDescription},
        {ComponentKind::Builder, "qemu", qemuBuilderDescription},
        {ComponentKind::Builder, "amazon-ebs", amazonEbsBuilderDescription},
        {ComponentKind::Builder, "vmware-iso", vmwareIsoBuilderDescription},
        {ComponentKind::Builder, "vmware-vmx", vmwareVmxBuilderDescription},
        {ComponentKind::Builder, "virtualbox-iso", virtualboxIsoBuilderDescription},
        {ComponentKind::Builder, "virtualbox-ovf", virtualboxOvfBuilderDescription},

        // Provisioners
        {ComponentKind::Provisioner, "shell", shellProvisionerDescription},
        {ComponentKind::Provisioner, "shell-local", shellLocalProvisionerDescription},
        {ComponentKind::Provisioner, "file", fileProvisionerDescription},
        {ComponentKind::Provisioner, "breakpoint", breakpointProvisionerDescription},
        {ComponentKind::Provisioner, "sleep", sleepProvisionerDescription},
        {ComponentKind::Provisioner, "ansible", ansibleProvisionerDescription},
        {ComponentKind::Provisioner, "ansible-local", ansibleLocalProvisionerDescription},
        {ComponentKind::Provisioner, "puppet-masterless", puppetMasterlessProvisionerDescription},
        {ComponentKind::Provisioner, "puppet-server", puppetServerProvisionerDescription},
        {ComponentKind::Provisioner, "salt-masterless", saltMasterlessProvisionerDescription},
        {ComponentKind::Provisioner, "chef-solo", chefSoloProvisionerDescription},
        {ComponentKind::Provisioner, "powershell", powershellProvisionerDescription},
        {ComponentKind::Provisioner, "windows-restart", windowsRestartProvisionerDescription},
        {ComponentKind::Provisioner, "windows-shell", windowsShellProvisionerDescription},

        // Post-processors
        {ComponentKind::PostProcessor, "manifest", manifestPostProcessorDescription},
        {ComponentKind::PostProcessor, "checksum", checksumPostProcessorDescription},
        {ComponentKind::PostProcessor, "compress", compressPostProcessorDescription},
        {ComponentKind::PostProcessor, "shell-local", shellLocalPostProcessorDescription},
        {ComponentKind::PostProcessor, "artifice", artificePostProcessorDescription},
        {ComponentKind::PostProcessor, "vagrant", vagrantPostProcessorDescription},
        {ComponentKind::PostProcessor, "image-convert", imageConvertPostProcessorDescription},
        {ComponentKind::PostProcessor, "docker-import", dockerImportPostProcessorDescription},
        {ComponentKind::PostProcessor, "docker-tag", dockerTagPostProcessorDescription},
        {ComponentKind::PostProcessor, "docker-push", dockerPushPostProcessorDescription},
        {ComponentKind::PostProcessor, "docker-save", dockerSavePostProcessorDescription},
        {ComponentKind::PostProcessor, "amazon-import", amazonImportPostProcessorDescription},
        {ComponentKind::PostProcessor, "s3-upload", s3UploadPostProcessorDescription},
        {ComponentKind::PostProcessor, "sftp-upload", sftpUploadPostProcessorDescription},

        // Data sources
        {ComponentKind::DataSource, "http", httpDataSourceDescription},
        {ComponentKind::DataSource, "null", nullDataSourceDescription},
        {ComponentKind::DataSource, "amazon-ami", amazonAmiDataSourceDescription},
        {ComponentKind::DataSource, "amazon-secretsmanager",
            amazonSecretsmanagerDataSourceDescription},
        {ComponentKind::DataSource, "amazon-parameterstore",
            amazonParameterstoreDataSourceDescription},
    };
    return all;
}

void registerBuiltinDescriptions(kiln::registry::Registry &registry)
{
    // Each description is made when first needed: validating a template builds the
    // schemas of the components it uses, not of all of them.
    for (const BuiltinDescription &b : builtinDescriptions())
        registry.add(b.kind, QString::fromLatin1(b.typeName), b.describe);
}

} // namespace kiln::components

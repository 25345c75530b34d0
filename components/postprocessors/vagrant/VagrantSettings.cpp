#include "components/postprocessors/vagrant/VagrantSettings.h"

#include "engine/template/legacy/Interpolator.h"

#include <QFileInfo>

namespace kiln::components {

using tmpl::legacy::Interpolator;

const QHash<QString, QString> &VagrantSettings::builderProviders()
{
    static const QHash<QString, QString> map{
        {QStringLiteral("mitchellh.amazonebs"), QStringLiteral("aws")},
        {QStringLiteral("mitchellh.amazon.instance"), QStringLiteral("aws")},
        {QStringLiteral("mitchellh.virtualbox"), QStringLiteral("virtualbox")},
        {QStringLiteral("mitchellh.vmware"), QStringLiteral("vmware")},
        {QStringLiteral("mitchellh.vmware-esx"), QStringLiteral("vmware")},
        {QStringLiteral("pearkes.digitalocean"), QStringLiteral("digitalocean")},
        {QStringLiteral("packer.googlecompute"), QStringLiteral("google")},
        {QStringLiteral("hashicorp.scaleway"), QStringLiteral("scaleway")},
        {QStringLiteral("packer.parallels"), QStringLiteral("parallels")},
        {QStringLiteral("MSOpenTech.hyperv"), QStringLiteral("hyperv")},
        {QStringLiteral("transcend.qemu"), QStringLiteral("libvirt")},
        {QStringLiteral("ustream.lxc"), QStringLiteral("lxc")},
        {QStringLiteral("Azure.ResourceManagement.VMImage"), QStringLiteral("azure")},
        {QStringLiteral("packer.post-processor.docker-import"), QStringLiteral("docker")},
        {QStringLiteral("packer.post-processor.docker-tag"), QStringLiteral("docker")},
        {QStringLiteral("packer.post-processor.docker-push"), QStringLiteral("docker")},
    };
    return map;
}

QStringList VagrantSettings::knownProviders()
{
    QStringList names;
    for (const QString &p : builderProviders())
        if (!names.contains(p))
            names << p;
    names.sort();
    return names;
}

build::PrepareResult VagrantSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    interpolation = config.interpolation;
    result.errors << readOptions(config);
    overrides = config.value(QStringLiteral("override"));
    providerOverride = config.string(QStringLiteral("provider_override"));
    if (!providerOverride.isEmpty() && !knownProviders().contains(providerOverride)) {
        result.errors << QStringLiteral(
            "The given provider_override %1 is not valid. Please choose from one of %2")
                             .arg(providerOverride, knownProviders().join(QStringLiteral(", ")));
    }
    if (const auto error = Interpolator::validate(output, interpolation))
        result.errors << QStringLiteral("Error parsing output template: %1").arg(error->message);
    return result;
}

QStringList VagrantSettings::readOptions(const build::ComponentConfig &config)
{
    QStringList errors;
    if (config.has(QStringLiteral("compression_level"))) {
        const qint64 level = config.integer(QStringLiteral("compression_level"), -1);
        // pgzip's accepted range, checked up front rather than when the box is written.
        if (level < -1 || level > 9)
            errors << QStringLiteral(
                "Invalid compression level. Expected an integer from -1 to 9.");
        compressionLevel = int(qBound(qint64(-1), level, qint64(9)));
    }
    if (config.has(QStringLiteral("include")))
        include = config.stringList(QStringLiteral("include"));
    if (!config.string(QStringLiteral("output")).isEmpty())
        output = config.string(QStringLiteral("output"));
    if (config.has(QStringLiteral("vagrantfile_template")))
        vagrantfileTemplate = config.string(QStringLiteral("vagrantfile_template"));
    if (config.has(QStringLiteral("vagrantfile_template_generated")))
        vagrantfileTemplateGenerated
            = config.boolean(QStringLiteral("vagrantfile_template_generated"));
    if (config.has(QStringLiteral("architecture")))
        architecture = config.string(QStringLiteral("architecture"));
    if (!vagrantfileTemplate.isEmpty() && !vagrantfileTemplateGenerated
        && !QFileInfo::exists(vagrantfileTemplate))
        errors
            << QStringLiteral("vagrantfile_template '%1' does not exist").arg(vagrantfileTemplate);
    return errors;
}

} // namespace kiln::components

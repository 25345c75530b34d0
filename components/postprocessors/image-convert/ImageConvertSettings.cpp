#include "components/postprocessors/image-convert/ImageConvertSettings.h"

#include "components/postprocessors/image-convert/VmdkSubformats.h"
#include "engine/template/legacy/Interpolator.h"

namespace kiln::components {

namespace {

QString oneOf(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted << QLatin1Char('"') + v + QLatin1Char('"');
    return quoted.join(QStringLiteral(", "));
}

// Reads an enumerated option, recording an error for a value outside `allowed`.
QString choice(const build::ComponentConfig &config, const QString &key, const QString &fallback,
    const QStringList &allowed, QStringList *errors)
{
    const QString value = config.string(key, fallback);
    if (!allowed.contains(value))
        *errors
            << QStringLiteral("%1 must be one of %2, got \"%3\"").arg(key, oneOf(allowed), value);
    return value;
}

} // namespace

QStringList ImageConvertSettings::knownFormats()
{
    return {QStringLiteral("vmdk"), QStringLiteral("vhdx"), QStringLiteral("vdi"),
        QStringLiteral("raw"), QStringLiteral("qcow2")};
}

QStringList ImageConvertSettings::vmdkSubformats()
{
    return vmdkSubformatNames();
}

build::PrepareResult ImageConvertSettings::read(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    interpolation = config.interpolation;
    QStringList &errors = result.errors;
    for (const QString &format : config.stringList(QStringLiteral("formats"))) {
        if (!knownFormats().contains(format))
            errors << QStringLiteral("formats: unknown format \"%1\"; expected one of %2")
                          .arg(format, oneOf(knownFormats()));
        else if (formats.contains(format))
            errors << QStringLiteral("formats: \"%1\" is listed twice").arg(format);
        else
            formats << format;
    }
    if (formats.isEmpty() && errors.isEmpty())
        errors << QStringLiteral("formats must list at least one of %1").arg(oneOf(knownFormats()));

    outputDirectory = config.string(
        QStringLiteral("output_directory"), QString::fromLatin1(DefaultOutputDirectory));
    if (const auto error
        = tmpl::legacy::Interpolator::validate(outputDirectory, config.interpolation))
        errors << QStringLiteral("Error parsing output_directory template: %1").arg(error->message);
    vmName = config.string(QStringLiteral("vm_name"));
    if (vmName.contains(QLatin1Char('/')))
        errors << QStringLiteral("vm_name must be a file name, not a path: \"%1\"").arg(vmName);

    vmdkSubformat = choice(
        config, QStringLiteral("vmdk_subformat"), vmdkSubformat, vmdkSubformats(), &errors);
    vmdkAdapterType = choice(config, QStringLiteral("vmdk_adapter_type"), vmdkAdapterType,
        {QStringLiteral("lsilogic"), QStringLiteral("ide"), QStringLiteral("buslogic")}, &errors);
    vhdxSubformat = choice(config, QStringLiteral("vhdx_subformat"), vhdxSubformat,
        {QStringLiteral("dynamic"), QStringLiteral("fixed")}, &errors);
    vdiSubformat = choice(config, QStringLiteral("vdi_subformat"), vdiSubformat,
        {QStringLiteral("dynamic"), QStringLiteral("fixed")}, &errors);
    qcow2Compression = config.boolean(QStringLiteral("qcow2_compression"), false);

    ova = config.boolean(QStringLiteral("ova"), true);
    ovfName = config.string(QStringLiteral("ovf_name"));
    ovfCpus = int(config.integer(QStringLiteral("ovf_cpus"), 1));
    ovfMemoryMb = int(config.integer(QStringLiteral("ovf_memory"), 1024));
    if (ovfCpus < 1)
        errors << QStringLiteral("ovf_cpus must be at least 1, got %1").arg(ovfCpus);
    if (ovfMemoryMb < 4)
        errors << QStringLiteral("ovf_memory must be at least 4 (MB), got %1").arg(ovfMemoryMb);
    // An OVA's disk must be streamable: VMware and VirtualBox only import streamOptimized
    // disks from one, and the OVF names the subformat.
    if (writesOva() && vmdkSubformat != QLatin1String("streamOptimized"))
        errors << QStringLiteral(
            "ova requires vmdk_subformat \"streamOptimized\", got \"%1\"; set ova = false "
            "to write a %1 vmdk alone")
                      .arg(vmdkSubformat);
    return result;
}

QStringList ImageConvertSettings::qemuImgOptions(const QString &format) const
{
    if (format == QLatin1String("vmdk"))
        return {QStringLiteral("subformat=") + vmdkSubformat,
            QStringLiteral("adapter_type=") + vmdkAdapterType};
    if (format == QLatin1String("vhdx"))
        return {QStringLiteral("subformat=") + vhdxSubformat};
    if (format == QLatin1String("vdi") && vdiSubformat == QLatin1String("fixed"))
        return {QStringLiteral("static=on")};
    return {};
}

} // namespace kiln::components

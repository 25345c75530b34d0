#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"
#include "engine/template/legacy/InterpolateContext.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// The image-convert post-processor's configuration, validated. One disk image in, one file
// per entry of `formats` out (plus an OVF descriptor, manifest and OVA next to a VMware disk).
struct ImageConvertSettings
{
    // Output formats in the order given, each at most once: vmdk, vhdx, vdi, raw, qcow2.
    QStringList formats;
    QString outputDirectory; // a Go template: {{.BuildName}}, {{.BuilderType}}
    QString vmName; // base name of the outputs; empty: the input disk's name without extension

    QString vmdkSubformat = QStringLiteral("streamOptimized");
    QString vmdkAdapterType = QStringLiteral("lsilogic");
    QString vhdxSubformat = QStringLiteral("dynamic");
    QString vdiSubformat = QStringLiteral("dynamic");
    bool qcow2Compression = false;

    bool ova = true;
    QString ovfName; // empty: the vm name
    int ovfCpus = 1;
    int ovfMemoryMb = 1024;
    tmpl::legacy::InterpolateContext interpolation;

    static constexpr const char *DefaultOutputDirectory = "output-{{.BuildName}}-converted";
    static QStringList knownFormats();
    static QStringList vmdkSubformats();

    // Reads and checks `config` (the post-processor's prepare()).
    build::PrepareResult read(const build::ComponentConfig &config);

    // qemu-img's -o options for one output format.
    QStringList qemuImgOptions(const QString &format) const;
    // Whether this configuration writes an OVF descriptor and an OVA for the vmdk.
    bool writesOva() const { return ova && formats.contains(QLatin1String("vmdk")); }
};

} // namespace kiln::components

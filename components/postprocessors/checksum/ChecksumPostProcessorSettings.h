#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"
#include "engine/template/legacy/InterpolateContext.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// The checksum post-processor's configuration (Packer's post-processor/checksum Config):
// which digests to compute and the template naming the files they are appended to.
struct ChecksumPostProcessorSettings
{
    static constexpr const char *DefaultOutput
        = "packer_{{.BuildName}}_{{.BuilderType}}_{{.ChecksumType}}.checksum";

    QStringList types;
    QString output;
    tmpl::legacy::InterpolateContext interpolation;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components

#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"
#include "engine/template/legacy/InterpolateContext.h"

#include <QMap>
#include <QString>

namespace kiln::components {

// The manifest post-processor's configuration (Packer's post-processor/manifest Config):
// the file to append to and what each entry leaves out or adds.
struct ManifestPostProcessorSettings
{
    QString output;
    bool stripPath = false;
    bool stripTime = false;
    bool hasCustomData = false;
    QMap<QString, QString> customData; // templates, rendered per artifact
    tmpl::legacy::InterpolateContext interpolation;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components

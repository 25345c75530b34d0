#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"
#include "engine/hcl/value/Value.h"
#include "engine/template/legacy/InterpolateContext.h"

#include <QHash>
#include <QStringList>

namespace kiln::components {

// The vagrant post-processor's configuration (Packer's Config struct). The box options
// below may be replaced per provider by the `override` block (decoded again per provider by
// Packer's specificConfig: readOptions).
struct VagrantSettings
{
    int compressionLevel = -1; // Go's flate.DefaultCompression when unset
    QStringList include;
    QString output = QStringLiteral("packer_{{ .BuildName }}_{{.Provider}}.box");
    QString vagrantfileTemplate;
    bool vagrantfileTemplateGenerated = false;
    QString architecture; // empty: not recorded in metadata.json (Packer 1.6's boxes)

    hcl::Value overrides; // `override`: provider name -> box options
    QString providerOverride;
    tmpl::legacy::InterpolateContext interpolation;

    // Packer's builtins map: builder id -> provider.
    static const QHash<QString, QString> &builderProviders();
    // Every provider name Packer accepts for provider_override, sorted.
    static QStringList knownProviders();

    // Reads and checks the whole configuration (the post-processor's prepare()).
    build::PrepareResult read(const build::ComponentConfig &config);
    // Applies the box options `config` sets; returns the errors of Packer's configure step.
    QStringList readOptions(const build::ComponentConfig &config);
};

} // namespace kiln::components

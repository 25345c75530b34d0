#pragma once

#include "engine/build/ComponentConfig.h"

#include <QStringList>

namespace kiln::components {

// The vagrant post-processor's options that a provider's `override` block may replace
// (Packer's Config struct, decoded again per provider by specificConfig).
struct VagrantSettings
{
    int compressionLevel = -1; // Go's flate.DefaultCompression when unset
    QStringList include;
    QString output = QStringLiteral("packer_{{ .BuildName }}_{{.Provider}}.box");
    QString vagrantfileTemplate;
    bool vagrantfileTemplateGenerated = false;
    QString architecture; // empty: not recorded in metadata.json (Packer 1.6's boxes)

    // Applies the keys `config` sets; returns the errors of Packer's configure step.
    QStringList read(const build::ComponentConfig &config);
};

} // namespace kiln::components

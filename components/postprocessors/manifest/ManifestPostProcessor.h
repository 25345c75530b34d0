#pragma once

#include "components/postprocessors/manifest/ManifestPostProcessorSettings.h"
#include "engine/build/PostProcessor.h"

#include <QMap>

namespace kiln::components {

// Packer's manifest post-processor: appends one entry per build (name, builder type, time,
// files with sizes, artifact id, run UUID, custom data) to a JSON file and passes the
// artifact on untouched.
//
// Builds run in parallel and share the file, so the read-modify-write is serialised: by a
// process-wide mutex between Kiln's own builds and by an advisory QLockFile ("<output>.lock",
// the name Packer uses) against other processes; the new file replaces the old one
// atomically (QSaveFile), so a crash never leaves half a manifest.
class ManifestPostProcessor : public build::PostProcessor
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

    static constexpr const char *BuilderId = "packer.post-processor.manifest";

private:
    QString appendEntry(const build::BuildContext &ctx, const build::ArtifactPtr &input,
        const QMap<QString, QString> *customData);

    ManifestPostProcessorSettings m_settings;
};

} // namespace kiln::components

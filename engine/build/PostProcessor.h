#pragma once

#include "engine/build/Builder.h"

namespace kiln::build {

struct PostProcessResult
{
    ArtifactPtr artifact; // null ends the chain
    // Keep the input artifact (unless the template's keep_input_artifact says otherwise)...
    bool keep = false;
    // ...and ignore the template's keep_input_artifact: manifest, checksum (Packer's
    // forceOverride).
    bool forceOverride = false;
    QString error; // empty on success
};

// Turns an artifact into another (a checksum file, an archive, an image in a registry).
// Packer's packersdk.PostProcessor.
//
// Threading: prepare() as Builder::prepare. postProcess() runs on the build's worker
// thread, blocks and honours ctx.cancel; it speaks through ctx.ui.forComponent(type).
class PostProcessor : public registry::Component
{
public:
    virtual PrepareResult prepare(const ComponentConfig &config) = 0;
    virtual PostProcessResult postProcess(BuildContext &ctx, const ArtifactPtr &input) = 0;
};

} // namespace kiln::build

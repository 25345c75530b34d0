#pragma once

#include "engine/build/Artifact.h"
#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"
#include "engine/registry/Component.h"

#include <QStringList>

namespace kiln::build {

class BuildContext;

// Creates a machine, has it provisioned, and turns it into an artifact. Packer's
// packersdk.Builder.
//
// Threading: an instance serves one build. prepare() runs first, on the thread that plans
// the builds, and has no side effects (validate calls it too). run() runs on the build's
// worker thread, blocks, calls ctx.provision(...) when the machine is reachable, and must
// honour ctx.cancel; it usually is a StepRunner over the builder's steps.
class Builder : public registry::Component
{
public:
    virtual PrepareResult prepare(const ComponentConfig &config) = 0;
    // The artifact, or null. On failure: null, with the reason given to ctx.fail().
    virtual ArtifactPtr run(BuildContext &ctx) = 0;
};

} // namespace kiln::build

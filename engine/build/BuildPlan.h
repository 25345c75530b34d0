#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/SourceRange.h"
#include "engine/registry/ComponentDescriptor.h"

#include <QList>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace kiln::build {

// One component of a build, ready to instantiate: which descriptor, and how to decode its
// configuration. Decoding is deferred because provisioners see the values the builder
// generates (build.Host, ...), known only while the build runs.
struct ComponentPlan
{
    const registry::ComponentDescriptor *descriptor = nullptr;
    QString type;
    QString name; // the `name` the template gives it; empty when none

    // Decodes the configuration. `generated` is null before the build runs: build.* values
    // are then Packer's placeholders ("{{ build `Host` }}"). Strings of sensitive values go
    // to *secrets.
    using Decode = std::function<ComponentConfig(const QVariantMap *generated, hcl::Diagnostics &diags,
                                                 QStringList *secrets)>;
    Decode decode;

    // Provisioners
    qint64 pauseBeforeMs = 0;
    int maxRetries = 0;
    qint64 timeoutMs = 0;
    // Post-processors: the template's keep_input_artifact, if set.
    std::optional<bool> keepInputArtifact;

    hcl::SourceRange range; // where the block is written

    QString displayName() const { return name.isEmpty() ? type : name; }
};

// Everything needed to run one build (a source within a build block), independent of the
// template syntax it came from.
struct BuildPlan
{
    QString name; // "type.name" or "buildname.type.name"
    QString buildName; // the build block's name
    QString sourceName; // the source's effective name
    QString builderType;
    QString templateDir;
    ComponentPlan builder;
    QList<ComponentPlan> provisioners;
    std::optional<ComponentPlan> errorCleanupProvisioner;
    QList<QList<ComponentPlan>> postProcessors; // chains
    // Strings that must never be printed (sensitive variables and locals).
    QStringList secrets;
};

// The build.* names every builder provides (Packer's BasicPlaceholderData keys).
QStringList generatedDataKeys();

} // namespace kiln::build

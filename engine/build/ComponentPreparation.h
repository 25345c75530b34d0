#pragma once

#include "engine/build/BuildPlan.h"
#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <functional>

namespace kiln::build {

// One component of a build that did not prepare.
struct PrepareFailure
{
    // Packer's order: the builder, the provisioners, the error-cleanup-provisioner, the
    // post-processors.
    enum class Stage { Builder, Provisioner, ErrorCleanupProvisioner, PostProcessor };
    Stage stage = Stage::Builder;
    const ComponentPlan *component = nullptr; // in the build's plan
    QString errors; // the component's own error list, as Packer prints it
};

// A build's components, prepared one by one.
struct PreparedComponents
{
    QList<PrepareFailure> failures; // in the order they were prepared
    QStringList warnings; // the builder's: Packer reports a build's warnings from it only
};

// Preparing a build's components, the same way whether the components themselves are
// prepared (Build, before it runs) or only their settings are read (`kiln validate`).
class ComponentPreparation
{
public:
    // A component's prepare() or its settings' read().
    using Prepare = std::function<PrepareResult(const ComponentConfig &config)>;

    // Decodes the plan's configuration (with the builder's generated values when given,
    // else Packer's placeholders) and prepares it. Returns the error text Packer prints
    // (the decoding diagnostics, or "N error(s) occurred:" and the list), empty when it
    // prepared. The configuration's sensitive strings go to *secrets, prepare's warnings
    // to *warnings.
    static QString prepare(const ComponentPlan &plan, const QVariantMap *generated,
        const Prepare &prepare, QStringList *warnings, QStringList *secrets);

    // Prepares every component of the plan in Packer's order (builder, provisioners,
    // error-cleanup-provisioner, post-processors); `one` prepares one component and
    // returns its error text, empty when it prepared. Only the builder's warnings count.
    using One = std::function<QString(
        PrepareFailure::Stage stage, const ComponentPlan &component, QStringList *warnings)>;
    static PreparedComponents inOrder(const BuildPlan &plan, const One &one);

    // What Packer says of a failure before its error list: "Failed to prepare build:
    // "name"" or "Failed preparing provisioner-block "type" "name"".
    static QString failureSummary(const BuildPlan &plan, const PrepareFailure &failure);
};

} // namespace kiln::build

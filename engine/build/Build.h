#pragma once

#include "engine/build/Artifact.h"
#include "engine/build/BuildOptions.h"
#include "engine/build/BuildPlan.h"
#include "engine/build/Builder.h"
#include "engine/build/CancelToken.h"
#include "engine/build/ComponentPreparation.h"

#include <QList>
#include <QString>
#include <memory>

namespace kiln::comm {
class Communicator;
}

namespace kiln::build {

class BuildContext;
class EventSink;
class PostProcessor;
class Prompter;
class SecretFilter;

struct BuildResult
{
    QString name;
    QString error; // empty on success
    bool cancelled = false;
    QList<ArtifactPtr> artifacts; // builder artifact first when kept, then each chain's result
    qint64 durationMs = 0;
    qint64 durationNs = 0;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

// What every build of one run shares.
struct RunEnvironment
{
    EventSink *sink = nullptr;
    Prompter *prompter = nullptr;
    CancelTokenPtr cancel;
    BuildOptions options;
    QString packerRunUuid;
};

// One build: a builder, its provisioners and post-processor chains, run with Packer's
// semantics (packer.CoreBuild): provisioners through the builder's provision hook with
// pause_before / timeout / max_retries, the error-cleanup-provisioner on failure, then the
// post-processor chains with keep_input_artifact and destruction of intermediates.
//
// Threading: prepare() on the planning thread; run() on a worker thread, once.
class Build
{
public:
    explicit Build(BuildPlan plan);
    ~Build();

    const BuildPlan &plan() const { return m_plan; }
    const QString &name() const { return m_plan.name; }

    // Instantiates every component and runs its prepare() with placeholder build values.
    // No side effects. Errors are complete sentences naming the component.
    PrepareResult prepare();
    // The same, telling which components failed (validate points at their blocks).
    PreparedComponents prepareComponents();
    // What prepare() says of a failure before its error list: "Failed to prepare build:
    // "name"" or "Failed preparing provisioner-block "type" "name"".
    QString failureSummary(const PrepareFailure &failure) const;

    BuildResult run(const RunEnvironment &env);

private:
    QString provisionAll(
        BuildContext &ctx, comm::Communicator &comm, const QList<ComponentPlan> &provisioners);
    QString runProvisioner(BuildContext &ctx, comm::Communicator &comm, const ComponentPlan &plan);
    QStringList runPostProcessors(
        BuildContext &ctx, const ArtifactPtr &builderArtifact, QList<ArtifactPtr> &artifacts);
    // Makes one component, decodes its configuration (with the build's generated data when
    // there is a context) and prepares it; the error text on failure. Without a build
    // context (planning, validate) its prepare warnings go to `warnings` when given; with
    // one they are shown on the console.
    template <typename T>
    std::unique_ptr<T> instantiate(BuildContext *ctx, const ComponentPlan &plan, QString *error,
        QStringList *warnings = nullptr);

    BuildPlan m_plan;
    std::shared_ptr<SecretFilter> m_secrets;
    std::unique_ptr<Builder> m_builder;
    bool m_prepared = false;
};

} // namespace kiln::build

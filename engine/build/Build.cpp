#include "engine/build/Build.h"

#include "engine/build/BuildContext.h"
#include "engine/build/GoDurationText.h"
#include "engine/build/PostProcessor.h"
#include "engine/build/Provisioner.h"
#include "engine/build/SecretFilter.h"
#include "engine/communicator/Communicator.h"

#include <QElapsedTimer>
#include <condition_variable>
#include <thread>

namespace kiln::build {

namespace {

// Cancels `token` with reason "timeout" after `ms` unless finished first.
class Deadline
{
public:
    Deadline(CancelTokenPtr token, qint64 ms, std::function<void()> onExpiry)
        : m_thread([this, token, ms, onExpiry] {
            std::unique_lock lock(m_mutex);
            if (!m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_done; })) {
                lock.unlock();
                onExpiry();
                token->cancel(QStringLiteral("timeout"));
            }
        })
    { }
    ~Deadline()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::thread m_thread;
};

} // namespace

Build::Build(BuildPlan plan)
    : m_plan(std::move(plan))
    , m_secrets(std::make_shared<SecretFilter>())
{
    m_secrets->add(m_plan.secrets);
}

Build::~Build() = default;

template <typename T>
std::unique_ptr<T> Build::instantiate(
    BuildContext *ctx, const ComponentPlan &plan, QString *error, QStringList *warnings)
{
    std::unique_ptr<registry::Component> made = plan.descriptor->create();
    std::unique_ptr<T> component(dynamic_cast<T *>(made.get()));
    if (!component) {
        *error = QStringLiteral("%1 is not a %2")
                     .arg(plan.type, QString::fromLatin1(typeid(T).name()));
        return nullptr;
    }
    made.release();
    QStringList secrets;
    QStringList shown;
    *error = ComponentPreparation::prepare(
        plan, ctx ? &ctx->generatedData : nullptr,
        [&](const ComponentConfig &config) { return component->prepare(config); },
        ctx ? &shown : warnings, &secrets);
    m_secrets->add(secrets);
    for (const QString &w : std::as_const(shown))
        ctx->ui.message(QStringLiteral("Warning: ") + w);
    if (!error->isEmpty())
        return nullptr;
    return component;
}

PreparedComponents Build::prepareComponents()
{
    using Stage = PrepareFailure::Stage;
    const PreparedComponents result = ComponentPreparation::inOrder(
        m_plan, [this](Stage stage, const ComponentPlan &p, QStringList *warnings) {
            QString error;
            if (stage == Stage::Builder)
                m_builder = instantiate<Builder>(nullptr, p, &error, warnings);
            else if (stage == Stage::PostProcessor)
                instantiate<PostProcessor>(nullptr, p, &error);
            else
                instantiate<Provisioner>(nullptr, p, &error);
            return error;
        });
    m_prepared = result.failures.isEmpty();
    return result;
}

QString Build::failureSummary(const PrepareFailure &failure) const
{
    return ComponentPreparation::failureSummary(m_plan, failure);
}

PrepareResult Build::prepare()
{
    const PreparedComponents prepared = prepareComponents();
    PrepareResult result;
    result.warnings = prepared.warnings;
    for (const PrepareFailure &f : prepared.failures)
        result.errors << failureSummary(f) + QStringLiteral("\n\n") + f.errors;
    return result;
}

QString Build::runProvisioner(
    BuildContext &ctx, comm::Communicator &comm, const ComponentPlan &plan)
{
    // HCL2Provisioner: configured again with the values the builder generated.
    QString error;
    std::unique_ptr<Provisioner> provisioner = instantiate<Provisioner>(&ctx, plan, &error);
    if (!provisioner)
        return error;

    if (plan.pauseBeforeMs > 0) {
        ctx.ui.say(QStringLiteral("Pausing %1 before the next provisioner...")
                       .arg(goDurationText(plan.pauseBeforeMs)));
        if (!ctx.cancel->sleepFor(plan.pauseBeforeMs))
            return QStringLiteral("context canceled");
    }

    auto attempt = [&]() -> QString {
        if (plan.timeoutMs <= 0)
            return provisioner->provision(ctx, comm);
        ctx.ui.say(QStringLiteral("Setting a %1 timeout for the next provisioner...")
                       .arg(goDurationText(plan.timeoutMs)));
        const CancelTokenPtr parent = ctx.cancel;
        const CancelTokenPtr limited = parent->child();
        BuildUi ui = ctx.ui;
        QString result;
        {
            Deadline deadline(limited, plan.timeoutMs,
                [ui] { ui.error(QStringLiteral("Cancelling provisioner after a timeout...")); });
            ctx.cancel = limited;
            result = provisioner->provision(ctx, comm);
            ctx.cancel = parent;
        }
        if (limited->isCancelled() && !parent->isCancelled())
            return QStringLiteral("context deadline exceeded");
        return result;
    };

    QString failure = attempt();
    for (int left = plan.maxRetries; !failure.isEmpty() && left > 0 && !ctx.cancelled(); --left) {
        ctx.ui.say(QStringLiteral("Provisioner failed with \"%1\", retrying with %2 trie(s) left")
                       .arg(failure)
                       .arg(left));
        failure = attempt();
        if (failure.isEmpty())
            return {};
        if (left == 1)
            ctx.ui.say(QStringLiteral("retry limit reached."));
    }
    return failure;
}

QString Build::provisionAll(
    BuildContext &ctx, comm::Communicator &comm, const QList<ComponentPlan> &provisioners)
{
    if (provisioners.isEmpty())
        return {};
    for (const ComponentPlan &p : provisioners) {
        if (ctx.cancelled())
            return QStringLiteral("context canceled");
        const QString error = runProvisioner(ctx, comm, p);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

QStringList Build::runPostProcessors(
    BuildContext &ctx, const ArtifactPtr &builderArtifact, QList<ArtifactPtr> &artifacts)
{
    QStringList errors;
    bool keepOriginal = m_plan.postProcessors.isEmpty();
    for (const auto &chain : std::as_const(m_plan.postProcessors)) {
        ArtifactPtr prior = builderArtifact;
        bool chainBroken = false;
        for (qsizetype i = 0; i < chain.size() && !chainBroken; ++i) {
            const ComponentPlan &plan = chain.at(i);
            if (ctx.cancelled()) {
                chainBroken = true;
                prior.reset();
                break;
            }
            if (plan.name.isEmpty() || plan.name == plan.type)
                ctx.ui.say(QStringLiteral("Running post-processor: %1").arg(plan.type));
            else
                ctx.ui.say(QStringLiteral("Running post-processor: %1 (type %2)")
                               .arg(plan.name, plan.type));
            QString error;
            std::unique_ptr<PostProcessor> pp = instantiate<PostProcessor>(&ctx, plan, &error);
            PostProcessResult r;
            if (pp) {
                const BuildUi buildUi = ctx.ui;
                ctx.ui = buildUi.forComponent(plan.type);
                r = pp->postProcess(ctx, prior);
                ctx.ui = buildUi;
            } else {
                r.error = error;
            }
            if (!r.error.isEmpty()) {
                errors << QStringLiteral("Post-processor failed: %1").arg(r.error);
                chainBroken = true;
                prior.reset();
                break;
            }
            if (!r.artifact) {
                chainBroken = true;
                prior.reset();
                break;
            }
            bool keep = r.keep;
            if (plan.keepInputArtifact && !(r.keep && !*plan.keepInputArtifact && r.forceOverride))
                keep = *plan.keepInputArtifact;
            if (i == 0) {
                keepOriginal = keepOriginal || keep;
            } else if (keep) {
                artifacts << prior;
            } else if (prior != r.artifact) {
                const QString e = prior->destroy();
                if (!e.isEmpty())
                    errors << QStringLiteral("Failed cleaning up prior artifact: %1; pp is %2")
                                  .arg(e, plan.type);
            }
            prior = r.artifact;
        }
        if (prior)
            artifacts << prior;
    }
    if (keepOriginal) {
        artifacts.prepend(builderArtifact);
    } else if (!artifacts.contains(builderArtifact)) {
        const QString e = builderArtifact->destroy();
        if (!e.isEmpty())
            errors << QStringLiteral("Error destroying builder artifact: %1; bad artifact: [%2]")
                          .arg(e, builderArtifact->files().join(QLatin1Char(' ')));
    }
    return errors;
}

BuildResult Build::run(const RunEnvironment &env)
{
    QElapsedTimer timer;
    timer.start();
    BuildResult result;
    result.name = m_plan.name;

    BuildContext ctx;
    ctx.name = m_plan.name;
    ctx.buildName = m_plan.buildName;
    ctx.sourceName = m_plan.sourceName;
    ctx.builderType = m_plan.builderType;
    ctx.packerRunUuid = env.packerRunUuid;
    ctx.templateDir = m_plan.templateDir;
    ctx.cancel = env.cancel ? env.cancel : CancelToken::create();
    ctx.options = env.options;
    ctx.secrets = m_secrets;
    ctx.ui = BuildUi(m_plan.name, env.sink, m_secrets, env.prompter);

    if (!m_prepared) {
        const PrepareResult prepared = prepare();
        if (!prepared.ok())
            ctx.fail(prepared.errors.join(QLatin1Char('\n')));
    }
    if (!m_plan.provisioners.isEmpty())
        ctx.provision = [this, &ctx](comm::Communicator &comm) {
            return provisionAll(ctx, comm, m_plan.provisioners);
        };
    if (m_plan.errorCleanupProvisioner)
        ctx.cleanupProvision = [this, &ctx](comm::Communicator &comm) {
            return provisionAll(ctx, comm, {*m_plan.errorCleanupProvisioner});
        };

    ArtifactPtr artifact;
    if (!ctx.failed() && m_builder)
        artifact = m_builder->run(ctx);

    if (ctx.cancelled()) {
        result.cancelled = true;
        result.error = QStringLiteral("Build was cancelled.");
    } else if (ctx.failed()) {
        result.error = ctx.error();
    } else if (artifact) {
        const QStringList errors = runPostProcessors(ctx, artifact, result.artifacts);
        if (ctx.cancelled()) {
            result.cancelled = true;
            result.error = QStringLiteral("Build was cancelled.");
        } else if (!errors.isEmpty()) {
            result.error = errors.size() == 1 ? errors.first()
                                              : QStringLiteral("%1 errors occurred:\n\t* %2\n\n")
                                                    .arg(errors.size())
                                                    .arg(errors.join(QStringLiteral("\n\t* ")));
        }
    }
    result.error = ctx.ui.scrub(result.error);
    result.durationNs = timer.nsecsElapsed();
    result.durationMs = result.durationNs / 1000000;

    for (int i = 0; i < result.artifacts.size(); ++i) {
        BuildEvent e;
        e.kind = BuildEvent::Kind::Artifact;
        e.artifact = result.artifacts.at(i);
        e.artifactIndex = i;
        ctx.ui.post(e);
    }
    BuildEvent finished;
    finished.kind = BuildEvent::Kind::BuildFinished;
    finished.error = result.error;
    finished.cancelled = result.cancelled;
    finished.durationMs = result.durationMs;
    finished.durationNs = result.durationNs;
    ctx.ui.post(finished);
    return result;
}

} // namespace kiln::build

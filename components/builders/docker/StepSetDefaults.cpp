#include "components/builders/docker/StepSetDefaults.h"

#include "engine/build/BuildContext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kiln::components {

namespace {

// Go's `{{json .Config.Cmd}}` of a non-empty list, or [""] as Packer's inspect format.
QString jsonList(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    if (a.isEmpty())
        return QStringLiteral("[\"\"]");
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

} // namespace

build::StepAction StepSetDefaults::run(build::BuildContext &ctx)
{
    DockerBuilderSettings &c = m_state.settings;
    QJsonObject image;
    // Packer ignores inspect errors here and falls back to empty defaults.
    m_state.client.inspectImage(c.image, &image, ctx.cancel);
    const QJsonObject config = image.value(QLatin1String("Config")).toObject();
    bool hasCmd = false;
    bool hasEntrypoint = false;
    for (const QString &change : c.changes) {
        if (change.startsWith(QLatin1String("CMD")))
            hasCmd = true;
        else if (change.startsWith(QLatin1String("ENTRYPOINT")))
            hasEntrypoint = true;
    }
    if (!hasCmd)
        c.changes << QStringLiteral("CMD ") + jsonList(config.value(QLatin1String("Cmd")));
    if (!hasEntrypoint)
        c.changes << QStringLiteral("ENTRYPOINT ")
                + jsonList(config.value(QLatin1String("Entrypoint")));
    return build::StepAction::Continue;
}

} // namespace kiln::components

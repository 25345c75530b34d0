#include "app/cli/export/KilnOnlyComponents.h"

namespace kiln::cli {

namespace {

struct Entry
{
    registry::ComponentKind kind;
    const char *type;
};

// Kiln's own types, by kind: a provisioner named like a Kiln post-processor is still Packer's.
constexpr Entry kilnOnly[] = {
    {registry::ComponentKind::PostProcessor, "image-convert"},
    {registry::ComponentKind::PostProcessor, "s3-upload"},
    {registry::ComponentKind::PostProcessor, "sftp-upload"},
};

QString blockType(registry::ComponentKind kind)
{
    switch (kind) {
    case registry::ComponentKind::Builder:
        return QStringLiteral("source");
    case registry::ComponentKind::Provisioner:
        return QStringLiteral("provisioner");
    case registry::ComponentKind::PostProcessor:
        return QStringLiteral("post-processor");
    case registry::ComponentKind::DataSource:
        return QStringLiteral("data");
    }
    return {};
}

} // namespace

bool KilnOnlyComponents::contains(registry::ComponentKind kind, const QString &type)
{
    for (const Entry &e : kilnOnly)
        if (e.kind == kind && type == QLatin1String(e.type))
            return true;
    return false;
}

QString KilnOnlyComponents::blockLabel(registry::ComponentKind kind, const QString &type)
{
    return QStringLiteral("%1 \"%2\"").arg(blockType(kind), type);
}

QString KilnOnlyComponents::warning(registry::ComponentKind kind, const QString &type)
{
    return QStringLiteral(
        "%1 is a Kiln component: HashiCorp Packer does not have it, so this template "
        "only builds with `kiln build`")
        .arg(blockLabel(kind, type));
}

} // namespace kiln::cli

#include "app/models/ComponentCatalog.h"

#include "components/Builtins.h"

#include <QHash>

namespace kiln::models {

const registry::Registry &ComponentCatalog::registry()
{
    static const registry::Registry *reg = [] {
        auto *r = new registry::Registry;
        components::registerBuiltins(*r);
        return r;
    }();
    return *reg;
}

QString ComponentCatalog::iconFor(registry::ComponentKind kind, const QString &typeName)
{
    // Descriptor icon names are "<kind>-<family>"; the family picks a glyph.
    static const QHash<QString, QString> glyphs = {
        {QStringLiteral("shell"), QStringLiteral("comp-terminal")},
        {QStringLiteral("shell-local"), QStringLiteral("comp-terminal")},
        {QStringLiteral("windows-shell"), QStringLiteral("comp-terminal")},
        {QStringLiteral("powershell"), QStringLiteral("comp-terminal")},
        {QStringLiteral("file"), QStringLiteral("comp-file")},
        {QStringLiteral("amazon"), QStringLiteral("comp-cloud")},
        {QStringLiteral("docker"), QStringLiteral("comp-container")},
        {QStringLiteral("qemu"), QStringLiteral("comp-vm")},
        {QStringLiteral("vmware"), QStringLiteral("comp-vm")},
        {QStringLiteral("virtualbox"), QStringLiteral("comp-vm")},
        {QStringLiteral("null"), QStringLiteral("comp-null")},
        {QStringLiteral("compress"), QStringLiteral("comp-archive")},
        {QStringLiteral("checksum"), QStringLiteral("comp-hash")},
        {QStringLiteral("manifest"), QStringLiteral("comp-list")},
        {QStringLiteral("breakpoint"), QStringLiteral("comp-pause")},
        {QStringLiteral("sleep"), QStringLiteral("comp-clock")},
        {QStringLiteral("windows-restart"), QStringLiteral("comp-restart")},
        {QStringLiteral("http"), QStringLiteral("comp-globe")},
        {QStringLiteral("ansible"), QStringLiteral("comp-playbook")},
        {QStringLiteral("puppet"), QStringLiteral("comp-puppet")},
        {QStringLiteral("salt"), QStringLiteral("comp-crystal")},
        {QStringLiteral("chef"), QStringLiteral("comp-chefhat")},
        {QStringLiteral("artifice"), QStringLiteral("comp-package")},
        {QStringLiteral("vagrant"), QStringLiteral("comp-package")},
        {QStringLiteral("image-convert"), QStringLiteral("comp-convert")},
        {QStringLiteral("s3-upload"), QStringLiteral("comp-upload")},
        {QStringLiteral("sftp-upload"), QStringLiteral("comp-upload")},
    };
    if (const registry::ComponentDescriptor *d = registry().find(kind, typeName)) {
        const QString family = d->iconName.section(QLatin1Char('-'), 1, -1); // "windows-shell"
        if (glyphs.contains(family))
            return glyphs.value(family);
    }
    if (typeName.startsWith(QLatin1String("docker")))
        return QStringLiteral("comp-container");
    if (typeName.startsWith(QLatin1String("amazon")))
        return QStringLiteral("comp-cloud");
    switch (kind) {
    case registry::ComponentKind::Builder:
        return QStringLiteral("kind-source");
    case registry::ComponentKind::Provisioner:
        return QStringLiteral("kind-provisioner");
    case registry::ComponentKind::PostProcessor:
        return QStringLiteral("kind-post-processor");
    case registry::ComponentKind::DataSource:
        return QStringLiteral("kind-data");
    }
    return {};
}

} // namespace kiln::models

#include "app/models/PaletteModel.h"

#include "app/models/ComponentCatalog.h"

#include <QMimeData>

namespace kiln::models {

using registry::ComponentKind;

QString PaletteModel::groupTitle(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::Builder:
        return tr("Builders");
    case ComponentKind::Provisioner:
        return tr("Provisioners");
    case ComponentKind::PostProcessor:
        return tr("Post-processors");
    case ComponentKind::DataSource:
        return tr("Data sources");
    }
    return {};
}

PaletteModel::PaletteModel(const registry::Registry &registry, QObject *parent)
    : QStandardItemModel(parent)
{
    for (ComponentKind kind : registry::allComponentKinds) {
        auto *group = new QStandardItem(groupTitle(kind));
        group->setFlags(Qt::ItemIsEnabled);
        group->setData(int(kind), KindRole);
        for (const registry::ComponentDescriptor *d : registry.list(kind)) {
            auto *item = new QStandardItem(d->displayName.isEmpty() ? d->typeName : d->displayName);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
            item->setData(int(kind), KindRole);
            item->setData(d->typeName, TypeRole);
            item->setData(ComponentCatalog::iconFor(kind, d->typeName), IconNameRole);
            item->setData(
                QStringList{d->typeName, d->displayName, d->description}.join(QLatin1Char(' ')),
                SearchTextRole);
            item->setToolTip(QStringLiteral("<b>%1</b> <code>%2</code><br/>%3")
                                 .arg(d->displayName.toHtmlEscaped(), d->typeName.toHtmlEscaped(),
                                     d->description.toHtmlEscaped()));
            group->appendRow(item);
        }
        appendRow(group);
    }
}

QStringList PaletteModel::mimeTypes() const
{
    return {QStringLiteral("application/x-kiln-component")};
}

QMimeData *PaletteModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &i : indexes) {
        const QString type = i.data(TypeRole).toString();
        if (type.isEmpty())
            continue;
        auto *mime = new QMimeData;
        mime->setData(QStringLiteral("application/x-kiln-component"),
            QStringLiteral("%1:%2").arg(i.data(KindRole).toInt()).arg(type).toUtf8());
        mime->setText(type);
        return mime;
    }
    return nullptr;
}

} // namespace kiln::models

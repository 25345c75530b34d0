#pragma once

#include "engine/registry/Registry.h"

#include <QStandardItemModel>

namespace kiln::models {

// Every registered component, grouped by kind (builders, provisioners,
// post-processors, data sources) in registry order. Component rows drag as
// "application/x-kiln-component" with "<kind>:<type>", which the graph accepts.
class PaletteModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, TypeRole, IconNameRole, SearchTextRole };

    explicit PaletteModel(const registry::Registry &registry, QObject *parent = nullptr);

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }
    // The heading of a kind in the palette: "Builders", "Provisioners", ...
    static QString groupTitle(registry::ComponentKind kind);
};

} // namespace kiln::models

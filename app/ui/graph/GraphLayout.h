#pragma once

#include "app/models/document/PipelineSnapshot.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>

namespace kiln::ui {

struct GraphLayoutOptions
{
    // Inputs drawn per group before "+n more" (those with diagnostics come first).
    int inputLimit = 8;
    QSet<QString> expandedGroups; // group titles showing everything
    // Provisioners per row before a lane wraps onto the next row.
    int provisionersPerRow = 5;
};

// Where everything of a snapshot goes, in scene coordinates. Pure and
// deterministic (same snapshot, same positions), so it is testable without a
// scene. Columns from left to right: inputs (variables, locals, data sources),
// sources, then one lane per build: its provisioners in order, the
// error-cleanup provisioner under them, then one row per post-processor chain.
struct GraphLayout
{
    static constexpr qreal NodeWidth = 208;
    static constexpr qreal NodeHeight = 60;
    static constexpr qreal InputHeight = 34;
    static constexpr qreal HGap = 44;
    static constexpr qreal VGap = 18;
    static constexpr qreal LanePadding = 20;
    static constexpr qreal LaneHeader = 30;
    static constexpr qreal LaneGap = 28;
    static constexpr qreal ColumnGap = 72;

    struct Lane
    {
        QRectF rect;
        QPointF entry; // where source edges arrive
        QList<QPointF> provisionerSlots; // top-left of each provisioner slot, for drop positions
        QList<qreal> chainRows; // y of each post-processor chain row
        qreal postProcessorX = 0; // x where the chains start
    };
    struct Group
    {
        QString title;
        QPointF position;
        int hidden = 0; // inputs not drawn until the group is expanded
        QRectF more; // the "+n more" control, when hidden > 0
    };
    using Options = GraphLayoutOptions;

    QHash<QString, QRectF> nodes; // by PipelineNode::id
    QList<Lane> lanes; // by build index
    QList<Group> groups; // headings of the inputs column
    QRectF bounds;

    // Auto layout, then the positions the user chose (node id -> top-left) on top.
    static GraphLayout compute(const models::PipelineSnapshot &snapshot,
        const QHash<QString, QPointF> &pinned = {},
        const GraphLayoutOptions &options = GraphLayoutOptions());
    // Where a provisioner dropped at `p` goes among the lane's provisioners (0..count).
    int provisionerIndexAt(int lane, const QPointF &p) const;
    // Which post-processor chain a drop at `y` goes to; the chain count means "a new chain".
    int chainIndexAt(int lane, qreal y) const;
    // The lane under a scene point, or -1.
    int laneAt(const QPointF &p) const;
};

} // namespace kiln::ui

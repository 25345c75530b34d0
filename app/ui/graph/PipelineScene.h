#pragma once

#include "app/models/document/PipelineSnapshot.h"
#include "app/ui/graph/GraphLayout.h"
#include "app/ui/graph/GraphTheme.h"
#include "engine/registry/ComponentKind.h"

#include <QGraphicsScene>
#include <QHash>
#include <QMap>

namespace kiln::ui {

class EdgeItem;
class LaneItem;
class NodeItem;

// The pipeline graph: a view of the document's PipelineSnapshot. It never edits
// the template itself; what the user does (drop, reorder, pin a position) is
// reported as a request, the document changes its text, and the reparsed
// snapshot comes back through setSnapshot().
class PipelineScene : public QGraphicsScene
{
    Q_OBJECT
public:
    static const char *const ComponentMime; // "application/x-kiln-component": "<kind int>:<type>"

    explicit PipelineScene(QObject *parent = nullptr);
    ~PipelineScene() override;

    void setPalette(const QPalette &palette);
    const GraphTheme &theme() const { return m_theme; }
    // `current`: false when the text does not parse and this is the last valid state (drawn
    // greyed).
    void setSnapshot(const models::PipelineSnapshot &snapshot, bool current = true);
    const models::PipelineSnapshot &snapshot() const { return m_snapshot; }
    // Positions chosen by the user (node id -> top-left), from the layout sidecar.
    void setPinned(const QHash<QString, QPointF> &pinned);
    const QHash<QString, QPointF> &pinned() const { return m_pinned; }
    void clearPinned();
    const GraphLayout &layout() const { return m_layout; }

    NodeItem *nodeItem(const QString &id) const { return m_nodes.value(id); }
    QList<NodeItem *> nodeItems() const { return m_nodes.values(); }
    LaneItem *laneItem(int build) const { return m_lanes.value(build); }
    // Run status from the build dock, by Packer build name ("name.type.source" or
    // "type.source"); kept across rebuilds of the scene.
    void setRunState(const QString &buildName, const QString &state);
    void clearRunStates();
    QStringList selectedIds() const;
    void selectIds(const QStringList &ids);
    // The lane whose drop zone holds `p`, and the place a component of `kind` would go.
    struct DropTarget
    {
        int lane = -1;
        int position = -1;
        int chainPosition = -1;
    };
    DropTarget dropTarget(registry::ComponentKind kind, const QPointF &p) const;
    // Component kinds the open template cannot take (legacy JSON has no data sources),
    // with the reason: dragging one over the graph is refused and the reason shown as a
    // tooltip instead of a drop that would fail.
    void setUnavailableKinds(const QHash<registry::ComponentKind, QString> &reasons);
    QString unavailableReason(registry::ComponentKind kind) const
    {
        return m_unavailable.value(kind);
    }

signals:
    void moveRequested(const QString &id, int position);
    void nodePinned(const QString &id, const QPointF &topLeft);
    // A source node was dragged onto the lane of a build it does not feed.
    void connectRequested(const QString &sourceId, int lane);
    void dropRequested(registry::ComponentKind kind, const QString &type, int lane, int position,
        int chainPosition);
    void diagnosticActivated(const QString &id);
    void nodeActivated(const QString &id);
    void selectedIdsChanged(const QStringList &ids);

protected:
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    void rebuild();
    void clearDropHighlight();
    // Where a dragged lane node lands among its siblings; -1 if it stays.
    int reorderTarget(const NodeItem *item) const;

    GraphTheme m_theme;
    models::PipelineSnapshot m_snapshot;
    bool m_current = true;
    QHash<QString, QPointF> m_pinned;
    GraphLayout m_layout;
    QHash<QString, NodeItem *> m_nodes;
    QHash<int, LaneItem *> m_lanes;
    QList<QGraphicsItem *> m_groupLabels;
    QSet<QString> m_expanded; // input groups showing all their items
    QMap<QString, QString> m_runStates;
    int laneOfBuildName(const QString &buildName) const;
    bool m_rebuilding = false;
    QHash<registry::ComponentKind, QString> m_unavailable;
};

} // namespace kiln::ui

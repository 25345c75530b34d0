#pragma once

#include "app/models/document/PipelineSnapshot.h"

#include <QGraphicsObject>

namespace kiln::ui {

class EdgeItem;
struct GraphTheme;

// One block of the pipeline as a card: kind icon, type and name, an accent per
// kind, and a badge counting its diagnostics (hover: the messages; click: jump).
class NodeItem : public QGraphicsObject
{
    Q_OBJECT
public:
    NodeItem(const models::PipelineNode &node, const QSizeF &size, const GraphTheme *theme);

    const models::PipelineNode &node() const { return m_node; }
    QString id() const { return m_node.id; }
    // Nodes inside a lane reorder when dragged; the others keep where they are put.
    bool reorders() const;
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QRectF badgeRect() const;
    void addEdge(EdgeItem *edge) { m_edges << edge; }
    // Anchors for edges, in scene coordinates.
    QPointF inPort() const;
    QPointF outPort() const;

signals:
    void badgeClicked(const QString &id);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    models::PipelineNode m_node;
    QSizeF m_size;
    const GraphTheme *m_theme;
    QList<EdgeItem *> m_edges;
    QString m_iconName;
};

} // namespace kiln::ui

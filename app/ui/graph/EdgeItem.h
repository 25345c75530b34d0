#pragma once

#include <QGraphicsPathItem>

namespace kiln::ui {

class NodeItem;
struct GraphTheme;

// A connector from one node's output to another node's input (or to a lane's
// entry point): a horizontal bezier with an arrowhead, following its ends.
class EdgeItem : public QGraphicsPathItem
{
public:
    enum Style { Flow, Source, Cleanup };

    EdgeItem(NodeItem *from, NodeItem *to, Style style, const GraphTheme *theme);
    // An edge into a fixed point (a lane's entry).
    EdgeItem(NodeItem *from, const QPointF &to, Style style, const GraphTheme *theme);

    NodeItem *from() const { return m_from; }
    NodeItem *to() const { return m_to; }
    int lane = -1; // for source edges: the build they feed
    void adjust();
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QRectF boundingRect() const override;

private:
    NodeItem *m_from;
    NodeItem *m_to = nullptr;
    QPointF m_fixedTo;
    Style m_style;
    const GraphTheme *m_theme;
    QPolygonF m_arrow;
};

} // namespace kiln::ui

#include "app/ui/graph/EdgeItem.h"

#include "app/ui/graph/GraphTheme.h"
#include "app/ui/graph/NodeItem.h"

#include <QPainter>
#include <QPen>
#include <cmath>

namespace kiln::ui {

EdgeItem::EdgeItem(NodeItem *from, NodeItem *to, Style style, const GraphTheme *theme)
    : m_from(from)
    , m_to(to)
    , m_style(style)
    , m_theme(theme)
{
    setZValue(1);
    from->addEdge(this);
    to->addEdge(this);
    adjust();
}

EdgeItem::EdgeItem(NodeItem *from, const QPointF &to, Style style, const GraphTheme *theme)
    : m_from(from)
    , m_fixedTo(to)
    , m_style(style)
    , m_theme(theme)
{
    setZValue(1);
    from->addEdge(this);
    adjust();
}

void EdgeItem::adjust()
{
    QPointF a = m_from->outPort();
    QPointF b = m_to ? m_to->inPort() : m_fixedTo;
    if (m_style == Cleanup && m_to) {
        // Straight down from the provisioner row into the cleanup card.
        a = m_from->mapToScene(
            QPointF(m_from->boundingRect().width() / 2 - 5, m_from->boundingRect().bottom() - 14));
        b = m_to->mapToScene(QPointF(m_to->boundingRect().width() / 2 - 5, 0));
    }
    QPainterPath path(a);
    const bool vertical = m_style == Cleanup;
    b -= vertical ? QPointF(0, 7) : QPointF(7, 0);
    if (vertical) {
        const qreal dy = qMax<qreal>(20, (b.y() - a.y()) / 2);
        path.cubicTo(a + QPointF(0, dy), b - QPointF(0, dy), b);
    } else if (m_style == Flow && m_to) {
        // Orthogonal with rounded corners: through the gutter left of the target, or,
        // when the target starts the next row of a wrapped lane, back along the gap
        // between the rows (a carriage return).
        QList<QPointF> points{a};
        if (b.x() < a.x() + 20) {
            const qreal midY = (a.y() + b.y() + 7 * 0) / 2;
            points << QPointF(a.x() + 16, a.y()) << QPointF(a.x() + 16, midY)
                   << QPointF(b.x() - 14, midY) << QPointF(b.x() - 14, b.y());
        } else if (qAbs(a.y() - b.y()) > 1) {
            const qreal gx = b.x() - 16;
            points << QPointF(gx, a.y()) << QPointF(gx, b.y());
        }
        points << b;
        const qreal radius = 8;
        for (int i = 1; i + 1 < points.size(); ++i) {
            const QPointF p = points.at(i);
            const QPointF in = points.at(i - 1) - p;
            const QPointF out = points.at(i + 1) - p;
            const qreal rin = qMin(radius, std::hypot(in.x(), in.y()) / 2);
            const qreal rout = qMin(radius, std::hypot(out.x(), out.y()) / 2);
            const QPointF pin = p + in / std::max<qreal>(1e-6, std::hypot(in.x(), in.y())) * rin;
            const QPointF pout
                = p + out / std::max<qreal>(1e-6, std::hypot(out.x(), out.y())) * rout;
            path.lineTo(pin);
            path.quadTo(p, pout);
        }
        path.lineTo(b);
    } else {
        const qreal dx = qMax<qreal>(30, qAbs(b.x() - a.x()) / 2);
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    }
    prepareGeometryChange();
    setPath(path);
    const QPointF tip = b + (vertical ? QPointF(0, 7) : QPointF(7, 0));
    if (vertical)
        m_arrow = QPolygonF({tip, tip + QPointF(-4.5, -8), tip + QPointF(4.5, -8)});
    else
        m_arrow = QPolygonF({tip, tip + QPointF(-8, -4.5), tip + QPointF(-8, 4.5)});
}

QRectF EdgeItem::boundingRect() const
{
    return QGraphicsPathItem::boundingRect().united(m_arrow.boundingRect()).adjusted(-3, -3, 3, 3);
}

void EdgeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    p->setRenderHint(QPainter::Antialiasing);
    QColor c = m_style == Source ? m_theme->accent(models::NodeKind::Source)
        : m_style == Cleanup     ? m_theme->accent(models::NodeKind::ErrorCleanupProvisioner)
                                 : m_theme->edge;
    if (m_style == Source)
        c.setAlphaF(0.75);
    QPen pen(c, 1.6);
    if (m_style == Cleanup)
        pen.setStyle(Qt::DashLine);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(path());
    p->setPen(Qt::NoPen);
    p->setBrush(c);
    p->drawPolygon(m_arrow);
}

} // namespace kiln::ui

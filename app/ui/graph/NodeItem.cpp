#include "app/ui/graph/NodeItem.h"

#include "app/models/ComponentCatalog.h"
#include "app/ui/Icons.h"
#include "app/ui/graph/EdgeItem.h"
#include "app/ui/graph/GraphTheme.h"

#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace kiln::ui {

using models::NodeKind;

namespace {

QString iconNameFor(const models::PipelineNode &n)
{
    using registry::ComponentKind;
    switch (n.kind) {
    case NodeKind::Source:
        return models::ComponentCatalog::iconFor(ComponentKind::Builder, n.type);
    case NodeKind::Provisioner:
        return models::ComponentCatalog::iconFor(ComponentKind::Provisioner, n.type);
    case NodeKind::ErrorCleanupProvisioner:
        return QStringLiteral("kind-error-cleanup");
    case NodeKind::PostProcessor:
        return models::ComponentCatalog::iconFor(ComponentKind::PostProcessor, n.type);
    case NodeKind::DataSource:
        return models::ComponentCatalog::iconFor(ComponentKind::DataSource, n.type);
    case NodeKind::Variable:
        return QStringLiteral("kind-variable");
    case NodeKind::Local:
        return QStringLiteral("kind-local");
    }
    return {};
}

QString diagnosticsText(const hcl::Diagnostics &diags)
{
    QStringList lines;
    for (const hcl::Diagnostic &d : diags) {
        QString line = QStringLiteral("<b>%1</b>: %2")
                           .arg(d.severity == hcl::Severity::Error ? NodeItem::tr("Error")
                                                                   : NodeItem::tr("Warning"),
                               d.summary.toHtmlEscaped());
        if (!d.detail.isEmpty())
            line += QStringLiteral("<br/>") + d.detail.left(400).toHtmlEscaped();
        if (d.subject)
            line += NodeItem::tr("<br/><i>line %1, column %2</i>")
                        .arg(d.subject->start.line)
                        .arg(d.subject->start.column);
        lines << line;
    }
    return lines.join(QStringLiteral("<hr/>"));
}

} // namespace

NodeItem::NodeItem(const models::PipelineNode &node, const QSizeF &size, const GraphTheme *theme)
    : m_node(node)
    , m_size(size)
    , m_theme(theme)
    , m_iconName(iconNameFor(node))
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    setZValue(2);
    QString tip = QStringLiteral("<b>%1</b> %2")
                      .arg(models::nodeKindName(node.kind), node.type.toHtmlEscaped());
    if (!node.name.isEmpty())
        tip += QStringLiteral(" “%1”").arg(node.name.toHtmlEscaped());
    setToolTip(tip);
}

bool NodeItem::reorders() const
{
    return m_node.kind == NodeKind::Provisioner || m_node.kind == NodeKind::PostProcessor;
}

QRectF NodeItem::boundingRect() const
{
    // Room for the badge sticking out of the corner and the selection ring.
    return QRectF(-4, -10, m_size.width() + 14, m_size.height() + 14);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath p;
    p.addRoundedRect(QRectF(QPointF(), m_size), 8, 8);
    if (!m_node.diagnostics.isEmpty())
        p.addEllipse(badgeRect());
    return p;
}

QRectF NodeItem::badgeRect() const
{
    return QRectF(m_size.width() - 11, -9, 20, 20);
}

QPointF NodeItem::inPort() const
{
    return mapToScene(QPointF(0, m_size.height() / 2));
}

QPointF NodeItem::outPort() const
{
    return mapToScene(QPointF(m_size.width(), m_size.height() / 2));
}

void NodeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const GraphTheme &t = *m_theme;
    const QRectF card(QPointF(), m_size);
    const QColor accent = t.accent(m_node.kind);
    const bool selected = option->state & QStyle::State_Selected;
    const bool hovered = option->state & QStyle::State_MouseOver;
    const bool compact = m_size.height() < 48;
    p->setRenderHint(QPainter::Antialiasing);

    // Soft shadow.
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0, 0, 0, t.dark ? 70 : 22));
    p->drawRoundedRect(card.translated(0, 2), 8, 8);

    QPainterPath body;
    body.addRoundedRect(card, 8, 8);
    p->fillPath(body, t.card);
    // Accent stripe, clipped to the card's rounded corners.
    p->save();
    p->setClipPath(body);
    p->fillRect(QRectF(0, 0, 4, card.height()), accent);
    p->restore();
    QPen border(selected ? t.selection : hovered ? accent : t.cardBorder, selected ? 2.0 : 1.0);
    p->setPen(border);
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);

    // Icon in a tinted disc.
    const qreal disc = compact ? 24 : 34;
    const QRectF discRect(14, (card.height() - disc) / 2, disc, disc);
    QColor discFill = accent;
    discFill.setAlphaF(t.dark ? 0.22 : 0.12);
    p->setPen(Qt::NoPen);
    p->setBrush(discFill);
    p->drawRoundedRect(discRect, 7, 7);
    const int iconSize = compact ? 16 : 20;
    const qreal dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
    p->drawPixmap(
        QPointF(discRect.center().x() - iconSize / 2.0, discRect.center().y() - iconSize / 2.0),
        Icons::pixmap(m_iconName, accent, iconSize, dpr));

    // Labels.
    const qreal textX = discRect.right() + 10;
    const qreal textW = card.width() - textX - 10;
    QFont titleFont = p->font();
    titleFont.setPointSizeF(compact ? 9 : 10.5);
    titleFont.setBold(true);
    QFont subFont = p->font();
    subFont.setPointSizeF(compact ? 8 : 9);
    QString title;
    QString sub;
    switch (m_node.kind) {
    case NodeKind::Variable:
    case NodeKind::Local:
        title = m_node.name;
        sub = m_node.type;
        break;
    case NodeKind::DataSource:
        title = m_node.name;
        sub = m_node.type;
        break;
    case NodeKind::Source:
        title = m_node.type;
        sub = QStringLiteral("source · ") + m_node.name;
        break;
    default:
        title = m_node.type;
        sub = m_node.name.isEmpty() ? models::nodeKindName(m_node.kind) : m_node.name;
        break;
    }
    p->setPen(t.text);
    p->setFont(titleFont);
    const QFontMetricsF fmTitle(titleFont);
    const QFontMetricsF fmSub(subFont);
    if (compact) {
        const QString both = sub.isEmpty() ? title : title;
        p->drawText(QRectF(textX, 0, textW, card.height()), Qt::AlignVCenter | Qt::AlignLeft,
            fmTitle.elidedText(both, Qt::ElideRight,
                textW - (sub.isEmpty() ? 0 : fmSub.horizontalAdvance(sub) + 8)));
        if (!sub.isEmpty()) {
            p->setFont(subFont);
            p->setPen(t.mutedText);
            p->drawText(
                QRectF(textX, 0, textW, card.height()), Qt::AlignVCenter | Qt::AlignRight, sub);
        }
    } else {
        const qreal total = fmTitle.height() + 2 + fmSub.height();
        const qreal y0 = (card.height() - total) / 2;
        p->drawText(QRectF(textX, y0, textW, fmTitle.height()), Qt::AlignLeft | Qt::AlignVCenter,
            fmTitle.elidedText(title, Qt::ElideRight, textW));
        p->setFont(subFont);
        p->setPen(t.mutedText);
        p->drawText(QRectF(textX, y0 + fmTitle.height() + 2, textW, fmSub.height()),
            Qt::AlignLeft | Qt::AlignVCenter, fmSub.elidedText(sub, Qt::ElideRight, textW));
    }

    // Diagnostics badge.
    if (!m_node.diagnostics.isEmpty()) {
        const bool errors = m_node.diagnostics.hasErrors();
        const QRectF b = badgeRect();
        p->setPen(QPen(t.card, 2));
        p->setBrush(errors ? t.error : t.warning);
        p->drawEllipse(b);
        QFont bf = p->font();
        bf.setPointSizeF(7.5);
        bf.setBold(true);
        p->setFont(bf);
        p->setPen(Qt::white);
        p->drawText(b, Qt::AlignCenter, QString::number(m_node.diagnostics.size()));
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        for (EdgeItem *e : std::as_const(m_edges))
            e->adjust();
    return QGraphicsObject::itemChange(change, value);
}

void NodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    // The badge explains itself; the card names the block.
    if (!m_node.diagnostics.isEmpty() && badgeRect().contains(event->pos()))
        setToolTip(diagnosticsText(m_node.diagnostics));
    else
        setToolTip(QStringLiteral("<b>%1</b> %2%3")
                       .arg(models::nodeKindName(m_node.kind), m_node.type.toHtmlEscaped(),
                           m_node.name.isEmpty()
                               ? QString()
                               : QStringLiteral(" “%1”").arg(m_node.name.toHtmlEscaped())));
    QGraphicsObject::hoverMoveEvent(event);
}

void NodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_node.diagnostics.isEmpty()
        && badgeRect().contains(event->pos())) {
        emit badgeClicked(m_node.id);
        event->accept();
        return;
    }
    QGraphicsObject::mousePressEvent(event);
}

} // namespace kiln::ui

#include "app/ui/graph/PipelineScene.h"

#include "app/ui/graph/EdgeItem.h"
#include "app/ui/graph/LaneItem.h"
#include "app/ui/graph/NodeItem.h"

#include <QCursor>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QMimeData>
#include <QPainter>
#include <QTimer>
#include <QToolTip>

namespace kiln::ui {

using models::NodeKind;
using models::PipelineNode;
using registry::ComponentKind;

const char *const PipelineScene::ComponentMime = "application/x-kiln-component";

namespace {

bool parseComponentMime(const QMimeData *mime, ComponentKind *kind, QString *type)
{
    if (!mime || !mime->hasFormat(QString::fromLatin1(PipelineScene::ComponentMime)))
        return false;
    const QString payload
        = QString::fromUtf8(mime->data(QString::fromLatin1(PipelineScene::ComponentMime)));
    const int colon = payload.indexOf(QLatin1Char(':'));
    if (colon < 1)
        return false;
    *kind = ComponentKind(payload.left(colon).toInt());
    *type = payload.mid(colon + 1);
    return !type->isEmpty();
}

// "+n more" / "show fewer" under a long input group.
class GroupToggleItem : public QGraphicsObject
{
public:
    GroupToggleItem(
        const QRectF &rect, QString text, const GraphTheme *theme, std::function<void()> onClick)
        : m_rect(rect)
        , m_text(std::move(text))
        , m_theme(theme)
        , m_onClick(std::move(onClick))
    {
        setCursor(Qt::PointingHandCursor);
        setAcceptHoverEvents(true);
    }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(QPen(m_theme->cardBorder, 1, Qt::DashLine));
        p->setBrush(m_hover ? m_theme->lane : Qt::transparent);
        p->drawRoundedRect(m_rect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        QFont f = p->font();
        f.setPointSizeF(8.5);
        p->setFont(f);
        p->setPen(m_theme->mutedText);
        p->drawText(m_rect, Qt::AlignCenter, m_text);
    }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *) override
    {
        m_hover = true;
        update();
    }
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *) override
    {
        m_hover = false;
        update();
    }
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override { event->accept(); }
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *) override
    {
        // Deferred: the click rebuilds the scene, which deletes this item.
        QTimer::singleShot(0, scene(), m_onClick);
    }

private:
    QRectF m_rect;
    QString m_text;
    const GraphTheme *m_theme;
    std::function<void()> m_onClick;
    bool m_hover = false;
};

} // namespace

PipelineScene::PipelineScene(QObject *parent)
    : QGraphicsScene(parent)
{
    m_theme = GraphTheme::fromPalette(QPalette());
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (!m_rebuilding)
            emit selectedIdsChanged(selectedIds());
    });
}

PipelineScene::~PipelineScene()
{
    // Items going away deselect themselves; nobody should hear about that.
    m_rebuilding = true;
    blockSignals(true);
    clear();
}

void PipelineScene::setPalette(const QPalette &palette)
{
    QGraphicsScene::setPalette(palette);
    m_theme = GraphTheme::fromPalette(palette);
    setBackgroundBrush(m_theme.canvas);
    update();
}

void PipelineScene::setSnapshot(const models::PipelineSnapshot &snapshot, bool current)
{
    m_snapshot = snapshot;
    m_current = current;
    rebuild();
}

void PipelineScene::setPinned(const QHash<QString, QPointF> &pinned)
{
    m_pinned = pinned;
    rebuild();
}

void PipelineScene::clearPinned()
{
    m_pinned.clear();
    rebuild();
}

int PipelineScene::laneOfBuildName(const QString &buildName) const
{
    for (const models::PipelineBuild &b : m_snapshot.builds) {
        if (!b.name.isEmpty() && buildName.startsWith(b.name + QLatin1Char('.')))
            return b.index;
        if (b.name.isEmpty())
            for (const models::SourceUse &u : b.sources)
                if (buildName == u.ref
                    || (!u.localName.isEmpty()
                        && buildName
                            == u.ref.section(QLatin1Char('.'), 0, 0) + QLatin1Char('.')
                                + u.localName))
                    return b.index;
    }
    return -1;
}

void PipelineScene::setRunState(const QString &buildName, const QString &state)
{
    m_runStates.insert(buildName, state);
    if (LaneItem *lane = m_lanes.value(laneOfBuildName(buildName)))
        lane->setRunState(buildName, state);
}

void PipelineScene::clearRunStates()
{
    m_runStates.clear();
    rebuild();
}

QStringList PipelineScene::selectedIds() const
{
    QStringList ids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *n = dynamic_cast<NodeItem *>(item))
            ids << n->id();
    ids.sort();
    return ids;
}

void PipelineScene::selectIds(const QStringList &ids)
{
    const bool was = m_rebuilding;
    m_rebuilding = true;
    clearSelection();
    for (const QString &id : ids)
        if (NodeItem *n = m_nodes.value(id))
            n->setSelected(true);
    m_rebuilding = was;
    if (!was)
        emit selectedIdsChanged(selectedIds());
}

void PipelineScene::rebuild()
{
    const QStringList selected = selectedIds();
    m_rebuilding = true;
    clear();
    m_nodes.clear();
    m_lanes.clear();
    m_groupLabels.clear();
    GraphLayout::Options options;
    options.expandedGroups = m_expanded;
    m_layout = GraphLayout::compute(m_snapshot, m_pinned, options);
    const qreal opacity = m_current ? 1.0 : 0.45;

    for (const GraphLayout::Group &g : std::as_const(m_layout.groups)) {
        auto *label = addSimpleText(g.title.toUpper());
        QFont f = label->font();
        f.setPointSizeF(8);
        f.setBold(true);
        f.setLetterSpacing(QFont::PercentageSpacing, 108);
        label->setFont(f);
        label->setBrush(m_theme.mutedText);
        label->setPos(g.position + QPointF(2, 2));
        label->setOpacity(opacity);
        m_groupLabels << label;
        if (g.hidden != 0) {
            const QString title = g.title;
            const QString text = g.hidden > 0 ? tr("+ %1 more").arg(g.hidden) : tr("Show fewer");
            addItem(new GroupToggleItem(g.more, text, &m_theme, [this, title] {
                if (m_expanded.contains(title))
                    m_expanded.remove(title);
                else
                    m_expanded.insert(title);
                rebuild();
            }));
        }
    }
    for (const models::PipelineBuild &b : m_snapshot.builds) {
        auto *lane = new LaneItem(b, m_layout.lanes.at(b.index).rect, &m_theme);
        lane->setOpacity(opacity);
        addItem(lane);
        m_lanes.insert(b.index, lane);
    }
    for (auto it = m_runStates.cbegin(); it != m_runStates.cend(); ++it)
        if (LaneItem *lane = m_lanes.value(laneOfBuildName(it.key())))
            lane->setRunState(it.key(), it.value());
    for (const PipelineNode *n : m_snapshot.allNodes()) {
        if (!m_layout.nodes.contains(n->id))
            continue; // an input folded away under "+n more"
        const QRectF r = m_layout.nodes.value(n->id);
        auto *item = new NodeItem(*n, r.size(), &m_theme);
        item->setPos(r.topLeft());
        item->setOpacity(opacity);
        addItem(item);
        m_nodes.insert(n->id, item);
        connect(item, &NodeItem::badgeClicked, this, &PipelineScene::diagnosticActivated);
    }
    auto edge = [this, opacity](EdgeItem *e) {
        e->setOpacity(opacity);
        addItem(e);
        return e;
    };
    for (const models::PipelineBuild &b : m_snapshot.builds) {
        LaneItem *lane = m_lanes.value(b.index);
        for (const models::SourceUse &u : b.sources) {
            if (u.source < 0)
                continue;
            EdgeItem *e = edge(new EdgeItem(m_nodes.value(m_snapshot.sources.at(u.source).id),
                lane->entry(), EdgeItem::Source, &m_theme));
            e->lane = b.index;
        }
        // The flow: entry -> provisioners -> every chain's head -> along each chain.
        NodeItem *previous = nullptr;
        for (const PipelineNode &p : b.provisioners) {
            NodeItem *item = m_nodes.value(p.id);
            if (previous)
                edge(new EdgeItem(previous, item, EdgeItem::Flow, &m_theme));
            previous = item;
        }
        if (b.errorCleanup && !b.provisioners.isEmpty())
            edge(new EdgeItem(m_nodes.value(b.provisioners.first().id),
                m_nodes.value(b.errorCleanup->id), EdgeItem::Cleanup, &m_theme));
        for (const auto &chain : b.chains) {
            NodeItem *chainPrev = previous;
            for (const PipelineNode &pp : chain) {
                NodeItem *item = m_nodes.value(pp.id);
                if (chainPrev)
                    edge(new EdgeItem(chainPrev, item, EdgeItem::Flow, &m_theme));
                chainPrev = item;
            }
        }
    }
    setSceneRect(m_layout.bounds.adjusted(-80, -80, 80, 80));
    m_rebuilding = false;
    selectIds(selected);
}

PipelineScene::DropTarget PipelineScene::dropTarget(ComponentKind kind, const QPointF &p) const
{
    DropTarget t;
    if (kind == ComponentKind::Builder || kind == ComponentKind::DataSource) {
        t.lane = m_layout.laneAt(p);
        return t;
    }
    t.lane = m_layout.laneAt(p);
    if (t.lane < 0)
        return t;
    if (kind == ComponentKind::Provisioner) {
        t.position = m_layout.provisionerIndexAt(t.lane, p);
        return t;
    }
    const GraphLayout::Lane &lane = m_layout.lanes.at(t.lane);
    const auto &chains = m_snapshot.builds.at(t.lane).chains;
    if (p.x() < lane.postProcessorX - GraphLayout::HGap / 2 || chains.isEmpty()) {
        t.position = int(chains.size());
        return t;
    }
    t.position = m_layout.chainIndexAt(t.lane, p.y());
    if (t.position < chains.size()) {
        // Inside an existing chain row: the place among its members.
        const auto &chain = chains.at(t.position);
        int i = 0;
        while (i < chain.size() && p.x() > m_layout.nodes.value(chain.at(i).id).center().x())
            ++i;
        t.chainPosition = i;
    }
    return t;
}

int PipelineScene::reorderTarget(const NodeItem *item) const
{
    const PipelineNode &n = item->node();
    if (n.build < 0 || n.build >= m_snapshot.builds.size())
        return -1;
    const models::PipelineBuild &b = m_snapshot.builds.at(n.build);
    const QPointF c = item->sceneBoundingRect().center();
    int position = 0;
    if (n.kind == NodeKind::Provisioner) {
        // Among the others, in reading order (the lane wraps long lists into rows).
        for (const PipelineNode &other : b.provisioners) {
            if (other.id == n.id)
                continue;
            const QRectF r = m_layout.nodes.value(other.id);
            const bool before = c.y() > r.bottom() + GraphLayout::VGap / 2
                || (c.y() >= r.top() - GraphLayout::VGap / 2 && c.x() > r.center().x());
            position += before;
        }
    } else if (n.address.kind == tmpl::edit::BlockAddress::Kind::ChainPostProcessor
        && b.chains.at(n.index).size() > 1) {
        for (const PipelineNode &other : b.chains.at(n.index))
            if (other.id != n.id && m_layout.nodes.value(other.id).center().x() < c.x())
                ++position;
        return position == n.chainPosition ? -1 : position;
    } else {
        for (const auto &chain : b.chains)
            if (chain.first().index != n.index
                && m_layout.nodes.value(chain.first().id).center().y() < c.y())
                ++position;
        return position == n.index ? -1 : position;
    }
    return position == n.index ? -1 : position;
}

void PipelineScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    bool snapBack = false;
    for (QGraphicsItem *item : selectedItems()) {
        auto *n = dynamic_cast<NodeItem *>(item);
        if (!n)
            continue;
        const QPointF laidOut = m_layout.nodes.value(n->id()).topLeft();
        if ((n->pos() - laidOut).manhattanLength() < 4) {
            n->setPos(laidOut);
            continue;
        }
        if (n->reorders()) {
            const int target = reorderTarget(n);
            snapBack = true;
            if (target >= 0) {
                const QString id = n->id();
                emit moveRequested(id, target);
                break;
            }
        } else if (n->node().kind == NodeKind::Source
            && m_layout.laneAt(n->sceneBoundingRect().center()) >= 0) {
            // A source dropped onto a build it does not feed yet connects to it.
            const int lane = m_layout.laneAt(n->sceneBoundingRect().center());
            bool used = false;
            for (const models::SourceUse &u : m_snapshot.builds.at(lane).sources)
                used |= u.source == n->node().index;
            snapBack = true;
            if (!used) {
                emit connectRequested(n->id(), lane);
                break;
            }
        } else {
            m_pinned.insert(n->id(), n->pos());
            emit nodePinned(n->id(), n->pos());
        }
    }
    if (snapBack)
        for (NodeItem *n : std::as_const(m_nodes))
            n->setPos(m_layout.nodes.value(n->id()).topLeft());
}

void PipelineScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->scenePos()))
        if (auto *n = dynamic_cast<NodeItem *>(item)) {
            emit nodeActivated(n->id());
            return;
        }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void PipelineScene::clearDropHighlight()
{
    for (LaneItem *l : std::as_const(m_lanes))
        l->setDropHighlight(false);
}

void PipelineScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    ComponentKind kind;
    QString type;
    event->setAccepted(parseComponentMime(event->mimeData(), &kind, &type));
}

void PipelineScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    ComponentKind kind;
    QString type;
    if (!parseComponentMime(event->mimeData(), &kind, &type)) {
        event->ignore();
        return;
    }
    clearDropHighlight();
    if (const QString why = m_unavailable.value(kind); !why.isEmpty()) {
        QToolTip::showText(event->screenPos(), why);
        event->ignore();
        return;
    }
    const DropTarget t = dropTarget(kind, event->scenePos());
    const bool needsLane
        = kind == ComponentKind::Provisioner || kind == ComponentKind::PostProcessor;
    if (t.lane >= 0) {
        qreal x = -1;
        qreal y = -1;
        const GraphLayout::Lane &lane = m_layout.lanes.at(t.lane);
        if (kind == ComponentKind::Provisioner) {
            const QList<QPointF> &cells = lane.provisionerSlots;
            if (t.position < cells.size()) {
                x = cells.at(t.position).x() - GraphLayout::HGap / 2;
                y = cells.at(t.position).y();
            } else if (!cells.isEmpty()) {
                x = cells.last().x() + GraphLayout::NodeWidth + GraphLayout::HGap / 2;
                y = cells.last().y();
            } else {
                x = lane.rect.left() + GraphLayout::LanePadding / 2;
            }
        } else if (kind == ComponentKind::PostProcessor) {
            x = lane.postProcessorX - GraphLayout::HGap / 2;
            if (t.chainPosition >= 0) {
                const auto &chain = m_snapshot.builds.at(t.lane).chains.at(t.position);
                x = t.chainPosition < chain.size()
                    ? m_layout.nodes.value(chain.at(t.chainPosition).id).left()
                        - GraphLayout::HGap / 2
                    : m_layout.nodes.value(chain.last().id).right() + GraphLayout::HGap / 2;
                y = lane.chainRows.at(t.position);
            }
        }
        m_lanes.value(t.lane)->setDropHighlight(true, x, y);
    }
    event->setAccepted(!needsLane || t.lane >= 0);
}

void PipelineScene::dragLeaveEvent(QGraphicsSceneDragDropEvent *)
{
    clearDropHighlight();
    QToolTip::hideText();
}

void PipelineScene::setUnavailableKinds(const QHash<registry::ComponentKind, QString> &reasons)
{
    m_unavailable = reasons;
    m_unavailable.removeIf([](const auto &it) { return it.value().isEmpty(); });
}

void PipelineScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    clearDropHighlight();
    ComponentKind kind;
    QString type;
    if (!parseComponentMime(event->mimeData(), &kind, &type) || m_unavailable.contains(kind))
        return;
    const DropTarget t = dropTarget(kind, event->scenePos());
    event->acceptProposedAction();
    emit dropRequested(kind, type, t.lane, t.position, t.chainPosition);
}

} // namespace kiln::ui

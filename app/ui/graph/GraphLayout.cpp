#include "app/ui/graph/GraphLayout.h"

#include <QCoreApplication>
#include <algorithm>

namespace kiln::ui {

using models::PipelineBuild;
using models::PipelineNode;
using models::PipelineSnapshot;

namespace {

qreal laneContentWidth(const PipelineBuild &b, int perRow)
{
    const qsizetype provs
        = qMax<qsizetype>(qMin<qsizetype>(b.provisioners.size(), perRow), b.errorCleanup ? 1 : 0);
    qsizetype longestChain = 0;
    for (const auto &c : b.chains)
        longestChain = qMax(longestChain, c.size());
    const qsizetype columns = qMax<qsizetype>(1, provs + longestChain);
    return columns * GraphLayout::NodeWidth + (columns - 1) * GraphLayout::HGap;
}

} // namespace

GraphLayout GraphLayout::compute(const PipelineSnapshot &s, const QHash<QString, QPointF> &pinned,
    const GraphLayoutOptions &options)
{
    const int perRow = qMax(1, options.provisionersPerRow);
    GraphLayout g;
    const qreal inputWidth = NodeWidth - 24;

    // Inputs column.
    qreal y = 0;
    const bool anyInputs
        = !s.variables.isEmpty() || !s.locals.isEmpty() || !s.dataSources.isEmpty();
    auto group = [&](const QString &title, const QList<PipelineNode> &nodes) {
        if (nodes.isEmpty())
            return;
        Group group{title, QPointF(0, y), 0, {}};
        y += 24;
        // Long lists (bento declares 139 variables) show those with problems first, then a few.
        QList<const PipelineNode *> ordered;
        for (const PipelineNode &n : nodes)
            if (!n.diagnostics.isEmpty())
                ordered << &n;
        for (const PipelineNode &n : nodes)
            if (n.diagnostics.isEmpty())
                ordered << &n;
        const bool all
            = options.expandedGroups.contains(title) || ordered.size() <= options.inputLimit + 1;
        qsizetype withProblems = 0;
        for (const PipelineNode &n : nodes)
            withProblems += !n.diagnostics.isEmpty();
        const qsizetype shown
            = all ? ordered.size() : qMax<qsizetype>(options.inputLimit, withProblems);
        for (qsizetype i = 0; i < ordered.size(); ++i) {
            if (i >= shown && !all)
                break;
            g.nodes.insert(ordered.at(i)->id, QRectF(0, y, inputWidth, InputHeight));
            y += InputHeight + 6;
        }
        group.hidden = int(ordered.size() - qMin(shown, ordered.size()));
        if (all && options.expandedGroups.contains(title)
            && ordered.size() > options.inputLimit + 1)
            group.hidden = -1; // expanded: the control offers to collapse
        if (group.hidden != 0) {
            group.more = QRectF(0, y, inputWidth, 22);
            y += 28;
        }
        g.groups.append(group);
        y += 14;
    };
    // The title is also the group's key in expandedGroups: both come from here.
    group(QCoreApplication::translate("kiln::ui::GraphLayout", "Variables"), s.variables);
    group(QCoreApplication::translate("kiln::ui::GraphLayout", "Locals"), s.locals);
    group(QCoreApplication::translate("kiln::ui::GraphLayout", "Data sources"), s.dataSources);

    const qreal sourceX = anyInputs ? inputWidth + ColumnGap : 0;
    const qreal laneX = sourceX + NodeWidth + ColumnGap + 24;

    // Lanes, all as wide as the widest so they read as a table.
    qreal widest = NodeWidth;
    for (const PipelineBuild &b : s.builds)
        widest = qMax(widest, laneContentWidth(b, perRow));
    const qreal laneWidth = widest + 2 * LanePadding;
    qreal laneY = 0;
    for (const PipelineBuild &b : s.builds) {
        Lane lane;
        const qreal top = laneY + LaneHeader;
        const qreal rowStep = NodeHeight + VGap;
        // Provisioners fill rows of `perRow`, left to right, then wrap.
        const qsizetype provRows = (b.provisioners.size() + perRow - 1) / perRow;
        const qsizetype rows
            = std::max<qsizetype>({1, b.chains.size(), provRows + (b.errorCleanup ? 1 : 0)});
        const qreal height = LaneHeader + rows * NodeHeight + (rows - 1) * VGap + LanePadding;
        lane.rect = QRectF(laneX, laneY, laneWidth, height);
        lane.entry = QPointF(laneX, top + NodeHeight / 2);
        const qreal x0 = laneX + LanePadding;
        for (qsizetype i = 0; i < b.provisioners.size(); ++i) {
            const QPointF slot(
                x0 + (i % perRow) * (NodeWidth + HGap), top + (i / perRow) * rowStep);
            lane.provisionerSlots << slot;
            g.nodes.insert(b.provisioners.at(i).id, QRectF(slot, QSizeF(NodeWidth, NodeHeight)));
        }
        if (b.errorCleanup)
            g.nodes.insert(
                b.errorCleanup->id, QRectF(x0, top + provRows * rowStep, NodeWidth, NodeHeight));
        const qsizetype provColumns = qMax<qsizetype>(
            qMin<qsizetype>(b.provisioners.size(), perRow), b.errorCleanup ? 1 : 0);
        const qreal x = x0 + provColumns * (NodeWidth + HGap);
        lane.postProcessorX = x;
        for (qsizetype c = 0; c < b.chains.size(); ++c) {
            const qreal rowY = top + c * rowStep;
            lane.chainRows << rowY;
            qreal px = x;
            for (const PipelineNode &n : b.chains.at(c)) {
                g.nodes.insert(n.id, QRectF(px, rowY, NodeWidth, NodeHeight));
                px += NodeWidth + HGap;
            }
        }
        g.lanes << lane;
        laneY += height + LaneGap;
    }

    // Sources next to the first lane that uses them, in that order; unused ones last.
    QList<int> order;
    QHash<int, int> firstLane;
    for (const PipelineBuild &b : s.builds)
        for (const models::SourceUse &u : b.sources)
            if (u.source >= 0 && !firstLane.contains(u.source))
                firstLane.insert(u.source, b.index);
    for (int i = 0; i < s.sources.size(); ++i)
        order << i;
    std::stable_sort(order.begin(), order.end(),
        [&](int a, int b) { return firstLane.value(a, INT_MAX) < firstLane.value(b, INT_MAX); });
    qreal nextFree = 0;
    for (int i : order) {
        qreal want = nextFree;
        if (firstLane.contains(i)) {
            const Lane &lane = g.lanes.at(firstLane.value(i));
            want = qMax(nextFree, lane.rect.top() + LaneHeader);
        }
        g.nodes.insert(s.sources.at(i).id, QRectF(sourceX, want, NodeWidth, NodeHeight));
        nextFree = want + NodeHeight + VGap;
    }

    for (auto it = pinned.cbegin(); it != pinned.cend(); ++it) {
        auto n = g.nodes.find(it.key());
        if (n != g.nodes.end())
            n->moveTopLeft(it.value());
    }
    // A lane grows around nodes the user moved out of it.
    for (const PipelineBuild &b : s.builds) {
        Lane &lane = g.lanes[b.index];
        auto grow = [&](const PipelineNode &n) {
            lane.rect = lane.rect.united(
                g.nodes.value(n.id).adjusted(-LanePadding, -LaneHeader, LanePadding, LanePadding));
        };
        for (const PipelineNode &n : b.provisioners)
            if (pinned.contains(n.id))
                grow(n);
        for (const auto &c : b.chains)
            for (const PipelineNode &n : c)
                if (pinned.contains(n.id))
                    grow(n);
    }
    for (const QRectF &r : std::as_const(g.nodes))
        g.bounds = g.bounds.united(r);
    for (const Lane &l : std::as_const(g.lanes))
        g.bounds = g.bounds.united(l.rect);
    return g;
}

int GraphLayout::provisionerIndexAt(int lane, const QPointF &p) const
{
    if (lane < 0 || lane >= lanes.size())
        return 0;
    const QList<QPointF> &cells = lanes.at(lane).provisionerSlots;
    // Reading order: rows top to bottom, then left to right within the row.
    int i = 0;
    while (i < cells.size()) {
        const QPointF s = cells.at(i);
        const bool rowAbove = p.y() > s.y() + NodeHeight + VGap / 2;
        const bool sameRowRight = p.y() >= s.y() - VGap / 2 && p.x() > s.x() + NodeWidth / 2;
        if (!rowAbove && !sameRowRight)
            break;
        ++i;
    }
    return i;
}

int GraphLayout::chainIndexAt(int lane, qreal y) const
{
    if (lane < 0 || lane >= lanes.size())
        return 0;
    const QList<qreal> &rows = lanes.at(lane).chainRows;
    for (int i = 0; i < rows.size(); ++i)
        if (y < rows.at(i) + NodeHeight + VGap / 2)
            return i;
    return int(rows.size());
}

int GraphLayout::laneAt(const QPointF &p) const
{
    for (int i = 0; i < lanes.size(); ++i)
        if (lanes.at(i).rect.contains(p))
            return i;
    return -1;
}

} // namespace kiln::ui

#pragma once

#include "app/models/document/PipelineSnapshot.h"

#include <QGraphicsObject>
#include <QMap>

namespace kiln::ui {

struct GraphTheme;

// The band behind one build block: its name, how many sources feed it, its
// build-level diagnostics, and the drop target for palette components.
class LaneItem : public QGraphicsObject
{
    Q_OBJECT
public:
    LaneItem(const models::PipelineBuild &build, const QRectF &rect, const GraphTheme *theme);

    int buildIndex() const { return m_build.index; }
    const models::PipelineBuild &build() const { return m_build; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    void setDropHighlight(bool on, qreal markerX = -1, qreal markerY = -1);
    QPointF entry() const;
    // The run status of one of the lane's builds (Packer runs a build block once per
    // source): "running", "running step NAME", "done", "failed", "cancelled"; empty clears.
    void setRunState(const QString &buildName, const QString &state);
    QString runSummary() const;

private:
    models::PipelineBuild m_build;
    QRectF m_rect;
    const GraphTheme *m_theme;
    bool m_drop = false;
    QPointF m_marker{-1, -1};
    QMap<QString, QString> m_runStates;
};

} // namespace kiln::ui

#pragma once

#include "app/models/document/PipelineSnapshot.h"

#include <QGraphicsObject>

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

private:
    models::PipelineBuild m_build;
    QRectF m_rect;
    const GraphTheme *m_theme;
    bool m_drop = false;
    QPointF m_marker{-1, -1};
};

} // namespace kiln::ui

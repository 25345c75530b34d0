#pragma once

#include <QGraphicsView>

class QLabel;

namespace kiln::ui {

class PipelineScene;

// The graph's viewport: Ctrl+wheel zooms around the cursor, the middle button
// (or Space + drag) pans, dragging on the canvas rubber-band selects, F fits.
// A banner across the top says when the text does not parse and the graph
// shows the last valid state. Typing a letter starts quick-add.
class PipelineView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit PipelineView(PipelineScene *scene, QWidget *parent = nullptr);

    PipelineScene *pipelineScene() const { return m_scene; }
    void fitAll();
    void zoomBy(qreal factor);
    qreal zoom() const { return transform().m11(); }
    // Empty text hides the banner.
    void setBanner(const QString &text);
    QString bannerText() const;
    // The scene position quick-add inserts at: the cursor if it is over the view, else the centre.
    QPointF insertionPoint() const;

signals:
    // The user typed `text` over the graph: the window opens quick-add with it.
    void quickAddRequested(const QString &text);
    void contextMenuAt(const QPoint &globalPos, const QPointF &scenePos);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    PipelineScene *m_scene;
    QLabel *m_banner;
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_panOrigin;
};

} // namespace kiln::ui

#include "app/ui/graph/PipelineView.h"

#include "app/ui/graph/PipelineScene.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollBar>
#include <QWheelEvent>

namespace kiln::ui {

PipelineView::PipelineView(PipelineScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
    , m_banner(new QLabel(this))
{
    setRenderHints(
        QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(RubberBandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    m_banner->setObjectName(QStringLiteral("graphBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setContentsMargins(12, 7, 12, 7);
    m_banner->hide();
    applyTheme();
}

void PipelineView::applyTheme()
{
    m_scene->setPalette(palette());
    const GraphTheme &t = m_scene->theme();
    m_banner->setStyleSheet(
        QStringLiteral(
            "QLabel#graphBanner { background: %1; color: %2; border-bottom: 1px solid %3; }")
            .arg(t.dark ? QStringLiteral("#4a2a12") : QStringLiteral("#fff4e5"),
                t.dark ? QStringLiteral("#fde2c4") : QStringLiteral("#7a3d00"), t.warning.name()));
}

void PipelineView::fitAll()
{
    const QRectF r = m_scene->layout().bounds.adjusted(-40, -40, 40, 40);
    if (r.isEmpty())
        return;
    fitInView(r, Qt::KeepAspectRatio);
    // Do not blow a small pipeline up beyond its natural size.
    if (transform().m11() > 1.0)
        setTransform(QTransform());
    centerOn(r.center());
}

void PipelineView::zoomBy(qreal factor)
{
    const qreal z = transform().m11() * factor;
    if (z < 0.15 || z > 4.0)
        return;
    scale(factor, factor);
}

void PipelineView::setBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
    resizeEvent(nullptr);
}

QString PipelineView::bannerText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

QPointF PipelineView::insertionPoint() const
{
    const QPoint cursor = viewport()->mapFromGlobal(QCursor::pos());
    if (viewport()->rect().contains(cursor))
        return mapToScene(cursor);
    return mapToScene(viewport()->rect().center());
}

void PipelineView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void PipelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (m_spaceHeld && event->button() == Qt::LeftButton)) {
        m_panning = true;
        m_panOrigin = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void PipelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->pos() - m_panOrigin;
        m_panOrigin = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void PipelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void PipelineView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    if (event->key() == Qt::Key_F && event->modifiers() == Qt::NoModifier) {
        fitAll();
        return;
    }
    const QString text = event->text();
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::ShiftModifier) {
        if (text.size() == 1 && text.at(0).isLetter()) {
            emit quickAddRequested(text);
            return;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void PipelineView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->unsetCursor();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void PipelineView::drawBackground(QPainter *painter, const QRectF &rect)
{
    const GraphTheme &t = m_scene->theme();
    painter->fillRect(rect, t.canvas);
    // A dot grid: orientation without noise.
    const qreal step = 24;
    if (transform().m11() < 0.5)
        return;
    painter->setPen(QPen(t.grid, 1.6 / transform().m11(), Qt::SolidLine, Qt::RoundCap));
    const qreal left = std::floor(rect.left() / step) * step;
    const qreal top = std::floor(rect.top() / step) * step;
    QList<QPointF> dots;
    for (qreal x = left; x < rect.right(); x += step)
        for (qreal y = top; y < rect.bottom(); y += step)
            dots << QPointF(x, y);
    painter->drawPoints(dots.constData(), int(dots.size()));
}

void PipelineView::drawForeground(QPainter *painter, const QRectF &)
{
    if (!m_scene->layout().nodes.isEmpty() || !m_scene->snapshot().builds.isEmpty())
        return;
    // An empty pipeline says how to start one.
    const GraphTheme &t = m_scene->theme();
    painter->save();
    painter->resetTransform();
    const QRect area = viewport()->rect();
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.35);
    title.setBold(true);
    painter->setFont(title);
    painter->setPen(t.mutedText);
    const QRect top(area.left(), area.center().y() - 40, area.width(), 30);
    painter->drawText(top, Qt::AlignCenter, tr("No pipeline yet"));
    painter->setFont(font());
    painter->drawText(QRect(area.left() + 40, top.bottom() + 6, area.width() - 80, 60),
        Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
        tr("Drag a builder from the Components list onto the canvas, type its name here to add it, "
           "or write the template in the text view below. File ▸ Open loads an existing "
           "template."));
    painter->restore();
}

void PipelineView::contextMenuEvent(QContextMenuEvent *event)
{
    emit contextMenuAt(event->globalPos(), mapToScene(event->pos()));
}

void PipelineView::resizeEvent(QResizeEvent *event)
{
    if (event)
        QGraphicsView::resizeEvent(event);
    if (m_banner->isVisible()) {
        m_banner->setFixedWidth(viewport()->width());
        m_banner->adjustSize();
        m_banner->move(0, 0);
    }
}

void PipelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QGraphicsView::changeEvent(event);
}

} // namespace kiln::ui

#include "app/ui/build/ConsoleFoldGutter.h"

#include "app/ui/build/ConsoleView.h"

#include <QMouseEvent>

namespace kiln::ui {

ConsoleFoldGutter::ConsoleFoldGutter(ConsoleView *view)
    : QWidget(view)
    , m_view(view)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QSize ConsoleFoldGutter::sizeHint() const
{
    return {m_view->gutterWidth(), 0};
}

void ConsoleFoldGutter::paintEvent(QPaintEvent *event)
{
    m_view->paintGutter(event);
}

void ConsoleFoldGutter::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QTextBlock header = m_view->headerAt(event->position().toPoint().y());
    if (header.isValid())
        emit m_view->foldMarkerClicked(header);
    event->accept();
}

void ConsoleFoldGutter::mouseMoveEvent(QMouseEvent *event)
{
    const QTextBlock header = m_view->headerAt(event->position().toPoint().y());
    setCursor(header.isValid() ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

} // namespace kiln::ui

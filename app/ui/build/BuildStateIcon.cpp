#include "app/ui/build/BuildStateIcon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace kiln::ui {

using models::BuildState;

QColor BuildStateIcon::color(BuildState state)
{
    switch (state) {
    case BuildState::Pending:
        return QColor(0x8c, 0x95, 0x9f);
    case BuildState::Running:
        return QColor(0x21, 0x8b, 0xff);
    case BuildState::Succeeded:
        return QColor(0x2d, 0xa4, 0x4e);
    case BuildState::Failed:
        return QColor(0xe5, 0x53, 0x4b);
    case BuildState::Cancelled:
        return QColor(0x8c, 0x95, 0x9f);
    }
    return {};
}

QIcon BuildStateIcon::icon(BuildState state, qreal devicePixelRatio)
{
    const int size = 16;
    QPixmap pm(QSize(size, size) * devicePixelRatio);
    pm.setDevicePixelRatio(devicePixelRatio);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = color(state);
    const QRectF r(2, 2, size - 4, size - 4);
    switch (state) {
    case BuildState::Pending:
        p.setPen(QPen(c, 1.5));
        p.drawEllipse(r);
        break;
    case BuildState::Running:
        p.setPen(QPen(c.lighter(160), 2));
        p.drawEllipse(r);
        p.setPen(QPen(c, 2, Qt::SolidLine, Qt::RoundCap));
        p.drawArc(r, 90 * 16, -270 * 16);
        break;
    case BuildState::Succeeded: {
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(r);
        QPainterPath check;
        check.moveTo(5, 8.3);
        check.lineTo(7.2, 10.5);
        check.lineTo(11.2, 5.8);
        p.setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(check);
        break;
    }
    case BuildState::Failed:
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(r);
        p.setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(5.6, 5.6), QPointF(10.4, 10.4));
        p.drawLine(QPointF(10.4, 5.6), QPointF(5.6, 10.4));
        break;
    case BuildState::Cancelled:
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(r);
        p.setBrush(Qt::white);
        p.drawRect(QRectF(5.5, 5.5, 5, 5));
        break;
    }
    p.end();
    return QIcon(pm);
}

} // namespace kiln::ui

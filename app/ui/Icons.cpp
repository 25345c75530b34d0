#include "app/ui/Icons.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

// The icons live in resources/designer.qrc, compiled into the kiln_gui static library;
// its registration must be referenced explicitly (and from the global namespace).
static void initDesignerResources()
{
    Q_INIT_RESOURCE(designer);
}

namespace kiln::ui {

namespace {

QByteArray svgSource(const QString &name)
{
    static const bool registered = (initDesignerResources(), true);
    Q_UNUSED(registered);
    static QHash<QString, QByteArray> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        QFile f(QStringLiteral(":/kiln/icons/%1.svg").arg(name));
        it = cache.insert(name, f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray());
    }
    return it.value();
}

// Renders at whatever size and scale the widget asks for, so toolbar icons stay
// crisp on HiDPI screens and follow palette changes.
class TintedIconEngine : public QIconEngine
{
public:
    TintedIconEngine(QString name, QColor color)
        : m_name(std::move(name))
        , m_color(color)
    { }
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QColor c
            = m_color.isValid() ? m_color : QApplication::palette().color(QPalette::WindowText);
        if (mode == QIcon::Disabled)
            c = QApplication::palette().color(QPalette::Disabled, QPalette::WindowText);
        QByteArray svg = svgSource(m_name);
        svg.replace("currentColor", c.name().toLatin1());
        QSvgRenderer renderer(svg);
        renderer.render(painter, QRectF(rect));
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }
    QPixmap scaledPixmap(
        const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.fill(Qt::transparent);
        {
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            paint(&p, QRect(QPoint(), pm.size()), mode, state);
        }
        pm.setDevicePixelRatio(scale);
        return pm;
    }
    QIconEngine *clone() const override { return new TintedIconEngine(m_name, m_color); }

private:
    QString m_name;
    QColor m_color;
};

} // namespace

QIcon Icons::icon(const QString &name)
{
    return QIcon(new TintedIconEngine(name, QColor()));
}

QIcon Icons::icon(const QString &name, const QColor &color)
{
    return QIcon(new TintedIconEngine(name, color));
}

QPixmap Icons::pixmap(const QString &name, const QColor &color, int size, qreal devicePixelRatio)
{
    TintedIconEngine engine(name, color);
    return engine.scaledPixmap(QSize(size, size), QIcon::Normal, QIcon::Off, devicePixelRatio);
}

} // namespace kiln::ui

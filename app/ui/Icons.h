#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>

namespace kiln::ui {

// The designer's line icons (resources/icons/<name>.svg). They are drawn in
// `currentColor`, which is replaced by the colour asked for, so one set of SVGs
// serves light and dark palettes; pixmaps are rendered at the device pixel ratio.
class Icons
{
public:
    // Tinted with the palette's window text colour (disabled state greyed).
    static QIcon icon(const QString &name);
    static QIcon icon(const QString &name, const QColor &color);
    static QPixmap pixmap(
        const QString &name, const QColor &color, int size, qreal devicePixelRatio);
};

} // namespace kiln::ui

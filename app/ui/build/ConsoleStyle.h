#pragma once

#include "app/models/build/ConsoleLine.h"

#include <QColor>
#include <QPalette>
#include <QTextCharFormat>

namespace kiln::ui {

// Packer's console colours (builds cycle green, cyan, magenta, yellow, blue; errors red;
// `==>` lines bold) turned into colours that read well on the current palette: darker
// tones on a light background, lighter ones on a dark background.
class ConsoleStyle
{
public:
    explicit ConsoleStyle(const QPalette &palette);

    bool isDark() const { return m_dark; }
    QColor buildColor(int index) const;
    QColor errorColor() const;
    QColor warningColor() const;
    QColor mutedColor() const;
    // The format of a line of `kind` printed by the build with colour `buildIndex`.
    QTextCharFormat format(
        models::ConsoleLine::Kind kind, int buildIndex, const QString &text) const;

private:
    QPalette m_palette;
    bool m_dark = false;
};

} // namespace kiln::ui

#pragma once

#include "app/models/build/AnsiStyledText.h"
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
    // The colour an ANSI escape asks for (AnsiStyle::foreground: 0-15 the terminal's
    // palette in tones readable on this background, 16-255 xterm's cube and greys, 256
    // `rgb`).
    QColor ansiColor(int index, unsigned rgb) const;
    // `base` with the attributes an ANSI escape set on top.
    QTextCharFormat withAnsi(QTextCharFormat base, const models::AnsiStyle &style) const;
    // The format of a line of `kind` printed by the build with colour `buildIndex`.
    QTextCharFormat format(
        models::ConsoleLine::Kind kind, int buildIndex, const QString &text) const;

private:
    QPalette m_palette;
    bool m_dark = false;
};

} // namespace kiln::ui

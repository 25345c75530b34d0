#pragma once

#include "app/ui/editor/HclHighlighter.h"

#include <QColor>
#include <QPalette>

namespace kiln::ui {

// The editor's colours, derived from the widget palette so the text view follows the
// system's light or dark appearance: background and plain text come from the palette,
// syntax colours from one of two hand-tuned sets chosen by the background's lightness.
struct EditorColors
{
    bool dark = false;
    QColor paper;
    QColor text;
    QColor margin;
    QColor marginText;
    QColor caretLine;
    QColor selection;
    QColor braceMatch;
    QColor error;
    QColor warning;
    QColor annotationErrorPaper;
    QColor annotationWarningPaper;

    static EditorColors fromPalette(const QPalette &palette);
    QColor style(HclStyle style) const;
};

} // namespace kiln::ui

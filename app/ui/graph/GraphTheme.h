#pragma once

#include "app/models/document/PipelineSnapshot.h"

#include <QColor>
#include <QPalette>

namespace kiln::ui {

// Colours of the graph, derived from the application palette so the graph
// follows a light or dark system theme; accents are fixed per node kind and
// tuned for contrast against both.
struct GraphTheme
{
    QColor canvas, grid, card, cardBorder, text, mutedText, lane, laneBorder, edge, selection,
        error, warning;
    bool dark = false;

    static GraphTheme fromPalette(const QPalette &palette);
    QColor accent(models::NodeKind kind) const;
};

} // namespace kiln::ui

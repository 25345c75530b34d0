#pragma once

#include "app/models/build/BuildState.h"

#include <QIcon>

namespace kiln::ui {

// Small drawn icons for a build's state on its console tab (and anywhere a build is
// listed): hollow circle pending, blue ring running, green check, red cross, grey stop.
// Drawn rather than loaded so they follow the device pixel ratio and need no resources.
class BuildStateIcon
{
public:
    static QIcon icon(models::BuildState state, qreal devicePixelRatio = 2.0);
    static QColor color(models::BuildState state);
};

} // namespace kiln::ui

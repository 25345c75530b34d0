#pragma once

#include <QList>

class QFrame;
class QLabel;
class QPushButton;

namespace kiln::ui {

// The look shared by the bars shown above the designer's views (reload from disk,
// recover autosaved edits): a framed strip tinted from the palette's highlight so it reads
// in light and dark themes, a wrapping message, then the buttons.
void layOutNoticeBar(QFrame *bar, QLabel *message, const QList<QPushButton *> &buttons);

} // namespace kiln::ui

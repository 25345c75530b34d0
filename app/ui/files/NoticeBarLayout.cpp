#include "app/ui/files/NoticeBarLayout.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace kiln::ui {

void layOutNoticeBar(QFrame *bar, QLabel *message, const QList<QPushButton *> &buttons)
{
    bar->setFrameShape(QFrame::StyledPanel);
    bar->setAutoFillBackground(true);
    QPalette p = bar->palette();
    QColor tint = p.color(QPalette::Highlight);
    tint.setAlpha(60);
    p.setColor(QPalette::Window, tint);
    bar->setPalette(p);
    message->setWordWrap(true);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(message, 1);
    for (QPushButton *b : buttons)
        layout->addWidget(b);
}

} // namespace kiln::ui

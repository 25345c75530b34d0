#pragma once

#include <QWidget>

namespace kiln::ui {

class ConsoleView;

// The strip left of a console's text where step headers show their fold markers. It only
// forwards painting and clicks to its view, which knows the blocks on screen.
class ConsoleFoldGutter : public QWidget
{
    Q_OBJECT
public:
    explicit ConsoleFoldGutter(ConsoleView *view);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    ConsoleView *m_view;
};

} // namespace kiln::ui

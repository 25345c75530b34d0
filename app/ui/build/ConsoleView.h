#pragma once

#include "app/ui/build/ConsoleFolding.h"

#include <QPlainTextEdit>

namespace kiln::ui {

class ConsoleFoldGutter;

// The console's text view: a QPlainTextEdit with a fold gutter on its left (a disclosure
// marker next to every step header that has lines under it) and a "⋯" after each folded
// header. Only the blocks on screen are painted, so folding costs nothing per append.
class ConsoleView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ConsoleView(QWidget *parent = nullptr);
    ~ConsoleView() override;

    ConsoleFolding &folding() { return m_folding; }
    QWidget *foldGutter() const;
    int gutterWidth() const;
    // The header whose marker sits at `y` of the gutter (invalid when there is none).
    QTextBlock headerAt(int y) const;

signals:
    // The user clicked the marker of `header` (the pane folds or unfolds it).
    void foldMarkerClicked(const QTextBlock &header);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class ConsoleFoldGutter;
    void paintGutter(QPaintEvent *event);
    void updateGutterWidth();

    ConsoleFolding m_folding;
    ConsoleFoldGutter *m_gutter = nullptr;
};

} // namespace kiln::ui

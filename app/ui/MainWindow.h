#pragma once

#include <QMainWindow>

namespace kiln::ui {

// The designer's window. The pipeline graph, text view, palette, inspector and
// build dock arrive with the designer issue; the layering is in place now.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    void openPath(const QString &path);
};

} // namespace kiln::ui

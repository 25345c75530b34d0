#include "app/ui/MainWindow.h"

#include <QFileInfo>
#include <QLabel>

namespace kiln::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Kiln"));
    auto *placeholder = new QLabel(tr("Open a Packer template (File ▸ Open) to design its pipeline."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    resize(1280, 800);
}

void MainWindow::openPath(const QString &path)
{
    setWindowTitle(tr("%1 — Kiln").arg(QFileInfo(path).fileName()));
}

} // namespace kiln::ui

#include "app/ui/GuiMain.h"

#include "app/ui/MainWindow.h"

#include <QApplication>

namespace kiln::ui {

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Kiln"));
    MainWindow window;
    const QStringList args = app.arguments();
    if (args.size() > 1)
        window.openPath(args.at(1));
    window.show();
    return app.exec();
}

} // namespace kiln::ui

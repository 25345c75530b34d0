#include "app/ui/GuiMain.h"

#include "app/ui/MainWindow.h"
#include "app/ui/settings/LanguageSettings.h"

#include <QApplication>
#include <QFileInfo>

namespace kiln::ui {

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Kiln"));
    QApplication::setOrganizationName(QStringLiteral("Kiln"));
    QApplication::setApplicationDisplayName(QStringLiteral("Kiln"));
    // Wayland compositors and task bars match the window to kiln.desktop by this name.
    QGuiApplication::setDesktopFileName(QStringLiteral("kiln"));
    // Before any widget exists: every tr() from here on finds the chosen language.
    LanguageSettings::apply(LanguageSettings::effectiveCode());
    MainWindow window;
    const QStringList args = app.arguments();
    // `kiln FILE|DIR`: the first argument that is not an option names the template.
    bool opened = false;
    for (const QString &arg : args.mid(1)) {
        if (!arg.startsWith(QLatin1Char('-')) && QFileInfo::exists(arg)) {
            opened = window.openPath(arg);
            break;
        }
    }
    // Opening a template offers its own recovery; an empty start offers what a
    // crashed session left of an untitled template.
    if (!opened)
        window.offerRecovery();
    window.show();
    return app.exec();
}

} // namespace kiln::ui

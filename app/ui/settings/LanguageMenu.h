#pragma once

#include <QMenu>

class QActionGroup;

namespace kiln::ui {

// Settings > Language: "System default" plus every shipped language, each named in its
// own language. Choosing one stores the override (LanguageSettings); the designer
// starts in it next time, since the open windows were built in the old language.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    // Stores code as the override ("" for the system default), as picking its entry does,
    // without the restart note.
    void choose(const QString &code);

signals:
    void languageChosen(const QString &code);

private:
    void sync();

    QActionGroup *m_group;
};

} // namespace kiln::ui

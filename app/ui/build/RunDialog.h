#pragma once

#include "app/models/build/RunRequest.h"
#include "app/models/build/RunVariables.h"

#include <QDialog>
#include <QList>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace kiln::ui {

// "Run…": the flags of `kiln build` a designer user wants per run, in one dialog. Which
// builds (every one, only the checked ones, or all but the checked ones: -only/-except),
// a value for each input variable (defaults as placeholders, required ones marked,
// sensitive ones masked with a button to reveal), -var-file files, -force, -debug,
// -on-error, -parallel-builds and the undeclared-variable warning. request() is what
// the Run button asks the build model for.
class RunDialog : public QDialog
{
    Q_OBJECT
public:
    // `initial` fills the dialog (what was chosen last time for this template).
    RunDialog(const QStringList &builds, const QList<models::RunVariable> &variables,
        const models::RunRequest &initial, QWidget *parent = nullptr);

    models::RunRequest request() const;
    // Names of the sensitive variables, whose values must not be remembered.
    QStringList sensitiveNames() const;

private:
    void fillVariables(const QList<tmpl::VarSetting> &vars);
    void addVarFile();
    void updateRunButton();
    QWidget *buildsSection(const QStringList &builds, const models::RunRequest &initial);
    QWidget *variablesSection();
    QWidget *optionsSection(const models::RunRequest &initial);

    models::RunRequest m_initial;
    QList<models::RunVariable> m_variables;
    QButtonGroup *m_selection = nullptr; // 0 every build, 1 only checked, 2 all but checked
    QListWidget *m_builds = nullptr;
    QTableWidget *m_table = nullptr;
    QList<QLineEdit *> m_values; // one per variable, in m_variables' order
    QListWidget *m_varFiles = nullptr;
    QCheckBox *m_force = nullptr;
    QCheckBox *m_debug = nullptr;
    QCheckBox *m_warnUndeclared = nullptr;
    QComboBox *m_onError = nullptr;
    QSpinBox *m_parallel = nullptr;
    QPushButton *m_runButton = nullptr;
};

} // namespace kiln::ui

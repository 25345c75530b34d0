#pragma once

#include "app/models/build/BuildState.h"
#include "app/ui/build/AskDialog.h"
#include "engine/build/BuildOptions.h"
#include "engine/hcl/Diagnostic.h"
#include "engine/template/TemplateLoader.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QTabWidget;
class QTimer;
class QToolButton;
class QMenu;

namespace kiln::models {
class BuildRunModel;
struct ConsoleLine;
} // namespace kiln::models

namespace kiln::ui {

class ConsolePane;

// The build dock at the bottom of the designer: Run/Stop, the -only selection, the
// -on-error mode, the elapsed time; an "All" console interleaving every build as the CLI
// prints it, one console tab per build (created when the build starts, its icon showing
// running / succeeded / failed / cancelled), and the artifacts of the run. Questions of
// -on-error=ask and breakpoints come up as non-modal prompts.
//
// The caller saves the template before run(); the dock builds the file or directory set
// with setTemplatePath().
class BuildDock : public QWidget
{
    Q_OBJECT
public:
    explicit BuildDock(QWidget *parent = nullptr);
    ~BuildDock() override;

    void setTemplatePath(const QString &path);
    QString templatePath() const { return m_path; }
    // -var and -var-file values, in command-line order.
    void setVariables(const QList<kiln::tmpl::VarSetting> &vars);
    // Build names offered in the -only menu (the designer knows them from the template);
    // builds seen in a run are added too.
    void setKnownBuilds(const QStringList &builds);
    // -only: empty runs every build.
    void setOnly(const QStringList &builds);
    QStringList only() const;
    void setOnError(kiln::build::OnError mode);
    kiln::build::OnError onError() const;
    void setParallelBuilds(int parallel) { m_parallel = parallel; }

    bool isRunning() const;
    models::BuildRunModel *model() const { return m_model; }
    ConsolePane *allPane() const { return m_all; }
    ConsolePane *pane(const QString &build) const { return m_panes.value(build); }
    QTabWidget *tabs() const { return m_tabs; }
    QListWidget *artifactList() const { return m_artifacts; }
    // The prompt of the question the builds wait on now, if any.
    AskDialog *pendingQuestion() const { return m_ask; }
    QString elapsedText() const;

public slots:
    void run();
    // "Run…": the Run dialog (builds, variables, -force, -debug, ...), prefilled with what
    // was chosen for this template last time; its choices stay for the next Run.
    void runWithDialog();
    void stop();
    // Shows or hides per-line timestamps in every console, redrawn from the run's buffers.
    void setTimestampsVisible(bool visible);

signals:
    void runningChanged(bool running);
    // "running", "running step NAME", "done", "failed", "cancelled": for graph highlighting.
    void buildStateChanged(const QString &buildName, const QString &state);
    void locationActivated(const QString &file, int line, int column);
    void diagnosticsChanged(const kiln::hcl::Diagnostics &diagnostics);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onBuildsAnnounced(const QStringList &builds);
    void onLines(const QList<models::ConsoleLine> &lines);
    void onState(const QString &build, models::BuildState state, const QString &step);
    void onQuestion(quint64 id, const QString &build, const QString &question);
    void onWithdrawn(quint64 id);
    void onRunning(bool running);
    ConsolePane *ensurePane(const QString &build);
    void rebuildOnlyMenu();
    void updateElapsed();
    int tabIndexOf(const QString &build) const;

    models::BuildRunModel *m_model = nullptr;
    QString m_path;
    QList<kiln::tmpl::VarSetting> m_vars;
    QStringList m_known;
    QStringList m_only;
    int m_parallel = 0;
    // Chosen in the Run dialog, kept for the plain Run button.
    QStringList m_except;
    QList<kiln::tmpl::VarSetting> m_runVars;
    bool m_force = false;
    bool m_debug = false;
    bool m_warnUndeclared = false;

    QToolButton *m_run = nullptr;
    QToolButton *m_runWith = nullptr;
    QToolButton *m_stop = nullptr;
    QToolButton *m_onlyButton = nullptr;
    QMenu *m_onlyMenu = nullptr;
    QComboBox *m_onError = nullptr;
    QToolButton *m_answer = nullptr;
    QToolButton *m_foldAll = nullptr;
    QToolButton *m_unfoldAll = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_elapsed = nullptr;
    QTimer *m_clock = nullptr;
    QTabWidget *m_tabs = nullptr;
    ConsolePane *m_all = nullptr;
    QListWidget *m_artifacts = nullptr;
    QHash<QString, ConsolePane *> m_panes;
    QPointer<AskDialog> m_ask;
};

} // namespace kiln::ui

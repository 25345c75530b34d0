#pragma once

#include "app/models/document/PipelineSnapshot.h"
#include "app/models/files/ExampleCatalog.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QMenu;
class QSplitter;
class QTabBar;
class QTabWidget;
class QLabel;
class QVBoxLayout;

namespace kiln::models {
class DiskChangeMonitor;
class DocumentAutosaver;
class PipelineEditing;
class TemplateDocument;
} // namespace kiln::models

namespace kiln::ui {

class BuildDock;
class InspectorDock;
class PaletteDock;
class PipelineScene;
class PipelineView;
class ProblemsView;
class RecoveryBar;
class ReloadBar;
class TemplateTextEditor;

// The designer's window: the pipeline graph above the template text (a splitter,
// either side can be maximised), the component palette on the left, the inspector on
// the right, builds and problems at the bottom. Both views edit one TemplateDocument;
// every edit goes document -> text -> reparse -> graph.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a template file or directory; false (with a message box unless quiet) if it cannot.
    bool openPath(const QString &path, bool quiet = false);

    models::TemplateDocument *document() const { return m_doc; }
    models::PipelineEditing *editing() const { return m_editing; }
    PipelineScene *scene() const { return m_scene; }
    PipelineView *graphView() const { return m_view; }
    TemplateTextEditor *textEditor() const { return m_editor; }
    PaletteDock *palette() const { return m_palette; }
    InspectorDock *inspector() const { return m_inspector; }
    ProblemsView *problems() const { return m_problems; }
    BuildDock *buildDock() const { return m_buildDock; }
    QAction *action(const QString &name) const;

    // Copy/paste through the system clipboard (block text, so it works between windows).
    void copySelection();
    void pasteClipboard();
    // The graph's context menu for a right click at `scenePos` (exposed for tests): node
    // actions, Connect to/Disconnect from build for sources (disabled, with the reason as
    // tooltip, where the template has no connections to make), paste, quick-add, layout.
    void populateGraphContextMenu(QMenu *menu, const QPointF &scenePos);
    // Quick-add: a component by type name at the graph's insertion point.
    bool quickAdd(const QString &typeName);

    // File ▸ New from Example: the example's main file as a new unsaved document.
    void newFromExample(const models::Example &example);
    // File ▸ Upgrade to HCL2: the legacy JSON template's hcl2_upgrade output as a new
    // unsaved document named "<template>.pkr.hcl"; false (reasons in the Problems
    // view and the status bar) when the JSON cannot be read.
    bool upgradeToHcl2();
    // Reload when the template's files change on disk (silently without unsaved
    // edits, through the reload bar with them).
    models::DiskChangeMonitor *diskMonitor() const { return m_diskMonitor; }
    ReloadBar *reloadBar() const { return m_reloadBar; }
    // Rereads the files from disk, keeping the active file, cursor and scroll position.
    bool reloadFromDisk();
    // Crash recovery: unsaved text autosaved every 30 s; entries found for an opened
    // template (or left by a crashed session's untitled document) are offered on a bar.
    models::DocumentAutosaver *autosaver() const { return m_autosaver; }
    RecoveryBar *recoveryBar() const { return m_recoveryBar; }
    // Shows the recovery bar if autosaved edits exist for the current document, or
    // (when untitled) for an untitled document of a session that is gone.
    bool offerRecovery();
    // Where the gallery looks for the bundled examples (see ExampleCatalog::locate).
    static QString examplesDirectory();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void setStatus(const QString &text);
    bool confirmDiscard();
    void newTemplate();
    void openDialog(bool directory);
    void openExampleGallery();
    void setUpDiskMonitor(QVBoxLayout *centralLayout);
    void onFilesChangedOnDisk(const QStringList &files);
    void setUpAutosave(QVBoxLayout *centralLayout);
    bool save();
    bool saveAs();
    void updateTitle();
    void updateRecentMenu();
    void addRecent(const QString &path);

    void onSnapshotChanged();
    void onDiagnosticsChanged();
    void onDocumentReset();
    void onActiveFileChanged(const QString &file);
    void onGraphSelection(const QStringList &ids);
    void onCursorOffset(qsizetype offset);
    void refreshInspector();
    void showEditError(const QString &error);
    void revealNode(const QString &id);
    void jumpToFirstDiagnostic(const QString &id);
    void showGraphContextMenu(const QPoint &globalPos, const QPointF &scenePos);
    void openQuickAdd(const QString &initial);
    int targetLane() const;
    void maximise(int pane);

    models::TemplateDocument *m_doc;
    models::PipelineEditing *m_editing;
    PipelineScene *m_scene;
    PipelineView *m_view;
    TemplateTextEditor *m_editor;
    QTabBar *m_fileTabs;
    QSplitter *m_splitter;
    PaletteDock *m_palette = nullptr;
    InspectorDock *m_inspector = nullptr;
    ProblemsView *m_problems = nullptr;
    BuildDock *m_buildDock = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    QLabel *m_parseStatus = nullptr;
    QMenu *m_recentMenu = nullptr;
    models::DiskChangeMonitor *m_diskMonitor = nullptr;
    ReloadBar *m_reloadBar = nullptr;
    models::DocumentAutosaver *m_autosaver = nullptr;
    RecoveryBar *m_recoveryBar = nullptr;
    QHash<QString, QAction *> m_actions;
    // Set while the window itself moves the editor's cursor or the graph's selection,
    // so the two sync handlers do not echo each other.
    bool m_syncing = false;
};

} // namespace kiln::ui

// MainWindow's actions, menus and docks, and the graph commands they trigger
// (clipboard, quick-add, context menu). Split from MainWindow.cpp to keep both readable.
#include "app/models/ComponentCatalog.h"
#include "app/models/document/LayoutSidecar.h"
#include "app/models/document/PipelineEditing.h"
#include "app/models/document/TemplateDocument.h"
#include "app/ui/Icons.h"
#include "app/ui/InspectorDock.h"
#include "app/ui/MainWindow.h"
#include "app/ui/PaletteDock.h"
#include "app/ui/build/BuildDock.h"
#include "app/ui/build/ProblemsView.h"
#include "app/ui/export/ExportDialog.h"
#include "app/ui/graph/LaneItem.h"
#include "app/ui/graph/NodeItem.h"
#include "app/ui/graph/PipelineScene.h"
#include "app/ui/graph/PipelineView.h"
#include "app/ui/settings/LanguageMenu.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QDockWidget>
#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QTabWidget>
#include <QToolBar>

namespace kiln::ui {

using models::NodeKind;
using registry::ComponentKind;

namespace {

const char *const BlocksMime = "application/x-kiln-blocks";

const char *const StarterTemplate = R"(source "null" "example" {
  communicator = "none"
}

build {
  sources = ["source.null.example"]

  provisioner "shell-local" {
    inline = ["echo Hello from Kiln"]
  }
}
)";

} // namespace

QAction *MainWindow::action(const QString &name) const
{
    return m_actions.value(name);
}

void MainWindow::createDocks()
{
    m_palette = new PaletteDock(this);
    addDockWidget(Qt::LeftDockWidgetArea, m_palette);
    m_inspector = new InspectorDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_inspector);
    m_buildDock = new BuildDock;
    m_problems = new ProblemsView;
    m_bottomTabs = new QTabWidget;
    m_bottomTabs->setDocumentMode(true);
    m_bottomTabs->addTab(m_buildDock, Icons::icon(QStringLiteral("action-build")), tr("Build"));
    m_bottomTabs->addTab(m_problems, Icons::icon(QStringLiteral("status-warning")), tr("Problems"));
    auto *bottom = new QDockWidget(tr("Output"), this);
    bottom->setObjectName(QStringLiteral("outputDock"));
    bottom->setWidget(m_bottomTabs);
    addDockWidget(Qt::BottomDockWidgetArea, bottom);
    resizeDocks({m_palette, m_inspector}, {210, 300}, Qt::Horizontal);
    resizeDocks({bottom}, {170}, Qt::Vertical);
    connect(
        m_buildDock, &BuildDock::locationActivated, m_problems, &ProblemsView::locationActivated);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QString &icon,
                    const QKeySequence &key, auto slot) {
        auto *a = new QAction(icon.isEmpty() ? QIcon() : Icons::icon(icon), text, this);
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        m_actions.insert(name, a);
        return a;
    };
    make(QStringLiteral("new"), tr("&New"), QStringLiteral("action-new"), QKeySequence::New,
        [this] { newTemplate(); });
    make(QStringLiteral("newFromExample"), tr("New from &Example…"), {}, QKeySequence(),
        [this] { openExampleGallery(); });
    make(QStringLiteral("upgradeHcl2"), tr("&Upgrade to HCL2"), {}, QKeySequence(), [this] {
        upgradeToHcl2();
    })->setEnabled(false);
    make(QStringLiteral("export"), tr("E&xport…"), {}, QKeySequence(), [this] {
        ExportDialog dialog(m_doc->path(), {}, this);
        dialog.exec();
    });
    make(QStringLiteral("open"), tr("&Open File…"), QStringLiteral("action-open"),
        QKeySequence::Open, [this] { openDialog(false); });
    make(QStringLiteral("openDir"), tr("Open &Directory…"), {}, QKeySequence(tr("Ctrl+Shift+O")),
        [this] { openDialog(true); });
    make(QStringLiteral("save"), tr("&Save"), QStringLiteral("action-save"), QKeySequence::Save,
        [this] { save(); });
    make(QStringLiteral("saveAs"), tr("Save &As…"), {}, QKeySequence::SaveAs, [this] { saveAs(); });
    make(QStringLiteral("revert"), tr("Re&vert"), {}, QKeySequence(), [this] {
        QString error;
        if (!m_doc->revert(&error))
            setStatus(error);
    });
    make(QStringLiteral("quit"), tr("&Quit"), {}, QKeySequence::Quit, [this] { close(); });

    QAction *undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setIcon(Icons::icon(QStringLiteral("action-undo")));
    undo->setShortcut(QKeySequence::Undo);
    m_actions.insert(QStringLiteral("undo"), undo);
    QAction *redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setIcon(Icons::icon(QStringLiteral("action-redo")));
    redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
    m_actions.insert(QStringLiteral("redo"), redo);
    // Graph commands act when the graph has focus; the text view keeps its own keys.
    auto graphAction = [&](const QString &name, const QString &text, const QString &icon,
                           const QKeySequence &key, auto slot) {
        QAction *a = make(name, text, icon, key, slot);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(a);
        return a;
    };
    graphAction(QStringLiteral("delete"), tr("&Delete"), QStringLiteral("action-delete"),
        QKeySequence::Delete, [this] { showEditError(m_editing->remove(m_scene->selectedIds())); });
    graphAction(QStringLiteral("duplicate"), tr("Dupl&icate"), QStringLiteral("action-duplicate"),
        QKeySequence(tr("Ctrl+D")),
        [this] { showEditError(m_editing->duplicate(m_scene->selectedIds())); });
    graphAction(
        QStringLiteral("copy"), tr("&Copy"), {}, QKeySequence::Copy, [this] { copySelection(); });
    graphAction(QStringLiteral("paste"), tr("&Paste"), {}, QKeySequence::Paste,
        [this] { pasteClipboard(); });
    graphAction(
        QStringLiteral("selectAll"), tr("Select &All"), {}, QKeySequence::SelectAll, [this] {
            QStringList all;
            for (NodeItem *n : m_scene->nodeItems())
                all << n->id();
            m_scene->selectIds(all);
        });
    graphAction(QStringLiteral("quickAdd"), tr("&Quick Add…"), QStringLiteral("action-add"),
        QKeySequence(tr("Ctrl+K")), [this] { openQuickAdd({}); });
    graphAction(QStringLiteral("fit"), tr("&Fit to Window"), QStringLiteral("action-fit"),
        QKeySequence(tr("F")), [this] { m_view->fitAll(); });
    make(QStringLiteral("zoomIn"), tr("Zoom &In"), QStringLiteral("action-zoom-in"),
        QKeySequence::ZoomIn, [this] { m_view->zoomBy(1.2); });
    make(QStringLiteral("zoomOut"), tr("Zoom &Out"), QStringLiteral("action-zoom-out"),
        QKeySequence::ZoomOut, [this] { m_view->zoomBy(1 / 1.2); });
    make(QStringLiteral("autoLayout"), tr("&Reset Layout"), QStringLiteral("action-layout"),
        QKeySequence(), [this] {
            m_scene->clearPinned();
            models::LayoutSidecar::save(m_doc->sidecarPath(), {});
            m_view->fitAll();
        });
    make(QStringLiteral("maxGraph"), tr("Maximise &Graph"), {}, QKeySequence(tr("Ctrl+Alt+1")),
        [this] { maximise(0); });
    make(QStringLiteral("maxText"), tr("Maximise &Text"), {}, QKeySequence(tr("Ctrl+Alt+2")),
        [this] { maximise(1); });
    make(QStringLiteral("split"), tr("&Split Graph and Text"), {}, QKeySequence(tr("Ctrl+Alt+0")),
        [this] { maximise(-1); });
    make(QStringLiteral("validate"), tr("&Validate"), QStringLiteral("action-validate"),
        QKeySequence(tr("Ctrl+Shift+V")), [this] {
            m_doc->reparseNow();
            m_bottomTabs->setCurrentWidget(m_problems);
            setStatus(m_doc->diagnostics().isEmpty() ? tr("The configuration is valid.")
                                                     : m_problems->countText());
        });
    // Ctrl+B asks first (builds, variables, on-error: the Run dialog remembers them per
    // template, so Ctrl+B, Enter builds again); Ctrl+Shift+B builds at once as last time.
    make(QStringLiteral("build"), tr("&Build"), QStringLiteral("action-build"),
        QKeySequence(tr("Ctrl+Shift+B")), [this] {
            if (m_doc->isUntitled() || m_doc->isModified()) {
                if (!save())
                    return;
            }
            m_buildDock->setTemplatePath(m_doc->path());
            m_bottomTabs->setCurrentWidget(m_buildDock);
            m_buildDock->run();
        });
    make(QStringLiteral("buildWith"), tr("Build &With Options…"), {}, QKeySequence(tr("Ctrl+B")),
        [this] {
            if (m_doc->isUntitled() || m_doc->isModified()) {
                if (!save())
                    return;
            }
            m_buildDock->setTemplatePath(m_doc->path());
            m_bottomTabs->setCurrentWidget(m_buildDock);
            m_buildDock->runWithDialog();
        });
    make(QStringLiteral("stop"), tr("S&top"), QStringLiteral("action-stop"), QKeySequence(),
        [this] { m_buildDock->stop(); });
    m_actions.value(QStringLiteral("stop"))->setEnabled(false);
    connect(m_buildDock, &BuildDock::buildStateChanged, m_scene, &PipelineScene::setRunState);
    connect(m_buildDock, &BuildDock::runningChanged, this, [this](bool running) {
        if (running)
            m_scene->clearRunStates();
        m_actions.value(QStringLiteral("stop"))->setEnabled(running);
        m_actions.value(QStringLiteral("build"))->setEnabled(!running);
        m_actions.value(QStringLiteral("buildWith"))->setEnabled(!running);
    });
}

void MainWindow::createMenus()
{
    auto a = [this](const char *name) { return m_actions.value(QString::fromLatin1(name)); };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({a("new"), a("newFromExample"), a("open"), a("openDir")});
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addActions({a("save"), a("saveAs"), a("revert")});
    file->addSeparator();
    file->addActions({a("upgradeHcl2"), a("export")});
    file->addSeparator();
    file->addAction(a("quit"));
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({a("undo"), a("redo")});
    edit->addSeparator();
    edit->addActions({a("copy"), a("paste"), a("duplicate"), a("delete"), a("selectAll")});
    edit->addSeparator();
    edit->addAction(a("quickAdd"));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({a("fit"), a("zoomIn"), a("zoomOut"), a("autoLayout")});
    view->addSeparator();
    view->addActions({a("maxGraph"), a("maxText"), a("split")});
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    QMenu *build = menuBar()->addMenu(tr("&Build"));
    build->addActions({a("validate"), a("build"), a("buildWith"), a("stop")});
    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addMenu(new LanguageMenu(this));

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setIconSize(QSize(18, 18));
    bar->setMovable(false);
    bar->addActions({a("new"), a("open"), a("save")});
    bar->addSeparator();
    bar->addActions({a("undo"), a("redo")});
    bar->addSeparator();
    bar->addActions({a("quickAdd"), a("duplicate"), a("delete")});
    bar->addSeparator();
    bar->addActions({a("fit"), a("zoomIn"), a("zoomOut"), a("autoLayout")});
    bar->addSeparator();
    bar->addActions({a("validate"), a("build"), a("stop")});
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] {
            if (confirmDiscard())
                openPath(path);
        });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::newTemplate()
{
    if (!confirmDiscard())
        return;
    m_doc->newDocument(QString::fromUtf8(StarterTemplate));
    m_view->fitAll();
}

void MainWindow::openDialog(bool directory)
{
    if (!confirmDiscard())
        return;
    const QString path = directory
        ? QFileDialog::getExistingDirectory(this, tr("Open Template Directory"))
        : QFileDialog::getOpenFileName(this, tr("Open Template"), QString(),
            tr("Packer templates (*.pkr.hcl *.pkr.json *.json);;All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

bool MainWindow::save()
{
    if (m_doc->isUntitled())
        return saveAs();
    QString error;
    if (!m_doc->save(&error)) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    setStatus(tr("Saved %1").arg(m_doc->path()));
    return true;
}

bool MainWindow::saveAs()
{
    // An untitled document proposes the name it was created under (an upgrade's
    // "<template>.pkr.hcl" next to the original).
    const QString proposed = m_doc->isUntitled() ? m_doc->files().value(0) : m_doc->path();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Template As"), proposed, tr("HCL2 templates (*.pkr.hcl);;All files (*)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (!m_doc->saveAs(path, &error)) {
        QMessageBox::warning(this, tr("Cannot save"), error);
        return false;
    }
    addRecent(m_doc->path());
    m_buildDock->setTemplatePath(m_doc->path());
    return true;
}

void MainWindow::copySelection()
{
    NodeKind kind = NodeKind::Provisioner;
    const QString text = m_editing->copy(m_scene->selectedIds(), &kind);
    if (text.isEmpty())
        return;
    auto *mime = new QMimeData;
    mime->setText(text);
    mime->setData(QString::fromLatin1(BlocksMime),
        QJsonDocument(QJsonObject{{QStringLiteral("kind"), models::nodeKindName(kind)},
                          {QStringLiteral("text"), text}})
            .toJson());
    QApplication::clipboard()->setMimeData(mime);
    setStatus(tr("Copied %1").arg(models::nodeKindName(kind)));
}

void MainWindow::pasteClipboard()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime)
        return;
    QString text = mime->text();
    QString kindName;
    if (mime->hasFormat(QString::fromLatin1(BlocksMime))) {
        const QJsonObject o
            = QJsonDocument::fromJson(mime->data(QString::fromLatin1(BlocksMime))).object();
        kindName = o.value(QStringLiteral("kind")).toString();
        text = o.value(QStringLiteral("text")).toString();
    } else {
        // Block text from elsewhere: its first word says what it is.
        kindName = text.trimmed().section(QLatin1Char(' '), 0, 0);
    }
    NodeKind kind;
    if (kindName == QLatin1String("source"))
        kind = NodeKind::Source;
    else if (kindName == QLatin1String("post-processor"))
        kind = NodeKind::PostProcessor;
    else if (kindName == QLatin1String("provisioner"))
        kind = NodeKind::Provisioner;
    else {
        setStatus(tr("The clipboard holds no source, provisioner or post-processor block."));
        return;
    }
    showEditError(m_editing->paste(text, kind, targetLane()));
}

bool MainWindow::quickAdd(const QString &entry)
{
    // "type" or "type (kind)"; a bare type prefers what fits a lane.
    QString type = entry.trimmed();
    QString kindText;
    const int paren = type.indexOf(QLatin1String(" ("));
    if (paren > 0) {
        kindText = type.mid(paren + 2).chopped(1);
        type = type.left(paren);
    }
    const registry::Registry &reg = models::ComponentCatalog::registry();
    for (ComponentKind kind : {ComponentKind::Provisioner, ComponentKind::PostProcessor,
             ComponentKind::Builder, ComponentKind::DataSource}) {
        if (!reg.contains(kind, type)
            || (!kindText.isEmpty() && registry::componentKindName(kind) != kindText))
            continue;
        const PipelineScene::DropTarget t = m_scene->dropTarget(kind, m_view->insertionPoint());
        const int lane = t.lane >= 0 ? t.lane : targetLane();
        const QString error = m_editing->addComponent(
            kind, type, lane, t.lane >= 0 ? t.position : -1, t.lane >= 0 ? t.chainPosition : -1);
        showEditError(error);
        return error.isEmpty();
    }
    setStatus(tr("No component named %1").arg(type));
    return false;
}

void MainWindow::openQuickAdd(const QString &initial)
{
    QStringList entries;
    const registry::Registry &reg = models::ComponentCatalog::registry();
    for (ComponentKind kind : registry::allComponentKinds)
        for (const QString &t : reg.typeNames(kind))
            entries << QStringLiteral("%1 (%2)").arg(t, registry::componentKindName(kind));
    auto *line = new QLineEdit(m_view);
    line->setAttribute(Qt::WA_DeleteOnClose);
    line->setPlaceholderText(tr("Add component…"));
    line->setMinimumWidth(280);
    auto *completer = new QCompleter(entries, line);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    line->setCompleter(completer);
    QPoint at = m_view->viewport()->mapFromGlobal(QCursor::pos());
    if (!m_view->viewport()->rect().contains(at))
        at = m_view->viewport()->rect().center() - QPoint(140, 0);
    line->move(at);
    line->show();
    line->setFocus();
    line->setText(initial);
    completer->complete();
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this,
        [this, line](const QString &text) {
            quickAdd(text);
            line->close();
        });
    connect(line, &QLineEdit::returnPressed, this, [this, line] {
        if (!line->text().isEmpty())
            quickAdd(line->text());
        line->close();
    });
    connect(line, &QLineEdit::editingFinished, line, &QWidget::close);
}

void MainWindow::showGraphContextMenu(const QPoint &globalPos, const QPointF &scenePos)
{
    QMenu menu;
    populateGraphContextMenu(&menu, scenePos);
    menu.exec(globalPos);
}

void MainWindow::populateGraphContextMenu(QMenu *target, const QPointF &scenePos)
{
    QMenu &menu = *target;
    NodeItem *node = nullptr;
    for (QGraphicsItem *item : m_scene->items(scenePos))
        if ((node = dynamic_cast<NodeItem *>(item)))
            break;
    if (node && !node->isSelected()) {
        m_scene->selectIds({node->id()});
    }
    if (node && node->node().kind == NodeKind::Source) {
        const QString id = node->id();
        const auto &snapshot = m_doc->snapshot();
        QMenu *connectMenu = menu.addMenu(tr("Connect to build"));
        QMenu *disconnectMenu = menu.addMenu(tr("Disconnect from build"));
        for (const models::PipelineBuild &b : snapshot.builds) {
            bool used = false;
            for (const models::SourceUse &u : b.sources)
                used |= u.source == node->node().index;
            const int lane = b.index;
            (used ? disconnectMenu : connectMenu)
                ->addAction(b.label(), this, [this, id, lane, used] {
                    showEditError(used ? m_editing->disconnectSource(id, lane)
                                       : m_editing->connectSource(id, lane));
                });
        }
        connectMenu->setEnabled(!connectMenu->isEmpty());
        disconnectMenu->setEnabled(!disconnectMenu->isEmpty());
        // Legacy JSON: one implicit build fed by every builder; say why instead of offering it.
        const QString why
            = m_editing->whyUnavailable(models::PipelineEditing::Capability::ConnectSources);
        if (!why.isEmpty()) {
            menu.setToolTipsVisible(true);
            for (QMenu *sub : {connectMenu, disconnectMenu}) {
                sub->setEnabled(false);
                sub->menuAction()->setToolTip(why);
            }
        }
        menu.addSeparator();
    }
    if (node) {
        menu.addAction(m_actions.value(QStringLiteral("copy")));
        menu.addAction(m_actions.value(QStringLiteral("duplicate")));
        menu.addAction(m_actions.value(QStringLiteral("delete")));
        menu.addSeparator();
    }
    menu.addAction(m_actions.value(QStringLiteral("paste")));
    menu.addAction(m_actions.value(QStringLiteral("quickAdd")));
    menu.addSeparator();
    menu.addAction(m_actions.value(QStringLiteral("fit")));
    menu.addAction(m_actions.value(QStringLiteral("autoLayout")));
}

} // namespace kiln::ui

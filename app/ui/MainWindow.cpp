#include "app/ui/MainWindow.h"

#include "app/models/ComponentCatalog.h"
#include "app/models/document/BlockAttributes.h"
#include "app/models/document/LayoutSidecar.h"
#include "app/models/document/PipelineEditing.h"
#include "app/models/document/TemplateDocument.h"
#include "app/models/files/DocumentAutosaver.h"
#include "app/ui/Icons.h"
#include "app/ui/InspectorDock.h"
#include "app/ui/PaletteDock.h"
#include "app/ui/build/BuildDock.h"
#include "app/ui/build/ProblemsView.h"
#include "app/ui/editor/TemplateTextEditor.h"
#include "app/ui/graph/PipelineScene.h"
#include "app/ui/graph/PipelineView.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace kiln::ui {

using models::PipelineNode;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_doc(new models::TemplateDocument(&models::ComponentCatalog::registry(), this))
    , m_editing(new models::PipelineEditing(m_doc))
    , m_scene(new PipelineScene(this))
    , m_view(new PipelineView(m_scene))
    , m_editor(new TemplateTextEditor)
    , m_fileTabs(new QTabBar)
    , m_splitter(new QSplitter(Qt::Vertical))
{
    // The installed theme's icon (the package puts kiln.svg into hicolor), else the same
    // artwork from the resources.
    setWindowIcon(QIcon::fromTheme(
        QStringLiteral("kiln"), QIcon(QStringLiteral(":/kiln/icons/hicolor/kiln.svg"))));
    m_editor->setRegistry(&models::ComponentCatalog::registry());

    // Centre: graph above text; the text has a file tab bar for directory templates.
    auto *textPane = new QWidget;
    auto *textLayout = new QVBoxLayout(textPane);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->setSpacing(0);
    m_fileTabs->setDocumentMode(true);
    m_fileTabs->setExpanding(false);
    textLayout->addWidget(m_fileTabs);
    textLayout->addWidget(m_editor);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(textPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(true);
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_splitter);
    setCentralWidget(central);

    createDocks();
    createActions();
    createMenus();
    m_parseStatus = new QLabel;
    statusBar()->addPermanentWidget(m_parseStatus);

    connect(
        m_doc, &models::TemplateDocument::snapshotChanged, this, &MainWindow::onSnapshotChanged);
    connect(m_doc, &models::TemplateDocument::diagnosticsChanged, this,
        &MainWindow::onDiagnosticsChanged);
    connect(m_doc, &models::TemplateDocument::reset, this, &MainWindow::onDocumentReset);
    connect(m_doc, &models::TemplateDocument::activeFileChanged, this,
        &MainWindow::onActiveFileChanged);
    connect(m_doc, &models::TemplateDocument::modificationChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &models::TemplateDocument::pathChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &models::TemplateDocument::textEdited, this,
        [this](const QString &file, int start, int end, const QString &text) {
            if (file == m_doc->activeFile())
                m_editor->applyEdit(start, end, text);
        });
    connect(m_editor, &TemplateTextEditor::userEdited, this,
        [this](qsizetype start, qsizetype end, const QString &text) {
            m_doc->applyUserEdit(m_doc->activeFile(), int(start), int(end), text);
        });
    connect(m_editor, &TemplateTextEditor::undoRequested, m_doc->undoStack(), &QUndoStack::undo);
    connect(m_editor, &TemplateTextEditor::redoRequested, m_doc->undoStack(), &QUndoStack::redo);
    connect(m_editor, &TemplateTextEditor::cursorOffsetChanged, this, &MainWindow::onCursorOffset);
    // Go-to-definition resolves over every file of a directory template.
    m_editor->setCompanionFiles([this] {
        QList<std::pair<QString, QString>> files;
        for (const QString &f : m_doc->files())
            files.append({f, m_doc->text(f)});
        return files;
    });
    connect(m_editor, &TemplateTextEditor::fileJumpRequested, this,
        [this](const QString &file, qsizetype start, qsizetype end) {
            if (!m_doc->files().contains(file))
                return;
            m_doc->setActiveFile(file);
            m_editor->jumpTo(start, end);
            m_editor->setFocus();
        });
    connect(m_fileTabs, &QTabBar::currentChanged, this, [this](int i) {
        if (i >= 0)
            m_doc->setActiveFile(m_fileTabs->tabData(i).toString());
    });

    connect(m_scene, &PipelineScene::selectedIdsChanged, this, &MainWindow::onGraphSelection);
    connect(m_scene, &PipelineScene::diagnosticActivated, this, &MainWindow::jumpToFirstDiagnostic);
    connect(m_scene, &PipelineScene::nodeActivated, this, &MainWindow::revealNode);
    connect(m_scene, &PipelineScene::moveRequested, this,
        [this](const QString &id, int position) { showEditError(m_editing->move(id, position)); });
    connect(m_scene, &PipelineScene::dropRequested, this,
        [this](registry::ComponentKind kind, const QString &type, int lane, int position,
            int chainPosition) {
            showEditError(m_editing->addComponent(kind, type, lane, position, chainPosition));
        });
    connect(
        m_scene, &PipelineScene::connectRequested, this, [this](const QString &sourceId, int lane) {
            showEditError(m_editing->connectSource(sourceId, lane));
        });
    connect(m_scene, &PipelineScene::nodePinned, this, [this](const QString &, const QPointF &) {
        models::LayoutSidecar::save(m_doc->sidecarPath(), m_scene->pinned());
    });
    connect(m_view, &PipelineView::contextMenuAt, this, &MainWindow::showGraphContextMenu);
    connect(m_view, &PipelineView::quickAddRequested, this, &MainWindow::openQuickAdd);

    connect(m_inspector, &InspectorDock::attributeEdited, this,
        [this](const QString &id, const QString &key, const QString &expr) {
            showEditError(m_editing->setAttribute(id, key, expr));
        });
    connect(m_inspector, &InspectorDock::attributeCleared, this,
        [this](const QString &id, const QString &key) {
            showEditError(m_editing->removeAttribute(id, key));
        });
    connect(
        m_palette, &PaletteDock::componentActivated, this, [this](int kind, const QString &type) {
            showEditError(
                m_editing->addComponent(registry::ComponentKind(kind), type, targetLane(), -1, -1));
        });
    connect(m_problems, &ProblemsView::locationActivated, this,
        [this](const QString &file, int line, int column) {
            m_doc->setActiveFile(file);
            m_editor->revealLineColumn(line, column);
            m_editor->setFocus();
        });

    setUpDiskMonitor(centralLayout);
    resize(1600, 1000);
    m_doc->newDocument();
    setUpAutosave(centralLayout);
    updateTitle();
}

MainWindow::~MainWindow()
{
    m_scene->disconnect(this);
    m_doc->disconnect(this);
    m_editor->disconnect(this);
    delete m_editing;
}

bool MainWindow::openPath(const QString &path, bool quiet)
{
    QString error;
    if (!m_doc->open(path, &error)) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open template"), error);
        setStatus(error);
        return false;
    }
    addRecent(m_doc->path());
    m_buildDock->setTemplatePath(m_doc->path());
    offerRecovery();
    QTimer::singleShot(0, m_view, &PipelineView::fitAll);
    return true;
}

void MainWindow::setStatus(const QString &text)
{
    statusBar()->showMessage(text, 6000);
}

void MainWindow::updateTitle()
{
    setWindowTitle(
        QStringLiteral("%1%2 — Kiln")
            .arg(m_doc->displayName(), m_doc->isModified() ? QStringLiteral(" •") : QString()));
    setWindowModified(m_doc->isModified());
    if (QAction *upgrade = m_actions.value(QStringLiteral("upgradeHcl2")))
        upgrade->setEnabled(m_doc->syntax() == models::TemplateSyntax::LegacyJson);
}

void MainWindow::onDocumentReset()
{
    m_syncing = true;
    const QSignalBlocker block(m_fileTabs);
    while (m_fileTabs->count())
        m_fileTabs->removeTab(0);
    for (const QString &f : m_doc->files()) {
        const int i = m_fileTabs->addTab(QFileInfo(f).fileName());
        m_fileTabs->setTabData(i, f);
    }
    m_fileTabs->setVisible(m_doc->files().size() > 1);
    m_scene->setPinned(models::LayoutSidecar::load(m_doc->sidecarPath()));
    m_syncing = false;
    onActiveFileChanged(m_doc->activeFile());
}

void MainWindow::onActiveFileChanged(const QString &file)
{
    m_syncing = true;
    {
        const QSignalBlocker block(m_fileTabs);
        for (int i = 0; i < m_fileTabs->count(); ++i)
            if (m_fileTabs->tabData(i).toString() == file)
                m_fileTabs->setCurrentIndex(i);
    }
    m_editor->setSyntax(file.endsWith(QLatin1String(".json")) ? TemplateTextEditor::Syntax::Json
                                                              : TemplateTextEditor::Syntax::Hcl);
    m_editor->setFileName(file);
    m_editor->resetText(m_doc->text(file));
    m_editor->setDiagnostics(m_doc->diagnostics());
    m_syncing = false;
}

void MainWindow::onSnapshotChanged()
{
    m_scene->setSnapshot(m_doc->snapshot(), m_doc->isStructureCurrent());
    m_scene->setUnavailableKinds({{registry::ComponentKind::DataSource,
        m_editing->whyUnavailable(models::PipelineEditing::Capability::AddDataSource)}});
    QStringList builds;
    for (const models::PipelineBuild &b : m_doc->snapshot().builds)
        if (!b.name.isEmpty())
            builds << b.name;
    m_buildDock->setKnownBuilds(builds);
    if (m_doc->isStructureCurrent()) {
        m_view->setBanner({});
    } else {
        QString first;
        for (const hcl::Diagnostic &d : m_doc->diagnostics())
            if (d.severity == hcl::Severity::Error) {
                first = d.subject ? tr("%1 (line %2): %3")
                                        .arg(QFileInfo(d.subject->filename).fileName())
                                        .arg(d.subject->start.line)
                                        .arg(d.summary)
                                  : d.summary;
                break;
            }
        m_view->setBanner(
            tr("The text does not parse — the graph shows the last valid pipeline. %1").arg(first));
    }
    refreshInspector();
}

void MainWindow::onDiagnosticsChanged()
{
    m_editor->setDiagnostics(m_doc->diagnostics());
    m_problems->setDiagnostics(m_doc->diagnostics());
    const QString counts = m_problems->countText();
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_problems),
        counts.isEmpty() ? tr("Problems") : tr("Problems (%1)").arg(counts));
    m_parseStatus->setText(tr("%1  ·  parsed in %2 ms")
                               .arg(counts.isEmpty() ? tr("No problems") : counts)
                               .arg(m_doc->lastParseMicros() / 1000.0, 0, 'f', 1));
}

void MainWindow::onGraphSelection(const QStringList &ids)
{
    refreshInspector();
    if (m_syncing || ids.size() != 1)
        return;
    revealNode(ids.first());
}

void MainWindow::revealNode(const QString &id)
{
    const PipelineNode *n = m_doc->snapshot().node(id);
    if (!n)
        return;
    int start = 0;
    int end = 0;
    if (!m_editing->spanOf(id, &start, &end))
        return;
    m_syncing = true;
    m_doc->setActiveFile(n->file);
    m_editor->selectRange(start, end);
    m_syncing = false;
}

void MainWindow::onCursorOffset(qsizetype offset)
{
    if (m_syncing)
        return;
    const QString file = m_doc->activeFile();
    const PipelineNode *n = m_doc->snapshot().nodeAt(file, m_doc->byteOffset(file, int(offset)));
    m_syncing = true;
    m_scene->selectIds(n ? QStringList{n->id} : QStringList{});
    m_syncing = false;
    refreshInspector();
}

void MainWindow::refreshInspector()
{
    const QStringList ids = m_scene->selectedIds();
    const PipelineNode *n = ids.size() == 1 ? m_doc->snapshot().node(ids.first()) : nullptr;
    if (!n) {
        if (!m_inspector->nodeId().isEmpty() || ids.isEmpty())
            m_inspector->showNode(nullptr, {});
        return;
    }
    m_inspector->showNode(n,
        models::BlockAttributes::read(n->file, m_doc->text(n->file), n->range.start.byte, n->type));
}

void MainWindow::jumpToFirstDiagnostic(const QString &id)
{
    const PipelineNode *n = m_doc->snapshot().node(id);
    if (!n || n->diagnostics.isEmpty() || !n->diagnostics.first().subject)
        return;
    const hcl::SourceRange r = *n->diagnostics.first().subject;
    m_doc->setActiveFile(r.filename);
    m_editor->revealLineColumn(r.start.line, r.start.column);
    m_editor->setFocus();
}

void MainWindow::showEditError(const QString &error)
{
    if (!error.isEmpty())
        setStatus(error);
}

int MainWindow::targetLane() const
{
    for (const QString &id : m_scene->selectedIds())
        if (const PipelineNode *n = m_doc->snapshot().node(id); n && n->build >= 0)
            return n->build;
    return m_doc->snapshot().builds.isEmpty() ? -1 : 0;
}

void MainWindow::maximise(int pane)
{
    const int total = m_splitter->height();
    if (pane < 0)
        m_splitter->setSizes({total * 3 / 5, total * 2 / 5});
    else
        m_splitter->setSizes(pane == 0 ? QList<int>{total, 0} : QList<int>{0, total});
}

bool MainWindow::confirmDiscard()
{
    if (!m_doc->isModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them first?").arg(m_doc->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (confirmDiscard()) {
        m_autosaver->discard();
        event->accept();
    } else
        event->ignore();
}

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("recentFiles"), recent.mid(0, 10));
    updateRecentMenu();
}

} // namespace kiln::ui

// MainWindow's file handling beyond open/save: new documents from the example
// gallery and from the HCL2 upgrade, and reloading when files change on disk.
#include "app/models/ComponentCatalog.h"
#include "app/models/document/TemplateDocument.h"
#include "app/models/files/DiskChangeMonitor.h"
#include "app/models/files/DocumentAutosaver.h"
#include "app/models/files/Hcl2Conversion.h"
#include "app/ui/MainWindow.h"
#include "app/ui/build/ProblemsView.h"
#include "app/ui/editor/TemplateTextEditor.h"
#include "app/ui/files/ExampleGalleryDialog.h"
#include "app/ui/files/RecoveryBar.h"
#include "app/ui/files/ReloadBar.h"
#include "app/ui/graph/PipelineView.h"

#include <QCoreApplication>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace kiln::ui {

QString MainWindow::examplesDirectory()
{
    return models::ExampleCatalog::locate(QCoreApplication::applicationDirPath());
}

void MainWindow::openExampleGallery()
{
    if (!confirmDiscard())
        return;
    const models::ExampleCatalog catalog(examplesDirectory());
    ExampleGalleryDialog dialog(catalog, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto example = dialog.selected())
        newFromExample(*example);
}

void MainWindow::newFromExample(const models::Example &example)
{
    // Untitled on purpose: the bundled copy stays pristine and Save asks where to put it.
    m_doc->newDocument(example.text());
    setStatus(tr("New template from the example “%1”").arg(example.name));
    QTimer::singleShot(0, m_view, &PipelineView::fitAll);
}

bool MainWindow::upgradeToHcl2()
{
    if (m_doc->syntax() != models::TemplateSyntax::LegacyJson || m_doc->isUntitled())
        return false;
    const models::Hcl2Conversion conversion = models::Hcl2Conversion::run(
        m_doc->text(m_doc->files().value(0)), m_doc->path(), models::ComponentCatalog::registry());
    if (!conversion.ok()) {
        m_problems->setDiagnostics(conversion.diagnostics);
        if (m_bottomTabs)
            m_bottomTabs->setCurrentWidget(m_problems);
        setStatus(tr("Cannot upgrade %1: the JSON template has errors (see Problems)")
                      .arg(m_doc->displayName()));
        return false;
    }
    if (!confirmDiscard())
        return false;
    m_doc->newDocument(conversion.text, conversion.suggestedPath);
    setStatus(conversion.errors.isEmpty()
            ? tr("Upgraded to HCL2; save to write %1").arg(conversion.suggestedPath)
            : conversion.errors.join(QLatin1Char(' ')));
    QTimer::singleShot(0, m_view, &PipelineView::fitAll);
    return true;
}

void MainWindow::setUpDiskMonitor(QVBoxLayout *centralLayout)
{
    m_reloadBar = new ReloadBar;
    centralLayout->insertWidget(0, m_reloadBar);
    m_diskMonitor = new models::DiskChangeMonitor(
        [this](const QString &file) { return m_doc->savedText(file); }, this);
    auto watch = [this] {
        m_reloadBar->hide();
        m_diskMonitor->setFiles(m_doc->isUntitled() ? QStringList() : m_doc->files());
    };
    connect(m_doc, &models::TemplateDocument::reset, this, watch);
    connect(m_doc, &models::TemplateDocument::pathChanged, this, watch);
    connect(m_diskMonitor, &models::DiskChangeMonitor::changed, this,
        &MainWindow::onFilesChangedOnDisk);
    connect(m_reloadBar, &ReloadBar::reloadRequested, this, &MainWindow::reloadFromDisk);
    connect(m_reloadBar, &ReloadBar::keepRequested, this,
        [this] { setStatus(tr("Kept your edits; saving will overwrite the file on disk")); });
}

void MainWindow::onFilesChangedOnDisk(const QStringList &files)
{
    if (m_doc->isModified()) {
        m_reloadBar->ask(files);
        return;
    }
    if (reloadFromDisk())
        setStatus(tr("Reloaded %1: it changed on disk").arg(m_doc->displayName()));
}

bool MainWindow::reloadFromDisk()
{
    const QString active = m_doc->activeFile();
    int line = 0, index = 0, anchorLine = -1, anchorIndex = -1, toLine = -1, toIndex = -1;
    m_editor->getCursorPosition(&line, &index);
    m_editor->getSelection(&anchorLine, &anchorIndex, &toLine, &toIndex);
    const int firstVisible = m_editor->firstVisibleLine();
    QString error;
    if (!m_doc->revert(&error)) {
        setStatus(error);
        return false;
    }
    m_doc->setActiveFile(active);
    // Clamped to the new text: the same line and column where they still exist.
    auto clampLine = [this](int l) { return qBound(0, l, qMax(0, m_editor->lines() - 1)); };
    auto clampIndex = [this](int l, int i) {
        return qBound(0, i, qMax(0, m_editor->lineLength(l) - (l < m_editor->lines() - 1 ? 1 : 0)));
    };
    m_syncing = true;
    if (anchorLine >= 0) {
        const int l0 = clampLine(anchorLine), l1 = clampLine(toLine);
        m_editor->setSelection(l0, clampIndex(l0, anchorIndex), l1, clampIndex(l1, toIndex));
    } else {
        const int l = clampLine(line);
        m_editor->setCursorPosition(l, clampIndex(l, index));
    }
    m_editor->setFirstVisibleLine(clampLine(firstVisible));
    m_syncing = false;
    return true;
}

void MainWindow::setUpAutosave(QVBoxLayout *centralLayout)
{
    m_recoveryBar = new RecoveryBar;
    centralLayout->insertWidget(0, m_recoveryBar);
    m_autosaver = new models::DocumentAutosaver(m_doc, models::AutosaveStore(), this);
    // A different document makes an offer about the previous one meaningless.
    connect(m_doc, &models::TemplateDocument::pathChanged, m_recoveryBar, &QWidget::hide);
    connect(m_recoveryBar, &RecoveryBar::restoreRequested, this,
        [this](const models::AutosaveEntry &entry) {
            if (m_autosaver->restore(entry))
                setStatus(tr("Restored the autosaved edits; save to keep them"));
        });
    connect(m_recoveryBar, &RecoveryBar::discardRequested, this,
        [this](const models::AutosaveEntry &entry) { m_autosaver->store().remove(entry.key); });
}

bool MainWindow::offerRecovery()
{
    std::optional<models::AutosaveEntry> entry = m_autosaver->recoverableForCurrent();
    if (!entry && m_doc->isUntitled() && !m_doc->isModified()) {
        const QList<models::AutosaveEntry> orphans = m_autosaver->store().orphanedUntitled();
        if (!orphans.isEmpty())
            entry = orphans.first();
    }
    if (!entry)
        return false;
    m_recoveryBar->offer(*entry);
    return true;
}

} // namespace kiln::ui

// MainWindow's File-menu commands that make new documents from other sources:
// the example gallery and the HCL2 upgrade of a legacy JSON template.
#include "app/models/ComponentCatalog.h"
#include "app/models/document/TemplateDocument.h"
#include "app/models/files/Hcl2Conversion.h"
#include "app/ui/MainWindow.h"
#include "app/ui/build/ProblemsView.h"
#include "app/ui/files/ExampleGalleryDialog.h"
#include "app/ui/graph/PipelineView.h"

#include <QCoreApplication>
#include <QTabWidget>
#include <QTimer>

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

} // namespace kiln::ui

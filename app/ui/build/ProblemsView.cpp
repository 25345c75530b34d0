#include "app/ui/build/ProblemsView.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kiln::ui {

namespace {
enum Column { Severity, Description, File, Position };
enum Role { FileRole = Qt::UserRole + 1, LineRole, ColumnRole };
} // namespace

ProblemsView::ProblemsView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({QString(), tr("Description"), tr("File"), tr("Line")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(Severity, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(Description, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(File, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(Position, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree);
    m_empty = new QLabel(tr("No problems"), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    layout->addWidget(m_empty);
    m_tree->hide();
    connect(m_tree, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem *item) { activate(item); });
}

void ProblemsView::setDiagnostics(const hcl::Diagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    m_tree->clear();
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    int errors = 0;
    int warnings = 0;
    for (const hcl::Diagnostic &d : diagnostics) {
        const bool error = d.severity == hcl::Severity::Error;
        (error ? errors : warnings)++;
        auto *item = new QTreeWidgetItem(m_tree);
        item->setIcon(Severity, error ? errorIcon : warningIcon);
        item->setToolTip(Severity, error ? tr("Error") : tr("Warning"));
        item->setText(Description, d.summary);
        if (!d.detail.isEmpty()) {
            item->setToolTip(Description, d.detail);
            auto *detail = new QTreeWidgetItem(item);
            detail->setText(Description, d.detail);
            detail->setFirstColumnSpanned(false);
        }
        if (d.subject && !d.subject->filename.isEmpty()) {
            item->setText(File, QFileInfo(d.subject->filename).fileName());
            item->setToolTip(File, d.subject->filename);
            item->setText(Position,
                QStringLiteral("%1:%2").arg(d.subject->start.line).arg(d.subject->start.column));
            for (int c = 0; c < 4; ++c) {
                item->setData(c, FileRole, d.subject->filename);
                item->setData(c, LineRole, d.subject->start.line);
                item->setData(c, ColumnRole, d.subject->start.column);
            }
        }
    }
    m_tree->setVisible(!diagnostics.isEmpty());
    m_empty->setVisible(diagnostics.isEmpty());
    emit countChanged(errors, warnings);
}

QString ProblemsView::countText() const
{
    const int errors = m_diagnostics.errorCount();
    const int warnings = int(m_diagnostics.size()) - errors;
    QStringList parts;
    if (errors)
        parts << tr("%n error(s)", nullptr, errors);
    if (warnings)
        parts << tr("%n warning(s)", nullptr, warnings);
    return parts.join(QStringLiteral(", "));
}

void ProblemsView::activate(QTreeWidgetItem *item)
{
    QTreeWidgetItem *row = item->parent() ? item->parent() : item;
    const QString file = row->data(Description, FileRole).toString();
    if (file.isEmpty())
        return;
    emit locationActivated(
        file, row->data(Description, LineRole).toInt(), row->data(Description, ColumnRole).toInt());
}

} // namespace kiln::ui

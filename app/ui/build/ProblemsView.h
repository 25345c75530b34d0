#pragma once

#include "engine/hcl/Diagnostic.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace kiln::ui {

// The problems list: one row per diagnostic with a severity icon, the summary (the detail
// on hover and as a child row), and where it is. Activating a row that has a place
// (double click, Enter) emits locationActivated for the editor to jump there.
class ProblemsView : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemsView(QWidget *parent = nullptr);

    void setDiagnostics(const kiln::hcl::Diagnostics &diagnostics);
    const kiln::hcl::Diagnostics &diagnostics() const { return m_diagnostics; }
    QTreeWidget *tree() const { return m_tree; }
    // "2 errors, 1 warning" (empty when there is nothing).
    QString countText() const;

signals:
    void locationActivated(const QString &file, int line, int column);
    void countChanged(int errors, int warnings);

private:
    void activate(QTreeWidgetItem *item);

    kiln::hcl::Diagnostics m_diagnostics;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace kiln::ui

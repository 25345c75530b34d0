#pragma once

#include <QDockWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace kiln::models {
class PaletteModel;
}

namespace kiln::ui {

// The left dock: every component, grouped and searchable; drag one onto a
// build lane, or double-click to add it to the selected lane.
class PaletteDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit PaletteDock(QWidget *parent = nullptr);

    void setFilterText(const QString &text);
    QTreeView *view() const { return m_view; }
    int visibleComponentCount() const;

signals:
    void componentActivated(int kind, const QString &type);

private:
    models::PaletteModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTreeView *m_view;
};

} // namespace kiln::ui

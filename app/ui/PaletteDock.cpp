#include "app/ui/PaletteDock.h"

#include "app/models/ComponentCatalog.h"
#include "app/models/PaletteModel.h"
#include "app/ui/Icons.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace kiln::ui {

namespace {

// Icons are looked up at paint time so they follow the palette.
class PaletteDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString icon = index.data(models::PaletteModel::IconNameRole).toString();
        if (!icon.isEmpty()) {
            option->icon = Icons::icon(icon);
            option->features |= QStyleOptionViewItem::HasDecoration;
        } else {
            option->font.setBold(true);
        }
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setHeight(qMax(s.height(), 26));
        return s;
    }
};

} // namespace

PaletteDock::PaletteDock(QWidget *parent)
    : QDockWidget(tr("Components"), parent)
    , m_model(new models::PaletteModel(models::ComponentCatalog::registry(), this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit)
    , m_view(new QTreeView)
{
    setObjectName(QStringLiteral("paletteDock"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(models::PaletteModel::SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_search->setPlaceholderText(tr("Search components"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::icon(QStringLiteral("action-search")), QLineEdit::LeadingPosition);
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setItemDelegate(new PaletteDelegate(m_view));
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setIconSize(QSize(18, 18));
    m_view->setIndentation(14);
    m_view->setUniformRowHeights(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->expandAll();
    connect(m_search, &QLineEdit::textChanged, this, &PaletteDock::setFilterText);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &i) {
        const QString type = i.data(models::PaletteModel::TypeRole).toString();
        if (!type.isEmpty())
            emit componentActivated(i.data(models::PaletteModel::KindRole).toInt(), type);
    });
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_view);
    setWidget(box);
}

void PaletteDock::setFilterText(const QString &text)
{
    if (m_search->text() != text)
        m_search->setText(text);
    m_proxy->setFilterFixedString(text);
    m_view->expandAll();
}

int PaletteDock::visibleComponentCount() const
{
    int n = 0;
    for (int g = 0; g < m_proxy->rowCount(); ++g)
        n += m_proxy->rowCount(m_proxy->index(g, 0));
    return n;
}

} // namespace kiln::ui

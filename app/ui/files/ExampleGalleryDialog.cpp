#include "app/ui/files/ExampleGalleryDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace kiln::ui {

ExampleGalleryDialog::ExampleGalleryDialog(const models::ExampleCatalog &catalog, QWidget *parent)
    : QDialog(parent)
    , m_examples(catalog.examples())
    , m_list(new QListWidget(this))
    , m_description(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
{
    setWindowTitle(tr("New from Example"));
    resize(900, 560);
    for (const models::Example &e : m_examples) {
        auto *item = new QListWidgetItem(e.name, m_list);
        item->setToolTip(e.description);
    }
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_description);
    rightLayout->addWidget(m_preview, 1);
    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(right);
    split->setStretchFactor(1, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_examples.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ExampleGalleryDialog::showCurrent);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    if (m_examples.isEmpty()) {
        m_description->setText(catalog.directory().isEmpty()
                ? tr("No examples directory was found next to this installation of Kiln.")
                : tr("%1 holds no example templates.").arg(catalog.directory()));
    }
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    if (!m_examples.isEmpty())
        m_list->setCurrentRow(0);
}

std::optional<models::Example> ExampleGalleryDialog::selected() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_examples.size())
        return std::nullopt;
    return m_examples.at(row);
}

void ExampleGalleryDialog::showCurrent()
{
    const auto e = selected();
    if (!e)
        return;
    m_description->setText(e->description);
    m_preview->setPlainText(e->text());
}

} // namespace kiln::ui

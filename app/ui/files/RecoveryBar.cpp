#include "app/ui/files/RecoveryBar.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace kiln::ui {

RecoveryBar::RecoveryBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_restore(new QPushButton(tr("Restore"), this))
    , m_discard(new QPushButton(tr("Discard"), this))
{
    setObjectName(QStringLiteral("recoveryBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    QColor tint = p.color(QPalette::Highlight);
    tint.setAlpha(60);
    p.setColor(QPalette::Window, tint);
    setPalette(p);
    m_label->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_restore);
    layout->addWidget(m_discard);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        hide();
        emit restoreRequested(m_entry);
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        hide();
        emit discardRequested(m_entry);
    });
    hide();
}

void RecoveryBar::offer(const models::AutosaveEntry &entry)
{
    m_entry = entry;
    const QString name
        = entry.path.isEmpty() ? tr("an untitled template") : QFileInfo(entry.path).fileName();
    m_label->setText(
        tr("Kiln found unsaved edits to %1 from %2 that were not saved before "
           "it closed.")
            .arg(name, QLocale().toString(entry.savedAt.toLocalTime(), QLocale::ShortFormat)));
    show();
}

QString RecoveryBar::message() const
{
    return m_label->text();
}

} // namespace kiln::ui

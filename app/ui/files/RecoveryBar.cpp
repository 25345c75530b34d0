#include "app/ui/files/RecoveryBar.h"

#include "app/ui/files/NoticeBarLayout.h"

#include <QFileInfo>
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
    layOutNoticeBar(this, m_label, {m_restore, m_discard});
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

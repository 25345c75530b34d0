#include "app/ui/files/ReloadBar.h"

#include "app/ui/files/NoticeBarLayout.h"

#include <QFileInfo>
#include <QLabel>
#include <QPushButton>

namespace kiln::ui {

ReloadBar::ReloadBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_reload(new QPushButton(tr("Reload from disk (lose your edits)"), this))
    , m_keep(new QPushButton(tr("Keep mine"), this))
{
    setObjectName(QStringLiteral("reloadBar"));
    layOutNoticeBar(this, m_label, {m_reload, m_keep});
    connect(m_reload, &QPushButton::clicked, this, [this] {
        hide();
        emit reloadRequested();
    });
    connect(m_keep, &QPushButton::clicked, this, [this] {
        hide();
        emit keepRequested();
    });
    hide();
}

void ReloadBar::ask(const QStringList &files)
{
    QStringList names;
    for (const QString &f : files)
        names << QFileInfo(f).fileName();
    m_label->setText(tr("%1 changed on disk, and you have unsaved edits.")
                         .arg(names.join(QStringLiteral(", "))));
    show();
}

QString ReloadBar::message() const
{
    return m_label->text();
}

} // namespace kiln::ui

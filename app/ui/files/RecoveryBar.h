#pragma once

#include "app/models/files/AutosaveStore.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace kiln::ui {

// The non-modal offer shown when autosaved edits from a session that did not
// end normally exist for the template being opened (or for an untitled one).
class RecoveryBar : public QFrame
{
    Q_OBJECT
public:
    explicit RecoveryBar(QWidget *parent = nullptr);

    void offer(const models::AutosaveEntry &entry);
    const models::AutosaveEntry &entry() const { return m_entry; }
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *discardButton() const { return m_discard; }
    QString message() const;

signals:
    void restoreRequested(const models::AutosaveEntry &entry);
    void discardRequested(const models::AutosaveEntry &entry);

private:
    models::AutosaveEntry m_entry;
    QLabel *m_label;
    QPushButton *m_restore;
    QPushButton *m_discard;
};

} // namespace kiln::ui

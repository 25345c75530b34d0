#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace kiln::ui {

// The non-modal question shown above the designer when a template with unsaved
// edits changed on disk: reload (losing the edits) or keep the edits.
class ReloadBar : public QFrame
{
    Q_OBJECT
public:
    explicit ReloadBar(QWidget *parent = nullptr);

    void ask(const QStringList &files);
    QPushButton *reloadButton() const { return m_reload; }
    QPushButton *keepButton() const { return m_keep; }
    QString message() const;

signals:
    void reloadRequested();
    void keepRequested();

private:
    QLabel *m_label;
    QPushButton *m_reload;
    QPushButton *m_keep;
};

} // namespace kiln::ui

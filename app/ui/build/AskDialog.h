#pragma once

#include <QDialog>
#include <QList>

class QAbstractButton;
class QLabel;

namespace kiln::ui {

// The GUI's answer to a build question (-on-error=ask, breakpoint, -debug pauses): a
// non-modal prompt naming the build, with one button per choice the question offers
// ("[c] Clean up and exit, [a] abort ..., or [r] retry step") or a single Continue for
// "Press enter to continue". The build keeps waiting while the rest of the window works;
// Stop withdraws the question.
class AskDialog : public QDialog
{
    Q_OBJECT
public:
    struct Choice
    {
        QString answer; // what the build reads, e.g. "c"; empty for "press enter"
        QString label;
        QString help;
    };

    AskDialog(quint64 id, const QString &build, const QString &question, QWidget *parent = nullptr);

    quint64 id() const { return m_id; }
    const QString &buildName() const { return m_build; }
    const QList<Choice> &choices() const { return m_choices; }
    // Answers as if the user pressed that choice's button; false when it is not offered.
    bool choose(const QString &answer);
    // What led to the question (the build's last error, the step that failed), shown above it.
    void setContext(const QString &context);
    QString context() const;

    // The choices written in a question; a single Continue when it offers none.
    static QList<Choice> parseChoices(const QString &question);

signals:
    void answered(quint64 id, const QString &answer);

protected:
    void reject() override;

private:
    quint64 m_id;
    QString m_build;
    QList<Choice> m_choices;
    QList<QAbstractButton *> m_buttons;
    QLabel *m_context = nullptr;
};

} // namespace kiln::ui

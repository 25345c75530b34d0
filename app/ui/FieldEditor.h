#pragma once

#include "engine/registry/Field.h"

#include <QWidget>

class QStackedWidget;
class QToolButton;
class QLineEdit;

namespace kiln::ui {

// The inspector's editor for one ConfigSchema field: a typed editor (text,
// number, bool, enum, list, map, path with a file picker, duration, masked
// secret) and a raw-expression mode that shows and keeps the HCL expression
// text exactly (var.x, "${...}", function calls). Values that the typed editor
// cannot represent open in raw mode. Each commit is one expression text; an
// empty one means "remove the attribute" (back to the default).
class FieldEditor : public QWidget
{
    Q_OBJECT
public:
    FieldEditor(const registry::Field &field, const QString &expression, bool present,
        QWidget *parent = nullptr);

    bool isRaw() const;
    void setRaw(bool raw);
    // The expression text the editor currently stands for (empty: unset).
    QString expression() const;
    const registry::Field &field() const { return m_field; }
    // Typed-editor round trip, exposed for tests: whether `expression` fits the
    // typed editor and, if so, what that editor shows.
    static bool toTyped(const registry::Field &field, const QString &expression, QString *display);
    static QString fromTyped(const registry::Field &field, const QString &display);

    // Commits what the editor shows (the inspector and tests call this; editors call it
    // themselves).
    void commit();

signals:
    void committed(const QString &expression);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setTypedText(const QString &display);
    QWidget *makeTypedEditor();
    QString typedText() const;

    registry::Field m_field;
    QString m_committed;
    QString m_shown; // what the typed editor showed for m_committed
    QStackedWidget *m_stack;
    QWidget *m_typed = nullptr;
    QLineEdit *m_raw;
    QToolButton *m_rawToggle;
};

} // namespace kiln::ui

#include "app/ui/FieldEditor.h"

#include "app/models/document/BlockAttributes.h"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QStackedWidget>
#include <QToolButton>
#include <algorithm>

namespace kiln::ui {

using models::BlockAttributes;
using registry::Field;
using registry::FieldType;

namespace {

const QRegularExpression &numberPattern()
{
    static const QRegularExpression re(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
    return re;
}

const QRegularExpression &durationPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^(0|([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$"));
    return re;
}

bool isScalarString(FieldType t)
{
    return t == FieldType::String || t == FieldType::Path || t == FieldType::Duration
        || t == FieldType::Enum;
}

// Splits "[a, b]" / "{ k = v, ... }" contents at top-level commas or new lines.
QStringList splitTopLevel(const QString &inner)
{
    QStringList parts;
    QString cur;
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const QChar c = inner.at(i);
        if (inString) {
            cur += c;
            if (c == QLatin1Char('\\') && i + 1 < inner.size())
                cur += inner.at(++i);
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        if (c == QLatin1Char('"'))
            inString = true;
        else if (c == QLatin1Char('[') || c == QLatin1Char('{') || c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(']') || c == QLatin1Char('}') || c == QLatin1Char(')'))
            --depth;
        if (depth == 0 && (c == QLatin1Char(',') || c == QLatin1Char('\n'))) {
            if (!cur.trimmed().isEmpty())
                parts << cur.trimmed();
            cur.clear();
            continue;
        }
        cur += c;
    }
    if (!cur.trimmed().isEmpty())
        parts << cur.trimmed();
    return parts;
}

} // namespace

bool FieldEditor::toTyped(const Field &field, const QString &expression, QString *display)
{
    const QString e = expression.trimmed();
    if (e.isEmpty()) {
        display->clear();
        return true;
    }
    const FieldType t = field.type();
    if (isScalarString(t))
        return BlockAttributes::isPlainString(e, display);
    if (t == FieldType::Number) {
        *display = e;
        return numberPattern().match(e).hasMatch();
    }
    if (t == FieldType::Bool) {
        *display = e;
        return e == QLatin1String("true") || e == QLatin1String("false");
    }
    if (t == FieldType::List || t == FieldType::Map) {
        const bool list = t == FieldType::List;
        if (!e.startsWith(list ? QLatin1Char('[') : QLatin1Char('{'))
            || !e.endsWith(list ? QLatin1Char(']') : QLatin1Char('}')))
            return false;
        const FieldType elem = field.elementType();
        QStringList lines;
        for (const QString &part : splitTopLevel(e.mid(1, e.size() - 2))) {
            QString key;
            QString valueExpr = part;
            if (!list) {
                // `key = value` in HCL, `"key": value` in JSON (which HCL accepts too); a
                // quoted key may itself hold '=' or ':'.
                int from = 0;
                if (part.startsWith(QLatin1Char('"'))) {
                    from = 1;
                    while (from < part.size() && part.at(from) != QLatin1Char('"'))
                        from += part.at(from) == QLatin1Char('\\') ? 2 : 1;
                }
                const int equals = int(part.indexOf(QLatin1Char('='), from));
                const int colon = int(part.indexOf(QLatin1Char(':'), from));
                const int eq = equals < 0 ? colon : colon < 0 ? equals : std::min(equals, colon);
                if (eq < 1)
                    return false;
                key = part.left(eq).trimmed();
                valueExpr = part.mid(eq + 1).trimmed();
                QString unquoted;
                if (BlockAttributes::isPlainString(key, &unquoted))
                    key = unquoted;
            }
            QString v;
            if (isScalarString(elem) || elem == FieldType::Any) {
                if (!BlockAttributes::isPlainString(valueExpr, &v) || v.contains(QLatin1Char('\n')))
                    return false;
            } else if (elem == FieldType::Number || elem == FieldType::Bool) {
                v = valueExpr;
            } else {
                return false;
            }
            lines << (list ? v : key + QStringLiteral(" = ") + v);
        }
        *display = lines.join(QLatin1Char('\n'));
        return true;
    }
    return false; // blocks and free-form values: raw only
}

QString FieldEditor::fromTyped(const Field &field, const QString &display)
{
    const FieldType t = field.type();
    if (display.isEmpty())
        return {};
    if (isScalarString(t))
        return BlockAttributes::quote(display);
    if (t == FieldType::Number || t == FieldType::Bool)
        return display.trimmed();
    if (t == FieldType::List || t == FieldType::Map) {
        const FieldType elem = field.elementType();
        auto value = [elem](const QString &v) {
            return elem == FieldType::Number || elem == FieldType::Bool ? v.trimmed()
                                                                        : BlockAttributes::quote(v);
        };
        QStringList parts;
        for (const QString &line : display.split(QLatin1Char('\n'))) {
            if (line.trimmed().isEmpty())
                continue;
            if (t == FieldType::List) {
                parts << value(line);
            } else {
                const int eq = line.indexOf(QLatin1Char('='));
                const QString key = (eq < 0 ? line : line.left(eq)).trimmed();
                const QString v = eq < 0 ? QString() : line.mid(eq + 1).trimmed();
                static const QRegularExpression ident(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
                parts << (ident.match(key).hasMatch() ? key : BlockAttributes::quote(key))
                        + QStringLiteral(" = ") + value(v);
            }
        }
        if (parts.isEmpty())
            return {};
        return t == FieldType::List
            ? QStringLiteral("[") + parts.join(QStringLiteral(", ")) + QStringLiteral("]")
            : QStringLiteral("{ ") + parts.join(QStringLiteral(", ")) + QStringLiteral(" }");
    }
    return display;
}

FieldEditor::FieldEditor(
    const Field &field, const QString &expression, bool present, QWidget *parent)
    : QWidget(parent)
    , m_field(field)
    , m_committed(present ? expression : QString())
    , m_stack(new QStackedWidget)
    , m_raw(new QLineEdit)
    , m_rawToggle(new QToolButton)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    m_typed = makeTypedEditor();
    m_stack->addWidget(m_typed ? m_typed : new QWidget);
    m_stack->addWidget(m_raw);
    row->addWidget(m_stack, 1);
    // As tall as the editor it shows: a list or map editor must not leave the form's spare
    // height as a gap under it (the inspector's stretch takes that).
    m_stack->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_raw->setPlaceholderText(tr("HCL expression, e.g. var.name"));
    m_raw->setText(m_committed);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_raw->setFont(mono);
    m_rawToggle->setText(QStringLiteral("{ }"));
    m_rawToggle->setCheckable(true);
    m_rawToggle->setAutoRaise(true);
    m_rawToggle->setToolTip(tr("Edit as an HCL expression (var.x, \"${...}\", functions)"));
    row->addWidget(m_rawToggle);
    connect(m_raw, &QLineEdit::editingFinished, this, &FieldEditor::commit);
    connect(m_rawToggle, &QToolButton::toggled, this, &FieldEditor::setRaw);

    QString display;
    const bool fits = m_typed && toTyped(field, m_committed, &display);
    if (fits) {
        setTypedText(display);
        m_shown = typedText();
    }
    m_stack->setCurrentIndex(fits ? 0 : 1);
    m_rawToggle->setChecked(!fits);
    m_rawToggle->setEnabled(m_typed != nullptr);
}

QWidget *FieldEditor::makeTypedEditor()
{
    const FieldType t = m_field.type();
    const QString placeholder = m_field.defaultText().isEmpty()
        ? QString()
        : tr("default: %1").arg(m_field.defaultText());
    auto lineEdit = [&](QWidget *owner) {
        auto *e = new QLineEdit(owner);
        e->setPlaceholderText(placeholder);
        connect(e, &QLineEdit::editingFinished, this, &FieldEditor::commit);
        return e;
    };
    switch (t) {
    case FieldType::String:
    case FieldType::Duration:
    case FieldType::Number: {
        QLineEdit *e = lineEdit(nullptr);
        if (m_field.isSensitive())
            e->setEchoMode(QLineEdit::PasswordEchoOnEdit);
        if (t == FieldType::Duration)
            e->setValidator(new QRegularExpressionValidator(durationPattern(), e));
        if (t == FieldType::Number)
            e->setValidator(new QRegularExpressionValidator(numberPattern(), e));
        // A string with suggested values (guest_os_type: "unix", "windows") offers them,
        // but takes any text, as the plugin does (it lowercases what it gets).
        if (t == FieldType::String && !m_field.enumValues().isEmpty()) {
            auto *suggestions = new QCompleter(m_field.enumValues(), e);
            suggestions->setCaseSensitivity(Qt::CaseInsensitive);
            suggestions->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
            e->setCompleter(suggestions);
        }
        return e;
    }
    case FieldType::Path: {
        auto *box = new QWidget;
        auto *l = new QHBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->setSpacing(2);
        QLineEdit *e = lineEdit(box);
        auto *browse = new QToolButton(box);
        browse->setText(QStringLiteral("…"));
        browse->setToolTip(tr("Choose a path"));
        l->addWidget(e, 1);
        l->addWidget(browse);
        connect(browse, &QToolButton::clicked, this, [this, e] {
            const QString chosen = m_field.pathKind() == registry::PathKind::Directory
                ? QFileDialog::getExistingDirectory(this, m_field.key())
                : QFileDialog::getOpenFileName(this, m_field.key());
            if (!chosen.isEmpty()) {
                e->setText(chosen);
                commit();
            }
        });
        return box;
    }
    case FieldType::Bool:
    case FieldType::Enum: {
        auto *c = new QComboBox;
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(6);
        c->addItem(placeholder.isEmpty() ? tr("(not set)") : tr("(not set — %1)").arg(placeholder),
            QString());
        const QStringList values = t == FieldType::Bool
            ? QStringList{QStringLiteral("true"), QStringLiteral("false")}
            : m_field.enumValues();
        for (const QString &v : values)
            c->addItem(v, v);
        connect(c, &QComboBox::activated, this, &FieldEditor::commit);
        return c;
    }
    case FieldType::List:
    case FieldType::Map: {
        auto *e = new QPlainTextEdit;
        e->setPlaceholderText(
            t == FieldType::List ? tr("one value per line") : tr("key = value, one per line"));
        e->setFixedHeight(56);
        e->setMinimumWidth(60);
        e->setTabChangesFocus(true);
        // A plain text edit has no editingFinished: commit when focus leaves it.
        e->installEventFilter(this);
        return e;
    }
    case FieldType::Block:
    case FieldType::Any:
        return nullptr;
    }
    return nullptr;
}

bool FieldEditor::isRaw() const
{
    return m_stack->currentIndex() == 1;
}

void FieldEditor::setRaw(bool raw)
{
    if (!m_typed)
        raw = true;
    if (raw && !isRaw()) {
        m_raw->setText(expression());
    } else if (!raw && isRaw()) {
        // Back to the typed editor only if it can show the expression; else stay raw.
        QString display;
        if (!toTyped(m_field, m_raw->text(), &display))
            raw = true;
        else {
            setTypedText(display);
            m_shown = typedText();
        }
    }
    const QSignalBlocker block(m_rawToggle);
    m_stack->setCurrentIndex(raw ? 1 : 0);
    m_rawToggle->setChecked(raw);
    m_rawToggle->setEnabled(m_typed != nullptr);
}

void FieldEditor::setTypedText(const QString &display)
{
    if (auto *combo = qobject_cast<QComboBox *>(m_typed))
        combo->setCurrentIndex(qMax(0, combo->findData(display)));
    else if (auto *text = qobject_cast<QPlainTextEdit *>(m_typed))
        text->setPlainText(display);
    else if (auto *line = qobject_cast<QLineEdit *>(m_typed))
        line->setText(display);
    else if (m_typed)
        if (auto *inner = m_typed->findChild<QLineEdit *>())
            inner->setText(display);
}

bool FieldEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_typed && event->type() == QEvent::FocusOut)
        commit();
    return QWidget::eventFilter(watched, event);
}

QString FieldEditor::typedText() const
{
    if (auto *combo = qobject_cast<QComboBox *>(m_typed))
        return combo->currentData().toString();
    if (auto *text = qobject_cast<QPlainTextEdit *>(m_typed))
        return text->toPlainText();
    if (auto *line = qobject_cast<QLineEdit *>(m_typed))
        return line->text();
    if (m_typed)
        if (auto *line = m_typed->findChild<QLineEdit *>())
            return line->text();
    return {};
}

QString FieldEditor::expression() const
{
    if (isRaw())
        return m_raw->text().trimmed();
    // Untouched: the text as written, not a re-rendering of it.
    const QString shown = typedText();
    if (shown == m_shown && !m_committed.isEmpty())
        return m_committed;
    return fromTyped(m_field, shown);
}

void FieldEditor::commit()
{
    const QString e = expression();
    if (e == m_committed)
        return;
    m_committed = e;
    if (!isRaw())
        m_shown = typedText();
    emit committed(e);
}

} // namespace kiln::ui

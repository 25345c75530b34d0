#include "app/ui/build/AskDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QVBoxLayout>

namespace kiln::ui {

AskDialog::AskDialog(quint64 id, const QString &build, const QString &question, QWidget *parent)
    : QDialog(parent)
    , m_id(id)
    , m_build(build)
    , m_choices(parseChoices(question))
{
    setWindowTitle(tr("%1 is waiting").arg(build));
    setModal(false);
    setAttribute(Qt::WA_DeleteOnClose);

    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(32, 32));
    head->addWidget(icon, 0, Qt::AlignTop);
    auto *text = new QLabel(this);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    // The first line is what happened; the choices are the buttons below.
    const QString first = question.section(QLatin1Char('\n'), 0, 0);
    text->setText(m_choices.size() > 1 ? first : question);
    QFont bold = text->font();
    bold.setBold(true);
    auto *who = new QLabel(build, this);
    who->setFont(bold);
    m_context = new QLabel(this);
    m_context->setTextFormat(Qt::PlainText);
    m_context->setWordWrap(true);
    m_context->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_context->hide();
    auto *texts = new QVBoxLayout;
    texts->addWidget(who);
    texts->addWidget(m_context);
    texts->addWidget(text);
    head->addLayout(texts, 1);
    layout->addLayout(head);

    auto *buttons = new QDialogButtonBox(this);
    for (const Choice &c : std::as_const(m_choices)) {
        auto *b = buttons->addButton(c.label, QDialogButtonBox::ActionRole);
        b->setToolTip(c.help);
        m_buttons << b;
        const QString answer = c.answer;
        connect(b, &QPushButton::clicked, this, [this, answer] {
            emit answered(m_id, answer);
            accept();
        });
    }
    if (!m_buttons.isEmpty())
        static_cast<QPushButton *>(m_buttons.first())->setDefault(true);
    layout->addWidget(buttons);
}

QList<AskDialog::Choice> AskDialog::parseChoices(const QString &question)
{
    static const QRegularExpression option(QStringLiteral(R"(\[(\w)\]\s*([^\[,?]*))"));
    QList<Choice> out;
    auto it = option.globalMatch(question);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString label = m.captured(2).trimmed();
        if (label.endsWith(QLatin1String(" or")))
            label.chop(3);
        QString help;
        // "retry step (build may fail even if retry succeeds)": the remark becomes the tooltip.
        const qsizetype paren = label.indexOf(QLatin1Char('('));
        if (paren > 0) {
            help = label.mid(paren + 1).chopped(label.endsWith(QLatin1Char(')')) ? 1 : 0).trimmed();
            label = label.left(paren).trimmed();
        }
        if (!label.isEmpty())
            label[0] = label.at(0).toUpper();
        out.append({m.captured(1), label, help});
    }
    if (out.isEmpty())
        out.append({QString(), tr("Continue"), tr("Let the build go on")});
    return out;
}

bool AskDialog::choose(const QString &answer)
{
    for (qsizetype i = 0; i < m_choices.size(); ++i) {
        if (m_choices.at(i).answer == answer) {
            m_buttons.at(i)->click();
            return true;
        }
    }
    return false;
}

void AskDialog::setContext(const QString &context)
{
    m_context->setText(context);
    m_context->setVisible(!context.isEmpty());
    QPalette p = m_context->palette();
    // The error in the palette's own red-ish tone would be guesswork; a muted text keeps it
    // readable in light and dark themes while the question stays the strongest line.
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    m_context->setPalette(p);
    adjustSize();
}

QString AskDialog::context() const
{
    return m_context->text();
}

void AskDialog::reject()
{
    // Closing the prompt is not an answer: the build keeps waiting and the dock can show
    // the question again; Stop is the way to give up.
    hide();
}

} // namespace kiln::ui

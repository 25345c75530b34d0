#include "app/ui/build/RunDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace kiln::ui {

namespace {

struct OnErrorChoice
{
    build::OnError mode;
    const char *label;
};

constexpr OnErrorChoice OnErrorChoices[] = {
    {build::OnError::Cleanup, QT_TRANSLATE_NOOP("kiln::ui::RunDialog", "Clean up")},
    {build::OnError::Abort, QT_TRANSLATE_NOOP("kiln::ui::RunDialog", "Abort (keep the machine)")},
    {build::OnError::Ask, QT_TRANSLATE_NOOP("kiln::ui::RunDialog", "Ask")},
    {build::OnError::RunCleanupProvisioner,
        QT_TRANSLATE_NOOP("kiln::ui::RunDialog", "Run the error-cleanup provisioner")},
};

enum Selection { EveryBuild = 0, OnlyChecked = 1, AllButChecked = 2 };

} // namespace

RunDialog::RunDialog(const QStringList &builds, const QList<models::RunVariable> &variables,
    const models::RunRequest &initial, QWidget *parent)
    : QDialog(parent)
    , m_initial(initial)
    , m_variables(variables)
{
    setWindowTitle(tr("Run Builds"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildsSection(builds, initial));
    layout->addWidget(variablesSection(), 1);
    layout->addWidget(optionsSection(initial));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_runButton = buttons->addButton(tr("Run"), QDialogButtonBox::AcceptRole);
    m_runButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    fillVariables(initial.vars);
    updateRunButton();
    resize(680, 660);
}

QWidget *RunDialog::buildsSection(const QStringList &builds, const models::RunRequest &initial)
{
    auto *box = new QGroupBox(tr("Builds"), this);
    auto *layout = new QVBoxLayout(box);
    auto *choices = new QHBoxLayout;
    m_selection = new QButtonGroup(box);
    const QString labels[] = {tr("Every build"), tr("Only the checked ones (-only)"),
        tr("All but the checked ones (-except)")};
    for (int i = 0; i < 3; ++i) {
        auto *radio = new QRadioButton(labels[i], box);
        m_selection->addButton(radio, i);
        choices->addWidget(radio);
    }
    choices->addStretch(1);
    layout->addLayout(choices);
    m_builds = new QListWidget(box);
    QStringList names = builds;
    // Builds remembered from an earlier run stay selectable even if the lanes changed.
    for (const QString &b : initial.only + initial.except)
        if (!names.contains(b))
            names << b;
    const QStringList checked = initial.only.isEmpty() ? initial.except : initial.only;
    for (const QString &b : names) {
        auto *item = new QListWidgetItem(b, m_builds);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(b) ? Qt::Checked : Qt::Unchecked);
    }
    // As tall as its builds (up to six rows): the variables below need the room more.
    const int rows = std::clamp(int(m_builds->count()), 1, 6);
    m_builds->setFixedHeight(rows * m_builds->sizeHintForRow(0) + 2 * m_builds->frameWidth() + 4);
    layout->addWidget(m_builds);
    const int selection = !initial.only.isEmpty() ? OnlyChecked : !initial.except.isEmpty() ? AllButChecked : EveryBuild;
    m_selection->button(selection)->setChecked(true);
    m_builds->setEnabled(selection != EveryBuild);
    connect(m_selection, &QButtonGroup::idClicked, this, [this](int id) {
        m_builds->setEnabled(id != EveryBuild);
        updateRunButton();
    });
    connect(m_builds, &QListWidget::itemChanged, this, &RunDialog::updateRunButton);
    return box;
}

QWidget *RunDialog::variablesSection()
{
    auto *box = new QGroupBox(tr("Variables"), this);
    auto *layout = new QVBoxLayout(box);
    m_table = new QTableWidget(int(m_variables.size()), 2, box);
    m_table->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setMinimumHeight(140);
    for (int row = 0; row < m_variables.size(); ++row) {
        const models::RunVariable &v = m_variables.at(row);
        auto *name = new QTableWidgetItem(v.hasDefault ? v.name : v.name + QStringLiteral(" *"));
        name->setFlags(Qt::ItemIsEnabled);
        QString tip = v.description;
        if (!v.type.isEmpty())
            tip = tip.isEmpty() ? v.type : QStringLiteral("%1\n(%2)").arg(tip, v.type);
        if (!v.hasDefault)
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) + tr("Required: the template has no default.");
        name->setToolTip(tip);
        m_table->setItem(row, 0, name);

        auto *cell = new QWidget(m_table);
        auto *cellLayout = new QHBoxLayout(cell);
        cellLayout->setContentsMargins(2, 0, 2, 0);
        auto *edit = new QLineEdit(cell);
        edit->setFrame(false);
        edit->setObjectName(QStringLiteral("var-") + v.name);
        if (v.sensitive) {
            edit->setEchoMode(QLineEdit::Password);
            edit->setPlaceholderText(v.hasDefault ? tr("sensitive (default hidden)") : tr("sensitive, required"));
            auto *reveal = new QToolButton(cell);
            reveal->setText(tr("Show"));
            reveal->setCheckable(true);
            reveal->setToolTip(tr("Show the value while you type it; it is never remembered"));
            connect(reveal, &QToolButton::toggled, edit, [edit](bool on) {
                edit->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
            });
            cellLayout->addWidget(edit, 1);
            cellLayout->addWidget(reveal);
        } else {
            edit->setPlaceholderText(v.hasDefault ? tr("default: %1").arg(v.defaultText) : tr("required"));
            cellLayout->addWidget(edit, 1);
        }
        edit->setToolTip(tip);
        connect(edit, &QLineEdit::textChanged, this, &RunDialog::updateRunButton);
        m_table->setCellWidget(row, 1, cell);
        m_values << edit;
    }
    layout->addWidget(m_table, 1);
    if (m_variables.isEmpty()) {
        m_table->hide();
        layout->addWidget(new QLabel(tr("The template declares no input variables."), box));
    }

    auto *files = new QHBoxLayout;
    files->addWidget(new QLabel(tr("Variable files (-var-file):"), box));
    m_varFiles = new QListWidget(box);
    m_varFiles->setMaximumHeight(64);
    files->addWidget(m_varFiles, 1);
    auto *fileButtons = new QVBoxLayout;
    auto *add = new QPushButton(tr("Add…"), box);
    auto *remove = new QPushButton(tr("Remove"), box);
    fileButtons->addWidget(add);
    fileButtons->addWidget(remove);
    fileButtons->addStretch(1);
    files->addLayout(fileButtons);
    layout->addLayout(files);
    connect(add, &QPushButton::clicked, this, &RunDialog::addVarFile);
    connect(remove, &QPushButton::clicked, this, [this] { delete m_varFiles->currentItem(); });
    return box;
}

QWidget *RunDialog::optionsSection(const models::RunRequest &initial)
{
    auto *box = new QGroupBox(tr("Options"), this);
    auto *form = new QFormLayout(box);
    m_onError = new QComboBox(box);
    for (const OnErrorChoice &c : OnErrorChoices) {
        m_onError->addItem(tr(c.label), int(c.mode));
        if (c.mode == initial.options.onError)
            m_onError->setCurrentIndex(m_onError->count() - 1);
    }
    form->addRow(tr("On error (-on-error):"), m_onError);
    m_parallel = new QSpinBox(box);
    m_parallel->setRange(0, 256);
    m_parallel->setSpecialValueText(tr("no limit"));
    m_parallel->setValue(initial.parallel);
    form->addRow(tr("Parallel builds (-parallel-builds):"), m_parallel);
    m_force = new QCheckBox(tr("Replace existing output directories (-force)"), box);
    m_force->setChecked(initial.options.force);
    m_debug = new QCheckBox(tr("Debug: one build at a time, pause after each step (-debug)"), box);
    m_debug->setChecked(initial.options.debug);
    m_warnUndeclared = new QCheckBox(tr("Warn about values for undeclared variables"), box);
    m_warnUndeclared->setChecked(initial.warnOnUndeclaredVar);
    form->addRow(m_force);
    form->addRow(m_debug);
    form->addRow(m_warnUndeclared);
    return box;
}

void RunDialog::fillVariables(const QList<tmpl::VarSetting> &vars)
{
    for (const tmpl::VarSetting &s : vars) {
        if (s.kind == tmpl::VarSetting::Kind::File) {
            m_varFiles->addItem(s.value);
            continue;
        }
        for (int i = 0; i < m_variables.size(); ++i)
            if (m_variables.at(i).name == s.name)
                m_values.at(i)->setText(s.value);
    }
}

void RunDialog::addVarFile()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Variable Files"), QString(),
        tr("Packer variable files (*.pkrvars.hcl *.pkrvars.json *.json);;All files (*)"));
    for (const QString &f : files)
        m_varFiles->addItem(f);
}

void RunDialog::updateRunButton()
{
    // Packer refuses a run with an unset required variable; say so before it starts.
    QStringList missing;
    for (int i = 0; i < m_variables.size(); ++i)
        if (!m_variables.at(i).hasDefault && m_values.at(i)->text().isEmpty())
            missing << m_variables.at(i).name;
    bool anyChecked = false;
    for (int i = 0; i < m_builds->count(); ++i)
        anyChecked = anyChecked || m_builds->item(i)->checkState() == Qt::Checked;
    const bool needsChecked = m_selection->checkedId() == OnlyChecked;
    // A var file may set the required ones: missing values only warn.
    m_runButton->setEnabled(!(needsChecked && !anyChecked));
    m_runButton->setToolTip(missing.isEmpty() ? QString()
                                              : tr("No value yet for: %1").arg(missing.join(QStringLiteral(", "))));
}

models::RunRequest RunDialog::request() const
{
    models::RunRequest r = m_initial;
    r.only.clear();
    r.except.clear();
    QStringList checked;
    for (int i = 0; i < m_builds->count(); ++i)
        if (m_builds->item(i)->checkState() == Qt::Checked)
            checked << m_builds->item(i)->text();
    if (m_selection->checkedId() == OnlyChecked)
        r.only = checked;
    else if (m_selection->checkedId() == AllButChecked)
        r.except = checked;
    // Files first, then single values: a value typed here wins over a file, as a -var
    // after a -var-file does on the command line.
    r.vars.clear();
    for (int i = 0; i < m_varFiles->count(); ++i)
        r.vars << tmpl::VarSetting{tmpl::VarSetting::Kind::File, {}, m_varFiles->item(i)->text()};
    for (int i = 0; i < m_variables.size(); ++i)
        if (!m_values.at(i)->text().isEmpty())
            r.vars << tmpl::VarSetting{tmpl::VarSetting::Kind::Var, m_variables.at(i).name, m_values.at(i)->text()};
    r.options.onError = build::OnError(m_onError->currentData().toInt());
    r.options.force = m_force->isChecked();
    r.options.debug = m_debug->isChecked();
    r.parallel = m_parallel->value();
    r.warnOnUndeclaredVar = m_warnUndeclared->isChecked();
    return r;
}

QStringList RunDialog::sensitiveNames() const
{
    QStringList names;
    for (const models::RunVariable &v : m_variables)
        if (v.sensitive)
            names << v.name;
    return names;
}

} // namespace kiln::ui

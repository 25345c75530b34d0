#include "app/ui/build/BuildDock.h"

#include "app/models/build/BuildRunModel.h"
#include "app/models/build/ConsoleBuffer.h"
#include "app/models/build/RunSettingsStore.h"
#include "app/models/build/RunVariables.h"
#include "app/ui/build/AskDialog.h"
#include "app/ui/build/BuildStateIcon.h"
#include "app/ui/build/ConsolePane.h"
#include "app/ui/build/RunDialog.h"
#include "engine/output/DurationFormat.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace kiln::ui {

using models::BuildState;
using models::ConsoleLine;

namespace {

struct OnErrorMode
{
    build::OnError mode;
    const char *flag;
    const char *label;
};

constexpr OnErrorMode OnErrorModes[] = {
    {build::OnError::Cleanup, "cleanup", QT_TRANSLATE_NOOP("kiln::ui::BuildDock", "Clean up")},
    {build::OnError::Abort, "abort",
        QT_TRANSLATE_NOOP("kiln::ui::BuildDock", "Abort (keep the machine)")},
    {build::OnError::Ask, "ask", QT_TRANSLATE_NOOP("kiln::ui::BuildDock", "Ask")},
    {build::OnError::RunCleanupProvisioner, "run-cleanup-provisioner",
        QT_TRANSLATE_NOOP("kiln::ui::BuildDock", "Run cleanup provisioner")},
};

// "1:05" / "1:02:05": a clock, not Packer's duration words, since it ticks.
QString clockText(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// buildStateName() is the state's key (the lanes parse it); this is what a person reads.
QString stateText(BuildState state)
{
    switch (state) {
    case BuildState::Pending:
        return BuildDock::tr("pending");
    case BuildState::Running:
        return BuildDock::tr("running");
    case BuildState::Succeeded:
        return BuildDock::tr("done");
    case BuildState::Failed:
        return BuildDock::tr("failed");
    case BuildState::Cancelled:
        return BuildDock::tr("cancelled");
    }
    return {};
}

// Two stacked disclosure triangles, pointing right (folded) or down (unfolded): the
// markers of the console's gutter, so the buttons read as "all of those".
QIcon foldIcon(bool folded, const QColor &colour, qreal dpr)
{
    const int size = 16;
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    for (const qreal cy : {4.5, 11.5}) {
        QPainterPath path;
        if (folded) {
            path.moveTo(5, cy - 3.5);
            path.lineTo(11, cy);
            path.lineTo(5, cy + 3.5);
        } else {
            path.moveTo(4.5, cy - 2.5);
            path.lineTo(11.5, cy - 2.5);
            path.lineTo(8, cy + 2.5);
        }
        path.closeSubpath();
        p.fillPath(path, colour);
    }
    return QIcon(pm);
}

} // namespace

BuildDock::BuildDock(QWidget *parent)
    : QWidget(parent)
    , m_model(new models::BuildRunModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *bar = new QWidget(this);
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(6, 3, 6, 3);
    barLayout->setSpacing(6);
    m_run = new QToolButton(bar);
    m_run->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_run->setText(tr("Run"));
    m_run->setToolTip(tr("Build the template (Ctrl+Shift+B)"));
    m_run->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_runWith = new QToolButton(bar);
    m_runWith->setText(tr("Run…"));
    m_runWith->setToolTip(tr("Choose builds, variables and options, then build (Ctrl+B)"));
    m_stop = new QToolButton(bar);
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Cancel the running builds; they clean up"));
    m_stop->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stop->setEnabled(false);
    m_onlyButton = new QToolButton(bar);
    m_onlyButton->setPopupMode(QToolButton::InstantPopup);
    m_onlyMenu = new QMenu(m_onlyButton);
    m_onlyButton->setMenu(m_onlyMenu);
    m_onlyButton->setToolTip(tr("Builds to run (-only)"));
    auto *onErrorLabel = new QLabel(tr("On error:"), bar);
    m_onError = new QComboBox(bar);
    for (const OnErrorMode &m : OnErrorModes)
        m_onError->addItem(tr(m.label), QString::fromLatin1(m.flag));
    m_onError->setToolTip(tr("What a failing build does (-on-error)"));
    m_answer = new QToolButton(bar);
    m_answer->setText(tr("Answer…"));
    m_answer->setIcon(style()->standardIcon(QStyle::SP_MessageBoxQuestion));
    m_answer->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_answer->setToolTip(tr("A build is waiting for an answer"));
    m_answer->hide();
    // Act on the console tab on top (its own actions, so the shortcuts match).
    auto foldButton = [this, bar](bool fold) {
        auto *b = new QToolButton(bar);
        b->setAutoRaise(true);
        b->setIcon(foldIcon(fold, palette().color(QPalette::ButtonText), devicePixelRatioF()));
        connect(b, &QToolButton::clicked, this, [this, fold] {
            if (auto *pane = qobject_cast<ConsolePane *>(m_tabs->currentWidget()))
                fold ? pane->foldAll() : pane->unfoldAll();
        });
        return b;
    };
    m_status = new QLabel(bar);
    m_elapsed = new QLabel(bar);
    m_elapsed->setToolTip(tr("Elapsed time"));
    barLayout->addWidget(m_run);
    barLayout->addWidget(m_runWith);
    barLayout->addWidget(m_stop);
    barLayout->addSpacing(8);
    barLayout->addWidget(m_onlyButton);
    barLayout->addWidget(onErrorLabel);
    barLayout->addWidget(m_onError);
    barLayout->addWidget(m_answer);
    barLayout->addStretch(1);
    m_foldAll = foldButton(true);
    m_unfoldAll = foldButton(false);
    barLayout->addWidget(m_foldAll);
    barLayout->addWidget(m_unfoldAll);
    barLayout->addSpacing(8);
    barLayout->addWidget(m_status);
    barLayout->addWidget(m_elapsed);
    layout->addWidget(bar);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(true);
    m_all = new ConsolePane(true, m_tabs);
    m_tabs->addTab(m_all, tr("All"));
    m_artifacts = new QListWidget(m_tabs);
    m_tabs->addTab(m_artifacts, tr("Artifacts"));
    layout->addWidget(m_tabs, 1);
    connect(m_all, &ConsolePane::locationActivated, this, &BuildDock::locationActivated);
    for (QToolButton *b : {m_foldAll, m_unfoldAll}) {
        const QAction *a = b == m_foldAll ? m_all->foldAllAction() : m_all->unfoldAllAction();
        b->setToolTip(QStringLiteral("%1 (%2)").arg(
            a->text(), a->shortcut().toString(QKeySequence::NativeText)));
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        const bool console = qobject_cast<ConsolePane *>(m_tabs->currentWidget());
        m_foldAll->setEnabled(console);
        m_unfoldAll->setEnabled(console);
    });
    connect(m_all, &ConsolePane::timestampsToggled, this, &BuildDock::setTimestampsVisible);

    m_clock = new QTimer(this);
    m_clock->setInterval(250);
    connect(m_clock, &QTimer::timeout, this, &BuildDock::updateElapsed);

    connect(m_run, &QToolButton::clicked, this, &BuildDock::run);
    connect(m_runWith, &QToolButton::clicked, this, &BuildDock::runWithDialog);
    connect(m_stop, &QToolButton::clicked, this, &BuildDock::stop);
    connect(m_answer, &QToolButton::clicked, this, [this] {
        if (m_ask) {
            m_ask->show();
            m_ask->raise();
            m_ask->activateWindow();
        }
    });
    connect(m_model, &models::BuildRunModel::buildsAnnounced, this, &BuildDock::onBuildsAnnounced);
    connect(m_model, &models::BuildRunModel::linesAppended, this, &BuildDock::onLines);
    connect(m_model, &models::BuildRunModel::buildStateChanged, this, &BuildDock::onState);
    connect(m_model, &models::BuildRunModel::questionAsked, this, &BuildDock::onQuestion);
    connect(m_model, &models::BuildRunModel::questionWithdrawn, this, &BuildDock::onWithdrawn);
    connect(m_model, &models::BuildRunModel::runningChanged, this, &BuildDock::onRunning);
    connect(
        m_model, &models::BuildRunModel::diagnosticsChanged, this, &BuildDock::diagnosticsChanged);
    connect(m_model, &models::BuildRunModel::progressChanged, this,
        [this](const QString &build, const QString &what, qint64 bytes, qint64 total) {
            if (ConsolePane *p = m_panes.value(build))
                p->setProgress(what, bytes, total);
        });
    connect(m_model, &models::BuildRunModel::artifactAdded, this,
        [this](const QString &build, const QString &text) {
            auto *item
                = new QListWidgetItem(QStringLiteral("%1: %2").arg(build, text), m_artifacts);
            item->setToolTip(text);
            m_tabs->setTabText(
                m_tabs->indexOf(m_artifacts), tr("Artifacts (%1)").arg(m_artifacts->count()));
        });
    rebuildOnlyMenu();
    updateElapsed();
}

BuildDock::~BuildDock()
{
    // The model's destructor cancels and waits; questions must not reach a dead dock.
    m_model->disconnect(this);
}

void BuildDock::setTemplatePath(const QString &path)
{
    m_path = path;
}

void BuildDock::setVariables(const QList<tmpl::VarSetting> &vars)
{
    m_vars = vars;
}

void BuildDock::setKnownBuilds(const QStringList &builds)
{
    m_known = builds;
    rebuildOnlyMenu();
}

void BuildDock::setOnly(const QStringList &builds)
{
    m_only = builds;
    rebuildOnlyMenu();
}

QStringList BuildDock::only() const
{
    return m_only;
}

void BuildDock::setOnError(build::OnError mode)
{
    for (const OnErrorMode &m : OnErrorModes)
        if (m.mode == mode)
            m_onError->setCurrentIndex(m_onError->findData(QString::fromLatin1(m.flag)));
}

build::OnError BuildDock::onError() const
{
    build::OnError mode = build::OnError::Cleanup;
    build::parseOnError(m_onError->currentData().toString(), &mode);
    return mode;
}

bool BuildDock::isRunning() const
{
    return m_model->isRunning();
}

void BuildDock::run()
{
    if (m_model->isRunning() || m_path.isEmpty())
        return;
    // A fresh run: the consoles of the last one go.
    while (m_tabs->count() > 2)
        delete m_tabs->widget(1);
    m_panes.clear();
    m_all->clear();
    m_artifacts->clear();
    m_tabs->setTabText(m_tabs->indexOf(m_artifacts), tr("Artifacts"));
    m_tabs->setCurrentWidget(m_all);
    models::RunRequest request;
    request.path = m_path;
    request.vars = m_vars + m_runVars;
    request.only = m_only;
    request.except = m_only.isEmpty() ? m_except : QStringList();
    request.options.onError = onError();
    request.options.force = m_force;
    request.options.debug = m_debug;
    request.parallel = m_parallel;
    request.warnOnUndeclaredVar = m_warnUndeclared;
    m_model->start(request);
}

void BuildDock::runWithDialog()
{
    if (m_model->isRunning() || m_path.isEmpty())
        return;
    models::RunSettingsStore store;
    models::RunRequest initial = store.load(m_path);
    // The bar's choices are the latest when nothing was remembered for this template.
    if (initial.only.isEmpty() && initial.except.isEmpty())
        initial.only = m_only;
    initial.options.onError = onError();
    if (initial.parallel == 0)
        initial.parallel = m_parallel;
    RunDialog dialog(m_known, models::runVariablesOf(m_path), initial, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const models::RunRequest chosen = dialog.request();
    store.save(chosen, dialog.sensitiveNames());
    m_except = chosen.except;
    m_runVars = chosen.vars;
    m_force = chosen.options.force;
    m_debug = chosen.options.debug;
    m_warnUndeclared = chosen.warnOnUndeclaredVar;
    m_parallel = chosen.parallel;
    setOnError(chosen.options.onError);
    setOnly(chosen.only);
    run();
}

void BuildDock::stop()
{
    m_model->cancel();
    m_status->setText(tr("Stopping…"));
}

void BuildDock::onBuildsAnnounced(const QStringList &builds)
{
    bool added = false;
    for (const QString &b : builds) {
        m_all->setBuildIndex(b, m_model->build(b) ? m_model->build(b)->index : 0);
        if (!m_known.contains(b)) {
            m_known << b;
            added = true;
        }
    }
    if (added)
        rebuildOnlyMenu();
}

ConsolePane *BuildDock::ensurePane(const QString &build)
{
    if (ConsolePane *p = m_panes.value(build))
        return p;
    auto *pane = new ConsolePane(false, m_tabs);
    const models::BuildRunInfo *info = m_model->build(build);
    pane->setBuildIndex(build, info ? info->index : 0);
    m_all->setBuildIndex(build, info ? info->index : 0);
    connect(pane, &ConsolePane::locationActivated, this, &BuildDock::locationActivated);
    connect(pane, &ConsolePane::timestampsToggled, this, &BuildDock::setTimestampsVisible);
    pane->setTimestampsVisible(m_all->timestampsVisible());
    // Build tabs sit between "All" and "Artifacts", in the order builds started.
    const int at = m_tabs->indexOf(m_artifacts);
    m_tabs->insertTab(
        at, pane, BuildStateIcon::icon(info ? info->state : BuildState::Pending), build);
    m_panes.insert(build, pane);
    return pane;
}

int BuildDock::tabIndexOf(const QString &build) const
{
    ConsolePane *p = m_panes.value(build);
    return p ? m_tabs->indexOf(p) : -1;
}

void BuildDock::onLines(const QList<ConsoleLine> &lines)
{
    m_all->appendLines(lines);
    // One append per pane per batch: split the batch by build, keeping each build's order.
    QHash<QString, QList<ConsoleLine>> byBuild;
    QStringList order;
    for (const ConsoleLine &l : lines) {
        if (l.build.isEmpty() || l.kind == ConsoleLine::Kind::Announce)
            continue;
        auto it = byBuild.find(l.build);
        if (it == byBuild.end()) {
            order << l.build;
            it = byBuild.insert(l.build, {});
        }
        it->append(l);
    }
    for (const QString &b : std::as_const(order))
        ensurePane(b)->appendLines(byBuild.value(b));
}

void BuildDock::onState(const QString &build, BuildState state, const QString &step)
{
    if (state != BuildState::Pending)
        ensurePane(build);
    const int tab = tabIndexOf(build);
    if (tab >= 0) {
        m_tabs->setTabIcon(tab, BuildStateIcon::icon(state, devicePixelRatioF()));
        const models::BuildRunInfo *info = m_model->build(build);
        QString tip = build + QStringLiteral(" — ") + stateText(state);
        if (info && !info->error.isEmpty())
            tip += QStringLiteral("\n") + info->error;
        m_tabs->setTabToolTip(tab, tip);
    }
    if (state == BuildState::Failed && m_panes.value(build))
        m_panes.value(build)->hideProgress();
    if (state == BuildState::Running && !step.isEmpty())
        emit buildStateChanged(build, QStringLiteral("running step ") + step);
    else
        emit buildStateChanged(build, models::buildStateName(state));
}

void BuildDock::onQuestion(quint64 id, const QString &build, const QString &question)
{
    if (m_ask)
        m_ask->deleteLater();
    m_ask = new AskDialog(id, build, question, this);
    // The lines that led here: the build's last error and the step that failed.
    if (const models::BuildRunInfo *info = m_model->build(build)) {
        QStringList context;
        const models::ConsoleBuffer &console = info->console;
        for (qsizetype i = console.size() - 1;
             i >= 0 && i >= console.size() - 40 && context.size() < 2; --i) {
            const ConsoleLine &l = console.at(i);
            if (question.contains(l.text))
                continue; // the question itself, already in the console
            if (l.kind == ConsoleLine::Kind::Error
                || (l.kind == ConsoleLine::Kind::Say && context.isEmpty()))
                context.prepend(l.text);
        }
        m_ask->setContext(context.join(QLatin1Char('\n')));
    }
    connect(m_ask, &AskDialog::answered, this, [this](quint64 answeredId, const QString &answer) {
        m_model->answer(answeredId, answer);
        m_answer->hide();
    });
    m_answer->show();
    if (ConsolePane *p = m_panes.value(build))
        m_tabs->setCurrentWidget(p);
    m_ask->show();
}

void BuildDock::onWithdrawn(quint64 id)
{
    if (m_ask && m_ask->id() == id) {
        m_ask->deleteLater();
        m_ask = nullptr;
    }
    m_answer->hide();
}

void BuildDock::onRunning(bool running)
{
    m_run->setEnabled(!running);
    m_runWith->setEnabled(!running);
    m_stop->setEnabled(running);
    m_onError->setEnabled(!running);
    m_onlyButton->setEnabled(!running);
    if (running) {
        m_status->setText(tr("Running"));
        m_clock->start();
    } else {
        m_clock->stop();
        m_answer->hide();
        int failed = 0;
        int cancelled = 0;
        for (const QString &b : m_model->buildNames()) {
            const models::BuildRunInfo *info = m_model->build(b);
            failed += info->state == BuildState::Failed;
            cancelled += info->state == BuildState::Cancelled;
        }
        if (m_model->wasCancelled())
            m_status->setText(tr("Cancelled"));
        else if (failed)
            m_status->setText(tr("%n build(s) failed", nullptr, failed));
        else if (m_model->exitCode() != 0)
            m_status->setText(tr("Failed"));
        else
            m_status->setText(tr("Finished"));
        if (m_artifacts->count() > 0 && failed == 0 && !m_model->wasCancelled())
            m_all->setFocus(); // not view(): that would draw a backlog all at once
    }
    updateElapsed();
    emit runningChanged(running);
}

void BuildDock::setTimestampsVisible(bool visible)
{
    m_all->setTimestampsVisible(visible);
    m_all->rerender(m_model->allConsole());
    for (auto it = m_panes.cbegin(); it != m_panes.cend(); ++it) {
        it.value()->setTimestampsVisible(visible);
        if (const models::BuildRunInfo *info = m_model->build(it.key()))
            it.value()->rerender(info->console);
    }
}

void BuildDock::changeEvent(QEvent *event)
{
    // Console colours come from the palette (light or dark): redraw once the panes have it.
    if (event->type() == QEvent::PaletteChange)
        QTimer::singleShot(0, this, [this] { setTimestampsVisible(m_all->timestampsVisible()); });
    QWidget::changeEvent(event);
}

QString BuildDock::elapsedText() const
{
    return m_elapsed->text();
}

void BuildDock::updateElapsed()
{
    if (!m_model->isRunning() && m_model->elapsedMs() == 0) {
        m_elapsed->clear();
        return;
    }
    m_elapsed->setText(clockText(m_model->elapsedMs()));
    m_elapsed->setToolTip(output::DurationFormat::fromMilliseconds(m_model->elapsedMs()));
}

void BuildDock::rebuildOnlyMenu()
{
    m_onlyMenu->clear();
    QAction *all = m_onlyMenu->addAction(tr("All builds"));
    all->setCheckable(true);
    all->setChecked(m_only.isEmpty());
    connect(all, &QAction::triggered, this, [this] { setOnly({}); });
    if (!m_known.isEmpty())
        m_onlyMenu->addSeparator();
    for (const QString &b : std::as_const(m_known)) {
        QAction *a = m_onlyMenu->addAction(b);
        a->setCheckable(true);
        a->setChecked(m_only.contains(b));
        connect(a, &QAction::toggled, this, [this, b](bool on) {
            QStringList next = m_only;
            if (on && !next.contains(b))
                next << b;
            if (!on)
                next.removeAll(b);
            setOnly(next);
        });
    }
    m_onlyButton->setText(m_only.isEmpty() ? tr("All builds")
                                           : tr("Only: %1").arg(m_only.join(QStringLiteral(", "))));
}

} // namespace kiln::ui

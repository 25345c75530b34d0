#include "app/ui/build/ConsolePane.h"

#include "app/models/build/ConsoleBuffer.h"
#include "app/ui/build/ConsoleLocation.h"
#include "app/ui/build/ConsoleStyle.h"
#include "app/ui/build/ConsoleView.h"
#include "engine/output/ProgressLine.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace kiln::ui {

using models::ConsoleLine;

namespace {

// Drawing is paced: at most this many lines per turn, turns this far apart. Output faster
// than that waits in the pane (bounded like the view) instead of stalling the GUI thread;
// nobody reads 50,000 lines a second, and the tail is always the newest.
constexpr int MaxLinesPerDraw = 1000;
constexpr int DrawIntervalMs = 20;

} // namespace

ConsolePane::ConsolePane(bool withPrefix, QWidget *parent)
    : QWidget(parent)
    , m_withPrefix(withPrefix)
    , m_style(std::make_unique<ConsoleStyle>(palette()))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_drawTimer = new QTimer(this);
    m_drawTimer->setSingleShot(true);
    connect(m_drawTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            drawSome();
    });

    m_view = new ConsoleView(this);
    setFocusProxy(m_view);
    m_view->setReadOnly(true);
    m_view->setUndoRedoEnabled(false);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->viewport()->installEventFilter(this);
    m_view->viewport()->setMouseTracking(true);
    layout->addWidget(m_view, 1);

    // Following the tail: on while the view sits at the bottom, off once the user scrolls up.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
        [this, bar](int value) { m_follow = value >= bar->maximum() - 1; });

    m_foldAll = new QAction(tr("Fold All Steps"), this);
    m_foldAll->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_BracketLeft),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_BraceLeft)});
    m_unfoldAll = new QAction(tr("Unfold All Steps"), this);
    m_unfoldAll->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_BracketRight),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_BraceRight)});
    for (QAction *a : {m_foldAll, m_unfoldAll}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    connect(m_foldAll, &QAction::triggered, this, &ConsolePane::foldAll);
    connect(m_unfoldAll, &QAction::triggered, this, &ConsolePane::unfoldAll);
    connect(m_view, &ConsoleView::foldMarkerClicked, this, [this](const QTextBlock &header) {
        keepingTail([&] { return m_view->folding().toggle(header); });
    });

    m_searchBar = new QWidget(this);
    auto *searchLayout = new QHBoxLayout(m_searchBar);
    searchLayout->setContentsMargins(4, 2, 4, 2);
    m_search = new QLineEdit(m_searchBar);
    m_search->setPlaceholderText(tr("Find in output"));
    m_search->setClearButtonEnabled(true);
    auto *prev = new QToolButton(m_searchBar);
    prev->setArrowType(Qt::UpArrow);
    prev->setToolTip(tr("Previous match (Shift+F3)"));
    auto *next = new QToolButton(m_searchBar);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (F3)"));
    auto *close = new QToolButton(m_searchBar);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    searchLayout->addWidget(m_search, 1);
    searchLayout->addWidget(prev);
    searchLayout->addWidget(next);
    searchLayout->addWidget(close);
    m_searchBar->hide();
    layout->addWidget(m_searchBar);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { findNext(false); });
    connect(next, &QToolButton::clicked, this, [this] { findNext(false); });
    connect(prev, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(close, &QToolButton::clicked, m_searchBar, &QWidget::hide);

    auto shortcut = [this](const QKeySequence &keys, auto fn) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, fn);
    };
    shortcut(QKeySequence::Find, [this] { showSearch(); });
    shortcut(QKeySequence::FindNext, [this] { findNext(false); });
    shortcut(QKeySequence::FindPrevious, [this] { findNext(true); });
    shortcut(QKeySequence(Qt::Key_Escape), [this] { m_searchBar->hide(); });

    m_progressRow = new QWidget(this);
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(6, 2, 6, 2);
    m_progressLabel = new QLabel(m_progressRow);
    m_progressBar = new QProgressBar(m_progressRow);
    m_progressBar->setRange(0, 1000);
    m_progressBar->setTextVisible(false);
    m_progressBar->setMaximumHeight(12);
    progressLayout->addWidget(m_progressLabel);
    progressLayout->addWidget(m_progressBar, 1);
    m_progressRow->hide();
    layout->addWidget(m_progressRow);

    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = m_view->createStandardContextMenu(pos);
        menu->addSeparator();
        menu->addAction(tr("Find…"), this, &ConsolePane::showSearch);
        menu->addAction(m_foldAll);
        menu->addAction(m_unfoldAll);
        QAction *stamps = menu->addAction(tr("Show Timestamps"));
        stamps->setCheckable(true);
        stamps->setChecked(m_timestamps);
        connect(stamps, &QAction::toggled, this, &ConsolePane::timestampsToggled);
        menu->addAction(tr("Save Log…"), this, [this] {
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Save Log"), QString(), tr("Logs (*.log *.txt)"));
            if (path.isEmpty())
                return;
            QSaveFile f(path);
            if (f.open(QIODevice::WriteOnly)) {
                f.write(text().toUtf8());
                f.commit();
            }
        });
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
}

ConsolePane::~ConsolePane() = default;

void ConsolePane::setBuildIndex(const QString &build, int colorIndex)
{
    m_colorIndex.insert(build, colorIndex);
}

void ConsolePane::setLimits(int headLines, int tailLines)
{
    m_headLimit = std::max(headLines, 0);
    m_tailLimit = std::max(tailLines, 1);
}

QString ConsolePane::decorated(const ConsoleLine &line) const
{
    QString t = m_withPrefix ? line.cliText() : line.paneText();
    // One block per line (folding and the head/tail bound count blocks): a carriage return
    // shows what a terminal would leave visible, the text after the last one.
    if (t.contains(QLatin1Char('\r'))) {
        while (t.endsWith(QLatin1Char('\r')))
            t.chop(1);
        t = t.mid(t.lastIndexOf(QLatin1Char('\r')) + 1);
    }
    if (t.contains(QChar::ParagraphSeparator))
        t.replace(QChar::ParagraphSeparator, QLatin1Char(' '));
    if (m_timestamps && line.msecsSinceEpoch > 0)
        t.prepend(QDateTime::fromMSecsSinceEpoch(line.msecsSinceEpoch)
                      .toString(QStringLiteral("HH:mm:ss.zzz  ")));
    return t;
}

void ConsolePane::appendLines(const QList<ConsoleLine> &lines)
{
    if (lines.isEmpty())
        return;
    m_undrawn.append(lines);
    // Keep at most what drawing would keep: the head's remainder and the tail (checked at
    // twice that, so the copying is amortised over the lines appended).
    QTextDocument *doc = m_view->document();
    const qsizetype blocks = doc->isEmpty() ? 0 : doc->blockCount();
    const qsizetype headRoom = std::max<qsizetype>(0, m_headLimit - blocks);
    if (m_undrawn.size() > 2 * (headRoom + m_tailLimit)) {
        const qsizetype skipped = m_undrawn.size() - headRoom - m_tailLimit;
        m_elided += skipped;
        m_view->folding().noteElided(m_undrawn, headRoom, skipped);
        // The tail already drawn is older than the lines left out; drawing the tailLimit()
        // lines kept trims all of it, a turn at a time, so the gap ends up where the notice
        // says without removing a whole tail in one turn.
        m_undrawn.remove(headRoom, skipped);
    }
    if (isVisible())
        drawSome();
}

void ConsolePane::drawSome()
{
    if (m_undrawn.isEmpty())
        return;
    if (m_drawClock.isValid() && m_drawClock.elapsed() < DrawIntervalMs) {
        if (!m_drawTimer->isActive())
            m_drawTimer->start(int(DrawIntervalMs - m_drawClock.elapsed()));
        return;
    }
    m_drawClock.start();
    if (m_undrawn.size() <= MaxLinesPerDraw) {
        drawUndrawn();
        return;
    }
    const QList<ConsoleLine> chunk = m_undrawn.first(MaxLinesPerDraw);
    m_undrawn.remove(0, MaxLinesPerDraw);
    drawLines(chunk);
    m_drawTimer->start(DrawIntervalMs);
}

void ConsolePane::drawUndrawn() const
{
    if (m_undrawn.isEmpty())
        return;
    auto *self = const_cast<ConsolePane *>(this);
    const QList<ConsoleLine> lines = std::move(self->m_undrawn);
    self->m_undrawn.clear();
    self->m_drawTimer->stop();
    self->drawLines(lines);
}

void ConsolePane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    drawSome();
}

qint64 ConsolePane::elidedLines() const
{
    drawUndrawn();
    return m_elided;
}

void ConsolePane::drawLines(const QList<ConsoleLine> &lines)
{
    // Lines that the bound would drop at once are never laid out: a batch larger than
    // the tail only draws the head's remainder and the batch's own tail.
    const qsizetype blocks = m_view->document()->isEmpty() ? 0 : m_view->document()->blockCount();
    const qsizetype headRoom = std::max<qsizetype>(0, m_headLimit - blocks);
    if (lines.size() > headRoom + m_tailLimit) {
        const qsizetype skipped = lines.size() - headRoom - m_tailLimit;
        insertLines(lines.mid(0, headRoom));
        // The skipped lines count as elided; boundLines() writes the notice.
        m_elided += skipped;
        m_view->folding().noteElided(lines, headRoom, skipped);
        insertLines(lines.mid(lines.size() - m_tailLimit));
    } else {
        insertLines(lines);
    }
    boundLines();
    if (m_follow) {
        QScrollBar *bar = m_view->verticalScrollBar();
        bar->setValue(bar->maximum());
        m_follow = true;
    }
}

void ConsolePane::insertLines(const QList<ConsoleLine> &lines)
{
    if (lines.isEmpty())
        return;
    QTextDocument *doc = m_view->document();
    QTextCursor c(doc);
    c.movePosition(QTextCursor::End);
    c.beginEditBlock();
    // Consecutive lines of one look (same build, same kind, no link) go in as one run of
    // text: one insert per run instead of one per line is what keeps megabytes cheap.
    QString run;
    QTextCharFormat runFormat;
    bool haveRun = false;
    bool first = doc->isEmpty();
    const int firstBlock = first ? 0 : doc->blockCount();
    auto flushRun = [&] {
        if (haveRun)
            c.insertText(run, runFormat);
        run.clear();
        haveRun = false;
    };
    const ConsoleLine *previous = nullptr;
    for (const ConsoleLine &line : lines) {
        const ConsoleLocation loc = ConsoleLocation::find(line.text);
        const bool sameLook = haveRun && !loc.isValid() && previous && previous->kind == line.kind
            && previous->build == line.build && line.kind != ConsoleLine::Kind::Summary;
        if (!sameLook) {
            flushRun();
            runFormat = m_style->format(line.kind, m_colorIndex.value(line.build, 0), line.text);
            if (loc.isValid()) {
                runFormat.setAnchor(true);
                runFormat.setAnchorHref(loc.toHref());
                runFormat.setFontUnderline(true);
            }
        }
        const QString text = decorated(line);
        if (models::AnsiStyledText::hasEscapes(text)) {
            // Coloured command output: each styled stretch goes in with the line's look
            // plus the escape's attributes; the style carries on to the build's next line.
            flushRun();
            QString separator = first ? QString() : QString(QChar::ParagraphSeparator);
            first = false;
            models::AnsiStyle &style = m_ansiStyles[line.build];
            for (const models::AnsiRun &part : models::AnsiStyledText::split(text, style)) {
                c.insertText(separator + part.text, m_style->withAnsi(runFormat, part.style));
                separator.clear();
            }
            if (!separator.isEmpty())
                c.insertText(separator, runFormat);
            previous = nullptr;
            continue;
        }
        if (!first)
            run += QChar::ParagraphSeparator;
        first = false;
        run += text;
        haveRun = true;
        previous = loc.isValid() ? nullptr : &line;
    }
    flushRun();
    m_view->folding().noteAppended(doc->findBlockByNumber(firstBlock), lines);
    c.endEditBlock();
}

void ConsolePane::boundLines()
{
    QTextDocument *doc = m_view->document();
    const int limit = m_headLimit + m_tailLimit + (m_hasMarker ? 1 : 0);
    const int slack = m_tailLimit >= 2000 ? m_tailLimit / 4 : 0;
    if (doc->blockCount() <= limit + slack && m_elided == m_noticeShows)
        return;
    ConsoleFolding &folding = m_view->folding();
    QTextCursor c(doc);
    c.beginEditBlock();
    if (!m_hasMarker) {
        // A block inserted after the head's last line is a new one; inserted before the
        // first line, the new block takes that line's text and the state must follow it.
        if (m_headLimit > 0) {
            const QTextBlock last = doc->findBlockByNumber(m_headLimit - 1);
            c.setPosition(last.position() + last.length() - 1);
            c.insertBlock(QTextBlockFormat(), QTextCharFormat());
        } else {
            c.setPosition(0);
            c.insertBlock(QTextBlockFormat(), QTextCharFormat());
            ConsoleFolding::moveState(doc->firstBlock(), doc->firstBlock().next());
        }
        folding.markNotice(doc->findBlockByNumber(m_headLimit));
        m_hasMarker = true;
    }
    const int excess = doc->blockCount() - (m_headLimit + 1 + m_tailLimit);
    if (excess > 0) {
        // The range ends at the start of the first line kept, so that block (and its fold
        // state) survives as it is.
        const QTextBlock first = doc->findBlockByNumber(m_headLimit + 1);
        const QTextBlock end = doc->findBlockByNumber(m_headLimit + 1 + excess);
        const ConsoleFolding::Removal removal = folding.removing(first, end);
        c.setPosition(first.position());
        c.setPosition(end.position(), QTextCursor::KeepAnchor);
        c.removeSelectedText();
        m_elided += excess;
        folding.removed(removal, doc->findBlockByNumber(m_headLimit + 1));
    }
    // The notice stands where the lines were.
    const QTextBlock marker = doc->findBlockByNumber(m_headLimit);
    c.setPosition(marker.position());
    c.setPosition(marker.position() + marker.length() - 1, QTextCursor::KeepAnchor);
    QTextCharFormat f;
    f.setForeground(m_style->mutedColor());
    f.setFontItalic(true);
    c.insertText(models::ConsoleBuffer::elisionNotice(m_elided), f);
    m_noticeShows = m_elided;
    c.endEditBlock();
}

void ConsolePane::clear()
{
    clearView(false);
}

void ConsolePane::clearView(bool keepFolds)
{
    m_view->clear();
    m_undrawn.clear();
    m_drawTimer->stop();
    m_view->folding().reset(keepFolds);
    m_ansiStyles.clear();
    m_elided = 0;
    m_hasMarker = false;
    m_noticeShows = 0;
    m_follow = true;
    hideProgress();
}

void ConsolePane::rerender(const models::ConsoleBuffer &buffer)
{
    // The same lines come back: the steps folded before are folded again once they are in.
    clearView(true);
    QList<ConsoleLine> head;
    QList<ConsoleLine> tail;
    for (qsizetype i = 0; i < buffer.size(); ++i)
        (i < buffer.headSize() ? head : tail).append(buffer.at(i));
    appendLines(head);
    if (buffer.elided() > 0) {
        ConsoleLine notice;
        notice.kind = ConsoleLine::Kind::Summary;
        notice.text = models::ConsoleBuffer::elisionNotice(buffer.elided());
        appendLines({notice});
        m_view->folding().markNotice(m_view->document()->lastBlock());
        m_view->folding().cutEveryBuild();
    }
    appendLines(tail);
    drawUndrawn(); // the folds go onto drawn blocks
    keepingTail([this] {
        m_view->folding().reapply();
        return true;
    });
}

void ConsolePane::setProgress(const QString &what, qint64 bytes, qint64 total)
{
    if (total >= 0 && bytes >= total) {
        hideProgress();
        return;
    }
    QString label = what + QStringLiteral("  ") + output::ProgressLine::size(bytes);
    if (total > 0) {
        label += QStringLiteral(" / ") + output::ProgressLine::size(total);
        m_progressBar->setRange(0, 1000);
        m_progressBar->setValue(int(bytes * 1000 / total));
    } else {
        m_progressBar->setRange(0, 0); // busy: size unknown
    }
    m_progressLabel->setText(label);
    m_progressRow->show();
}

void ConsolePane::hideProgress()
{
    m_progressRow->hide();
}

QString ConsolePane::text() const
{
    drawUndrawn();
    return m_view->toPlainText();
}

void ConsolePane::showSearch()
{
    m_searchBar->show();
    m_search->setFocus();
    m_search->selectAll();
}

bool ConsolePane::findNext(bool backwards)
{
    const QString needle = m_search->text();
    if (needle.isEmpty())
        return false;
    drawUndrawn();
    const QTextDocument::FindFlags flags
        = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    // A hit inside a folded step unfolds that step.
    auto found = [this] {
        if (m_view->folding().reveal(m_view->textCursor().block()))
            m_view->ensureCursorVisible();
        return true;
    };
    if (m_view->find(needle, flags))
        return found();
    // Wrap around once.
    QTextCursor c = m_view->textCursor();
    c.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
    m_view->setTextCursor(c);
    return m_view->find(needle, flags) && found();
}

QPlainTextEdit *ConsolePane::view() const
{
    drawUndrawn();
    return m_view;
}

QWidget *ConsolePane::foldGutter() const
{
    return m_view->foldGutter();
}

template <class Change> bool ConsolePane::keepingTail(Change change)
{
    const bool follow = m_follow;
    const bool changed = change();
    if (follow) {
        QScrollBar *bar = m_view->verticalScrollBar();
        bar->setValue(bar->maximum());
        m_follow = true;
    }
    m_view->viewport()->update();
    m_view->foldGutter()->update();
    return changed;
}

bool ConsolePane::foldStep(int headerBlock)
{
    drawUndrawn();
    const QTextBlock b = m_view->document()->findBlockByNumber(headerBlock);
    return keepingTail([&] { return m_view->folding().fold(b); });
}

bool ConsolePane::unfoldStep(int headerBlock)
{
    drawUndrawn();
    const QTextBlock b = m_view->document()->findBlockByNumber(headerBlock);
    return keepingTail([&] { return m_view->folding().unfold(b); });
}

bool ConsolePane::isStepFolded(int headerBlock) const
{
    drawUndrawn();
    const QTextBlock b = m_view->document()->findBlockByNumber(headerBlock);
    return ConsoleFolding::flags(b) & ConsoleFolding::Folded;
}

bool ConsolePane::isFoldable(int headerBlock) const
{
    drawUndrawn();
    const QTextBlock b = m_view->document()->findBlockByNumber(headerBlock);
    return ConsoleFolding::isFoldable(b) && !(ConsoleFolding::flags(b) & ConsoleFolding::Running);
}

int ConsolePane::visibleLineCount() const
{
    drawUndrawn();
    int n = 0;
    for (QTextBlock b = m_view->document()->begin(); b.isValid(); b = b.next())
        n += b.isVisible();
    return n;
}

void ConsolePane::foldAll()
{
    drawUndrawn();
    keepingTail([this] {
        m_view->folding().foldAll();
        return true;
    });
}

void ConsolePane::unfoldAll()
{
    drawUndrawn();
    keepingTail([this] {
        m_view->folding().unfoldAll();
        return true;
    });
}

bool ConsolePane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseMove) {
            const auto *me = static_cast<QMouseEvent *>(event);
            const bool link
                = ConsoleLocation::fromHref(m_view->anchorAt(me->position().toPoint())).isValid();
            m_view->viewport()->setCursor(link ? Qt::PointingHandCursor : Qt::IBeamCursor);
        } else if (event->type() == QEvent::MouseButtonRelease) {
            const auto *me = static_cast<QMouseEvent *>(event);
            if (me->button() == Qt::LeftButton && !m_view->textCursor().hasSelection()) {
                const ConsoleLocation loc
                    = ConsoleLocation::fromHref(m_view->anchorAt(me->position().toPoint()));
                if (loc.isValid())
                    emit locationActivated(loc.file, loc.line, loc.column);
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConsolePane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_style = std::make_unique<ConsoleStyle>(palette());
    QWidget::changeEvent(event);
}

} // namespace kiln::ui

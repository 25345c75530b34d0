#include "app/ui/build/ConsolePane.h"

#include "app/models/build/ConsoleBuffer.h"
#include "app/ui/build/ConsoleLocation.h"
#include "app/ui/build/ConsoleStyle.h"
#include "engine/output/ProgressLine.h"

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
#include <QToolButton>
#include <QVBoxLayout>

namespace kiln::ui {

using models::ConsoleLine;

ConsolePane::ConsolePane(bool withPrefix, QWidget *parent)
    : QWidget(parent)
    , m_withPrefix(withPrefix)
    , m_style(std::make_unique<ConsoleStyle>(palette()))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_view = new QPlainTextEdit(this);
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
    if (m_timestamps && line.msecsSinceEpoch > 0)
        t.prepend(QDateTime::fromMSecsSinceEpoch(line.msecsSinceEpoch)
                      .toString(QStringLiteral("HH:mm:ss.zzz  ")));
    return t;
}

void ConsolePane::appendLines(const QList<ConsoleLine> &lines)
{
    if (lines.isEmpty())
        return;
    // Lines that the bound would drop at once are never laid out: a batch larger than
    // the tail only draws the head's remainder and the batch's own tail.
    const qsizetype blocks = m_view->document()->isEmpty() ? 0 : m_view->document()->blockCount();
    const qsizetype headRoom = std::max<qsizetype>(0, m_headLimit - blocks);
    if (lines.size() > headRoom + m_tailLimit) {
        const qsizetype skipped = lines.size() - headRoom - m_tailLimit;
        insertLines(lines.mid(0, headRoom));
        // The skipped lines count as elided; boundLines() writes the notice.
        m_elided += skipped;
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
    c.endEditBlock();
}

void ConsolePane::boundLines()
{
    QTextDocument *doc = m_view->document();
    const int limit = m_headLimit + m_tailLimit + (m_hasMarker ? 1 : 0);
    if (doc->blockCount() <= limit && m_elided == m_noticeShows)
        return;
    QTextCursor c(doc);
    c.beginEditBlock();
    if (!m_hasMarker) {
        c.setPosition(doc->findBlockByNumber(m_headLimit).position());
        c.insertText(QString(), QTextCharFormat());
        c.insertBlock();
        m_hasMarker = true;
    }
    const int excess = doc->blockCount() - (m_headLimit + 1 + m_tailLimit);
    if (excess > 0) {
        c.setPosition(doc->findBlockByNumber(m_headLimit + 1).position());
        c.setPosition(
            doc->findBlockByNumber(m_headLimit + 1 + excess).position(), QTextCursor::KeepAnchor);
        c.removeSelectedText();
        m_elided += excess;
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
    m_view->clear();
    m_ansiStyles.clear();
    m_elided = 0;
    m_hasMarker = false;
    m_noticeShows = 0;
    m_follow = true;
    hideProgress();
}

void ConsolePane::rerender(const models::ConsoleBuffer &buffer)
{
    clear();
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
    }
    appendLines(tail);
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
    const QTextDocument::FindFlags flags
        = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (m_view->find(needle, flags))
        return true;
    // Wrap around once.
    QTextCursor c = m_view->textCursor();
    c.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
    m_view->setTextCursor(c);
    return m_view->find(needle, flags);
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

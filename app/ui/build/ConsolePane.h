#pragma once

#include "app/models/build/AnsiStyledText.h"
#include "app/models/build/ConsoleLine.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QTimer;
class QToolButton;

namespace kiln::models {
class ConsoleBuffer;
}

namespace kiln::ui {

class ConsoleStyle;
class ConsoleView;

// A build's live console: an append-only text view that stays smooth under megabytes per
// second. Lines arrive in batches (one edit block per batch); the view keeps the first
// headLimit() and last tailLimit() lines (a large tail is trimmed a quarter at a time, so
// QTextDocument compacts its text once per quarter rather than once per batch) and says how
// many it left out in between, so a huge log never takes huge memory. Drawing is paced (a
// few thousand lines per turn, turns apart) and a hidden pane (a tab not on top) draws
// nothing; lines not drawn yet wait, bounded like the view, and are drawn when their turn
// comes, when the pane is shown, or when anyone reads the pane. It follows the tail unless the user
// scrolled up, and follows again once they scroll back to the bottom. Ctrl+F searches; lines that
// name a template position (file:line:col, "on FILE line N") are links that emit locationActivated.
// A progress row under the text shows the current transfer.
//
// Step headers ("==> name: ...") fold: a marker in the gutter left of the text folds or
// unfolds the lines up to the build's next header (ConsoleFolding has the rules); "Fold All
// Steps" (Ctrl+Shift+[) folds every finished step and keeps folding steps as they finish,
// "Unfold All Steps" (Ctrl+Shift+]) opens them all. The running step stays open; folds
// survive new lines, elision and re-rendering; a search hit in a folded step unfolds it.
class ConsolePane : public QWidget
{
    Q_OBJECT
public:
    // `withPrefix`: the "All" view, which shows lines exactly as the CLI prints them.
    explicit ConsolePane(bool withPrefix, QWidget *parent = nullptr);
    ~ConsolePane() override;

    void setBuildIndex(const QString &build, int colorIndex);
    void setLimits(int headLines, int tailLines);
    int headLimit() const { return m_headLimit; }
    int tailLimit() const { return m_tailLimit; }

    void appendLines(const QList<models::ConsoleLine> &lines);
    void clear();
    // Shows the whole of `buffer` again (after a palette change, or with timestamps).
    void rerender(const models::ConsoleBuffer &buffer);

    void setTimestampsVisible(bool visible) { m_timestamps = visible; }
    bool timestampsVisible() const { return m_timestamps; }

    // The current transfer; total < 0 when unknown. Hidden once bytes reach total.
    void setProgress(const QString &what, qint64 bytes, qint64 total);
    void hideProgress();

    bool isFollowingTail() const { return m_follow; }
    QString text() const;
    qint64 elidedLines() const;
    QPlainTextEdit *view() const;
    QLineEdit *searchField() const { return m_search; }

    // Folding, by block number of the header (QTextBlock::blockNumber()).
    bool foldStep(int headerBlock);
    bool unfoldStep(int headerBlock);
    bool isStepFolded(int headerBlock) const;
    bool isFoldable(int headerBlock) const;
    // Lines on screen when scrolled through: the ones no fold hides.
    int visibleLineCount() const;
    QWidget *foldGutter() const;
    QAction *foldAllAction() const { return m_foldAll; }
    QAction *unfoldAllAction() const { return m_unfoldAll; }

public slots:
    void foldAll();
    void unfoldAll();
    void showSearch();
    // Selects the next (or previous) match of the search text; false when there is none.
    bool findNext(bool backwards = false);

signals:
    void locationActivated(const QString &file, int line, int column);
    // The user asked for per-line timestamps (or to hide them); the owner re-renders.
    void timestampsToggled(bool visible);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void clearView(bool keepFolds);
    void drawLines(const QList<models::ConsoleLine> &lines);
    // One paced turn of drawing (see MaxLinesPerDraw); the rest on m_drawTimer.
    void drawSome();
    // Draws the lines kept while hidden (readers see the same pane as if it were drawn).
    void drawUndrawn() const;
    void insertLines(const QList<models::ConsoleLine> &lines);
    void boundLines();
    QString decorated(const models::ConsoleLine &line) const;
    // Runs a fold change; a view that followed the tail still does afterwards.
    template <class Change> bool keepingTail(Change change);

    bool m_withPrefix;
    bool m_timestamps = false;
    bool m_follow = true;
    int m_headLimit = 1000;
    int m_tailLimit = 20000;
    qint64 m_elided = 0;
    bool m_hasMarker = false;
    qint64 m_noticeShows = 0; // the count the elision notice says
    QList<models::ConsoleLine> m_undrawn; // not drawn yet; bounded like the view
    QTimer *m_drawTimer = nullptr;
    QElapsedTimer m_drawClock;
    QHash<QString, int> m_colorIndex;
    // The ANSI style each build's output left off in (colours carry over lines).
    QHash<QString, models::AnsiStyle> m_ansiStyles;
    std::unique_ptr<ConsoleStyle> m_style;
    ConsoleView *m_view = nullptr;
    QAction *m_foldAll = nullptr;
    QAction *m_unfoldAll = nullptr;
    QWidget *m_searchBar = nullptr;
    QLineEdit *m_search = nullptr;
    QWidget *m_progressRow = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
};

} // namespace kiln::ui

#pragma once

#include "app/models/build/ConsoleLine.h"

#include <QHash>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>

class QTextDocument;

namespace kiln::ui {

// Folding of a console's step headers ("==> name: Provisioning with ...", ConsoleLine::Say).
// A header folds the lines of its own build that follow it, up to that build's next header
// or its "Build 'x' finished/errored" line; other builds' lines in between (the "All" view)
// and run-wide lines, among them the elision notice, are never hidden. The last header of a
// build that is still running is its running step: it stays open.
//
// A step folds across the elision notice (its head and its tail part) unless a header of
// its build fell in the elided gap: then the lines after the notice belong to a step whose
// header is gone, so they show, and a fold in the head stops at the notice.
//
// What a block is lives in the block itself (QTextBlock::userState: flag bits and a build
// id), so appending costs O(lines appended) and nothing ever rescans the document; folding
// hides blocks with QTextBlock::setVisible and marks the range dirty for the layout.
//
// The console inserts exactly one block per line and tells the folding about every insert
// and removal (noteAppended, markNotice, removing/removed).
class ConsoleFolding
{
public:
    enum Flag : int {
        Header = 0x1,
        Folded = 0x2,
        HasBody = 0x4, // a header with at least one line to fold
        StepEnd = 0x8, // "Build 'x' finished/errored": ends the build's last step
        Running = 0x10, // the header of a build's step that is still running
        Notice = 0x20, // the elision notice: never hidden
    };
    static constexpr int FlagBits = 8;

    explicit ConsoleFolding(QTextDocument *document);

    static int flags(const QTextBlock &block);
    static int buildId(const QTextBlock &block);
    static bool isFoldable(const QTextBlock &block);

    // `first` is the block of lines.first(); one block per line follows it.
    void noteAppended(QTextBlock first, const QList<models::ConsoleLine> &lines);
    void markNotice(QTextBlock block);
    // Lines [from, from + count) of `lines` went into the elided gap without being drawn.
    void noteElided(const QList<models::ConsoleLine> &lines, qsizetype from, qsizetype count);
    // The gap's lines are unknown (a re-render from a buffer): no fold crosses the notice.
    void cutEveryBuild() { m_cutAll = true; }
    // A line moved to a new block (a block inserted before it): its state goes with it.
    static void moveState(QTextBlock from, QTextBlock to);

    // Around removing the blocks [first, end): a folded header that goes leaves the rest
    // of its step without a header, so those lines are shown again once it is gone.
    struct Removal
    {
        QList<int> revealBuilds;
    };
    Removal removing(QTextBlock first, const QTextBlock &end);
    void removed(const Removal &removal, const QTextBlock &firstAfter);

    bool fold(const QTextBlock &header);
    bool unfold(const QTextBlock &header);
    bool toggle(const QTextBlock &header);
    // Folds every finished step, and keeps folding steps as they finish until unfoldAll().
    void foldAll();
    void unfoldAll();
    bool foldsFinishedSteps() const { return m_autoFold; }
    // Unfolds the step that hides `block`; false when it was visible.
    bool reveal(const QTextBlock &block);
    // The header whose step `block` belongs to (invalid when none is in the document).
    QTextBlock headerOf(const QTextBlock &block) const;
    int foldedCount() const { return m_folded; }

    // The document was emptied: forget its blocks. `keepFolds` keeps which steps were
    // folded so that reapply() folds them again once the same lines are back.
    void reset(bool keepFolds);
    void reapply();

private:
    struct Track
    {
        QTextCursor header; // the running header (checked against its flags before use)
        bool hasBody = false;
    };
    int idOf(const QString &build);
    bool stopsAtNotice(int id) const { return m_cutAll || m_cut.contains(id); }
    QTextBlock runningHeader(int id) const;
    void setVisibleRange(const QTextBlock &header, bool visible);
    // One pass over the document folding the finished steps whose header `wanted` picks.
    template <class Wanted> void foldWhere(Wanted wanted);
    void dirty(int from, int to);

    QTextDocument *m_doc;
    QHash<QString, int> m_ids;
    QHash<int, Track> m_tracks;
    QSet<int> m_cut; // builds with a header or end line in the elided gap
    bool m_cutAll = false;
    QSet<QString> m_foldedKeys; // build, time and text of folded headers (see reapply())
    bool m_autoFold = false;
    bool m_replaying = false;
    int m_folded = 0;
};

} // namespace kiln::ui

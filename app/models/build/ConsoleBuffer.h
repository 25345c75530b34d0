#pragma once

#include "app/models/build/ConsoleLine.h"

#include <QList>
#include <deque>

namespace kiln::models {

// The output of one console (a build, or the "All" view) with bounded memory: a build
// printing a gigabyte keeps its first `headLimit` lines and its last `tailLimit` lines and
// counts what fell in between, so the log can still say what was elided. Very long lines
// are cut at `maxLineLength` characters.
//
// Threading: GUI thread only (the run model appends whole batches).
class ConsoleBuffer
{
public:
    explicit ConsoleBuffer(
        qsizetype headLimit = 2000, qsizetype tailLimit = 100000, qsizetype maxLineLength = 16384);

    void append(ConsoleLine line);
    void append(const QList<ConsoleLine> &lines);
    void clear();

    // Lines kept: the head, then the tail. Index in [0, size()).
    qsizetype size() const { return qsizetype(m_head.size() + m_tail.size()); }
    const ConsoleLine &at(qsizetype index) const;
    // How many lines were dropped between head and tail; they sat after line headSize()-1.
    qint64 elided() const { return m_elided; }
    qsizetype headSize() const { return m_head.size(); }
    // Every line ever appended, kept or not.
    qint64 total() const { return m_total; }
    qint64 errorCount() const { return m_errors; }

    // The kept lines as text, with a line saying how many were elided where they were;
    // `withPrefix` gives the CLI's lines (the "All" view), otherwise the build pane's.
    QString text(bool withPrefix) const;

    static QString elisionNotice(qint64 lines);

private:
    qsizetype m_headLimit;
    qsizetype m_tailLimit;
    qsizetype m_maxLineLength;
    QList<ConsoleLine> m_head;
    std::deque<ConsoleLine> m_tail;
    qint64 m_elided = 0;
    qint64 m_total = 0;
    qint64 m_errors = 0;
};

} // namespace kiln::models

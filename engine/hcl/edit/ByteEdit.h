#pragma once

#include <QByteArray>
#include <QList>
#include <algorithm>

namespace kiln::hcl::edit {

// An edit of the UTF-8 source an AST was parsed from (SourceRange byte
// offsets). Operations are computed in bytes, where the parser's ranges live,
// and turned into UTF-16 TextEdits once at the end (diffEdits).
struct ByteEdit
{
    int start = 0;
    int end = 0;
    QByteArray text;
};

// Applies non-overlapping edits (any order). Two insertions at the same
// offset keep the order in which they were listed.
inline QByteArray applyByteEdits(QByteArray text, QList<ByteEdit> edits)
{
    std::stable_sort(edits.begin(), edits.end(), [](const ByteEdit &a, const ByteEdit &b) {
        return a.start > b.start || (a.start == b.start && a.end > b.end);
    });
    // Equal insertion points: the stable sort kept list order, but applying
    // from the back needs the later-listed one first.
    for (qsizetype i = 0; i < edits.size();) {
        qsizetype j = i;
        while (j + 1 < edits.size() && edits[j + 1].start == edits[i].start
            && edits[j + 1].end == edits[i].end)
            ++j;
        std::reverse(edits.begin() + i, edits.begin() + j + 1);
        i = j + 1;
    }
    for (const ByteEdit &e : edits)
        text.replace(e.start, e.end - e.start, e.text);
    return text;
}

} // namespace kiln::hcl::edit

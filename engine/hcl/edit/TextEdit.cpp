#include "engine/hcl/edit/TextEdit.h"

#include <algorithm>
#include <vector>

namespace kiln::hcl::edit {

QString applyEdits(QString text, QList<TextEdit> edits)
{
    // From the back, so each edit's offsets still refer to the original text.
    std::stable_sort(edits.begin(), edits.end(), [](const TextEdit &a, const TextEdit &b) {
        return a.start > b.start || (a.start == b.start && a.end > b.end);
    });
    for (const TextEdit &e : edits)
        text.replace(e.start, e.end - e.start, e.text);
    return text;
}

namespace {

// Offsets of the line starts of `s`, plus s.size() as a final sentinel. A
// line includes its '\n'.
std::vector<qsizetype> lineStarts(const QString &s)
{
    std::vector<qsizetype> starts{0};
    for (qsizetype i = 0; i < s.size(); ++i)
        if (s.at(i) == QLatin1Char('\n') && i + 1 < s.size())
            starts.push_back(i + 1);
    if (s.isEmpty())
        starts.clear();
    starts.push_back(s.size());
    return starts;
}

struct Lines
{
    const QString &text;
    std::vector<qsizetype> starts;
    qsizetype count() const { return qsizetype(starts.size()) - 1; }
    QStringView line(qsizetype i) const
    {
        return QStringView(text).mid(starts[i], starts[i + 1] - starts[i]);
    }
    qsizetype offset(qsizetype i) const { return starts[i]; }
};

// One replaced run of lines: [b0, b1) of before by [a0, a1) of after.
struct Hunk
{
    qsizetype b0, b1, a0, a1;
};

// Longest-common-subsequence alignment of the middle part. Only the region
// between the common head and tail gets here, which for a designer edit is a
// handful of lines; larger regions fall back to one hunk rather than a
// quadratic table.
void lcsHunks(const Lines &b, qsizetype b0, qsizetype b1, const Lines &a, qsizetype a0,
    qsizetype a1, QList<Hunk> &out)
{
    const qsizetype n = b1 - b0, m = a1 - a0;
    if (n == 0 || m == 0 || n * m > 4'000'000) {
        if (n || m)
            out.append({b0, b1, a0, a1});
        return;
    }
    std::vector<int> table(size_t((n + 1) * (m + 1)), 0);
    auto at = [&](qsizetype i, qsizetype j) -> int & { return table[size_t(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) = b.line(b0 + i) == a.line(a0 + j) ? at(i + 1, j + 1) + 1
                                                        : std::max(at(i + 1, j), at(i, j + 1));
    qsizetype i = 0, j = 0;
    Hunk open{-1, -1, -1, -1};
    auto flush = [&] {
        if (open.b0 >= 0) {
            open.b1 = b0 + i;
            open.a1 = a0 + j;
            out.append(open);
            open = {-1, -1, -1, -1};
        }
    };
    while (i < n || j < m) {
        if (i < n && j < m && b.line(b0 + i) == a.line(a0 + j)) {
            flush();
            ++i;
            ++j;
            continue;
        }
        if (open.b0 < 0)
            open = {b0 + i, -1, a0 + j, -1};
        if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j)))
            ++j;
        else
            ++i;
    }
    flush();
}

} // namespace

QList<TextEdit> diffEdits(const QString &file, const QString &before, const QString &after)
{
    QList<TextEdit> edits;
    if (before == after)
        return edits;
    const Lines b{before, lineStarts(before)};
    const Lines a{after, lineStarts(after)};
    qsizetype head = 0;
    while (head < b.count() && head < a.count() && b.line(head) == a.line(head))
        ++head;
    qsizetype tail = 0;
    while (tail < b.count() - head && tail < a.count() - head
        && b.line(b.count() - 1 - tail) == a.line(a.count() - 1 - tail))
        ++tail;
    QList<Hunk> hunks;
    lcsHunks(b, head, b.count() - tail, a, head, a.count() - tail, hunks);
    for (const Hunk &h : hunks) {
        qsizetype bs = b.offset(h.b0), be = b.offset(h.b1);
        qsizetype as = a.offset(h.a0), ae = a.offset(h.a1);
        // Trim to the characters that differ, so replacing a value keeps the
        // key and the trailing comment of its line out of the edit.
        while (bs < be && as < ae && before.at(bs) == after.at(as)) {
            ++bs;
            ++as;
        }
        while (be > bs && ae > as && before.at(be - 1) == after.at(ae - 1)) {
            --be;
            --ae;
        }
        edits.append({file, bs, be, after.mid(as, ae - as)});
    }
    return edits;
}

} // namespace kiln::hcl::edit

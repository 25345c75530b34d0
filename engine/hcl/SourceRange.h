#pragma once

#include <QString>

namespace kiln::hcl {

// A position in a source file. Lines and columns are 1-based; column counts
// Unicode characters (as HCL does), byte is the 0-based UTF-8 byte offset.
struct SourcePos
{
    int line = 1;
    int column = 1;
    int byte = 0;

    friend bool operator==(const SourcePos &, const SourcePos &) = default;
};

// A half-open range [start, end) in one file, as hcl.Range.
struct SourceRange
{
    QString filename;
    SourcePos start;
    SourcePos end;

    bool isValid() const { return !filename.isEmpty() || end.byte > 0; }
    bool containsOffset(int byte) const { return byte >= start.byte && byte < end.byte; }
    // The smallest range covering both (same file assumed).
    static SourceRange between(const SourceRange &a, const SourceRange &b)
    {
        SourceRange r = a;
        if (b.start.byte < r.start.byte)
            r.start = b.start;
        if (b.end.byte > r.end.byte)
            r.end = b.end;
        return r;
    }

    // hcl.Range.String(): "file:3,5-9" on one line, "file:3,5-4,2" across lines.
    QString toString() const
    {
        if (start.line == end.line)
            return QStringLiteral("%1:%2,%3-%4").arg(filename).arg(start.line).arg(start.column).arg(end.column);
        return QStringLiteral("%1:%2,%3-%4,%5").arg(filename).arg(start.line).arg(start.column).arg(end.line).arg(end.column);
    }

    friend bool operator==(const SourceRange &, const SourceRange &) = default;
};

} // namespace kiln::hcl

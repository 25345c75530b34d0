#pragma once

#include <QList>
#include <QString>

namespace kiln::models {

// Replace [start, end) of one file's text with `text`. Offsets are UTF-16 code
// units of the text before the change (what QString and the text view count).
struct TextChange
{
    int start = 0;
    int end = 0;
    QString text;
    friend bool operator==(const TextChange &, const TextChange &) = default;
};

// Byte offsets (UTF-8, what hcl::SourcePos::byte counts) <-> UTF-16 offsets of one text.
class Utf8Offsets
{
public:
    static int toUtf16(const QString &text, int byte);
    static int toUtf8(const QString &text, int utf16);
};

} // namespace kiln::models

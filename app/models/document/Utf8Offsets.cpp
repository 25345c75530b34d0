#include "app/models/document/TextChange.h"

namespace kiln::models {

namespace {

int utf8Length(char32_t c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

} // namespace

int Utf8Offsets::toUtf16(const QString &text, int byte)
{
    int bytes = 0;
    qsizetype i = 0;
    while (i < text.size() && bytes < byte) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            bytes += 4;
            i += 2;
        } else {
            bytes += utf8Length(c.unicode());
            ++i;
        }
    }
    return int(i);
}

int Utf8Offsets::toUtf8(const QString &text, int utf16)
{
    int bytes = 0;
    const qsizetype end = qMin<qsizetype>(utf16, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            bytes += 4;
            ++i;
        } else {
            bytes += utf8Length(c.unicode());
        }
    }
    return bytes;
}

} // namespace kiln::models

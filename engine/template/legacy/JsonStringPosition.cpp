#include "engine/template/legacy/JsonStringPosition.h"

#include <algorithm>

namespace kiln::tmpl::legacy {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int u4(const QByteArray &s, qsizetype at)
{
    if (at + 4 > s.size())
        return -1;
    int v = 0;
    for (int k = 0; k < 4; ++k) {
        const int h = hexValue(s[at + k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

int utf8Length(char32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

} // namespace

hcl::SourcePos jsonStringPosition(const QByteArray &source, const hcl::SourceRange &stringRange, int decodedOffset)
{
    hcl::SourcePos pos = stringRange.start;
    qsizetype i = stringRange.start.byte;
    const qsizetype end = std::min<qsizetype>(stringRange.end.byte, source.size());
    if (i < end && source[i] == '"') {
        ++i;
        ++pos.byte;
        ++pos.column;
    }
    int decoded = 0;
    while (i < end && decoded < decodedOffset) {
        const char c = source[i];
        if (c == '"')
            break;
        int rawLength = 1;
        int produced = 1;
        bool escape = false;
        if (c == '\\' && i + 1 < end) {
            escape = true;
            if (source[i + 1] == 'u') {
                const int unit = u4(source, i + 2);
                rawLength = 6;
                char32_t cp = unit < 0 ? 0xFFFD : char32_t(unit);
                if (unit >= 0xD800 && unit <= 0xDBFF && source.mid(i + 6, 2) == "\\u") {
                    const int low = u4(source, i + 8);
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (char32_t(low) - 0xDC00);
                        rawLength = 12;
                    }
                }
                produced = utf8Length(cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
            } else {
                rawLength = 2;
            }
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            const auto b = static_cast<unsigned char>(c);
            rawLength = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            produced = rawLength;
        }
        i += rawLength;
        pos.byte += rawLength;
        // An escape is written with ASCII characters, each a column.
        pos.column += escape ? rawLength : 1;
        decoded += produced;
    }
    return pos;
}

} // namespace kiln::tmpl::legacy

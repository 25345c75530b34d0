#include "app/models/completion/TextOffsets.h"

#include <algorithm>

namespace kiln::models {

TextOffsets::TextOffsets(const QString &text)
    : m_utf8(text.toUtf8())
{ }

int TextOffsets::byteFromOffset(qsizetype offset) const
{
    int byte = 0;
    qsizetype units = 0;
    while (byte < m_utf8.size()) {
        const auto lead = static_cast<unsigned char>(m_utf8[byte]);
        const int len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        const int width = len == 4 ? 2 : 1; // four-byte sequences are surrogate pairs
        if (units + width > offset)
            break;
        units += width;
        byte = std::min<int>(byte + len, int(m_utf8.size()));
    }
    return byte;
}

qsizetype TextOffsets::offsetFromByte(int byte) const
{
    qsizetype units = 0;
    int pos = 0;
    byte = std::clamp(byte, 0, int(m_utf8.size()));
    while (pos < byte) {
        const auto lead = static_cast<unsigned char>(m_utf8[pos]);
        const int len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (pos + len > byte)
            break;
        units += len == 4 ? 2 : 1;
        pos += len;
    }
    return units;
}

} // namespace kiln::models

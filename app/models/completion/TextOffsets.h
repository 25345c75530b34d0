#pragma once

#include <QByteArray>
#include <QString>

namespace kiln::models {

// Conversion between UTF-16 offsets into a QString and UTF-8 byte offsets into its
// encoding; the engine's source ranges count bytes, the designer counts QChars.
class TextOffsets
{
public:
    explicit TextOffsets(const QString &text);

    const QByteArray &utf8() const { return m_utf8; }
    // Offsets inside a surrogate pair round down to the pair's start.
    int byteFromOffset(qsizetype offset) const;
    // Bytes inside a multi-byte sequence round down to the sequence's start.
    qsizetype offsetFromByte(int byte) const;

private:
    QByteArray m_utf8;
};

} // namespace kiln::models

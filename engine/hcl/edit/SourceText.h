#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <vector>

namespace kiln::hcl::edit {

// The UTF-8 text of one file seen as lines, for edits that work on whole
// lines (a block with its comments, an attribute line). All positions are
// byte offsets, like SourcePos::byte. A line ends at its '\n' (a preceding
// '\r' belongs to the line and counts as white space).
class SourceText
{
public:
    explicit SourceText(QByteArray utf8);

    const QByteArray &bytes() const { return m_bytes; }
    int size() const { return int(m_bytes.size()); }

    int lineStart(int pos) const;
    // The offset of the '\n' ending the line containing pos, or size().
    int lineEnd(int pos) const;
    // The start of the next line (past the '\n'), or size() on the last line.
    int nextLineStart(int pos) const;
    // The start of the line before the one starting at lineStart, -1 on the first.
    int previousLineStart(int lineStart) const;
    QByteArrayView line(int lineStart) const;
    bool isBlankLine(int lineStart) const;
    // Only spaces, tabs and '\r' in [from, to).
    bool isSpace(int from, int to) const;
    // The leading white space of the line containing pos.
    QByteArray indentOf(int pos) const;
    // The first non-blank byte of the line, or -1 for a blank line.
    char firstChar(int lineStart) const;
    char lastChar(int lineStart) const;

    // "\r\n" if the file uses it, else "\n".
    QByteArray newline() const { return m_newline; }
    // The indentation step the file uses: the smallest indentation
    // increase between consecutive lines (tab or N spaces); two spaces, as
    // `packer fmt` writes, when the file gives no hint.
    QByteArray indentUnit() const { return m_indentUnit; }

    // Offsets between UTF-8 bytes and UTF-16 code units of the same text.
    qsizetype toUtf16(int byte) const;
    int toByte(qsizetype utf16) const;

private:
    void detectStyle();

    QByteArray m_bytes;
    QByteArray m_newline = "\n";
    QByteArray m_indentUnit = "  ";
    std::vector<qsizetype> m_utf16AtByte; // size()+1 entries
};

} // namespace kiln::hcl::edit

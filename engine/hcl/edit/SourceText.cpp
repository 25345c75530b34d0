#include "engine/hcl/edit/SourceText.h"

#include <algorithm>
#include <map>

namespace kiln::hcl::edit {

SourceText::SourceText(QByteArray utf8)
    : m_bytes(std::move(utf8))
{
    m_utf16AtByte.resize(size_t(m_bytes.size()) + 1);
    // Continuation bytes map to their code point's start, so toByte() of a
    // code point boundary finds the lead byte.
    qsizetype start = 0, next = 0;
    for (qsizetype i = 0; i < m_bytes.size(); ++i) {
        const auto c = uchar(m_bytes.at(i));
        if ((c & 0xC0) != 0x80) {
            start = next;
            next += c >= 0xF0 ? 2 : 1; // 4-byte sequences are surrogate pairs
        }
        m_utf16AtByte[size_t(i)] = start;
    }
    m_utf16AtByte[size_t(m_bytes.size())] = next;
    detectStyle();
}

int SourceText::lineStart(int pos) const
{
    pos = std::clamp(pos, 0, size());
    const qsizetype nl = pos > 0 ? m_bytes.lastIndexOf('\n', pos - 1) : -1;
    return int(nl + 1);
}

int SourceText::lineEnd(int pos) const
{
    const qsizetype nl = m_bytes.indexOf('\n', std::clamp(pos, 0, size()));
    return nl < 0 ? size() : int(nl);
}

int SourceText::nextLineStart(int pos) const
{
    const int e = lineEnd(pos);
    return e < size() ? e + 1 : size();
}

int SourceText::previousLineStart(int lineStart) const
{
    return lineStart <= 0 ? -1 : this->lineStart(lineStart - 1);
}

QByteArrayView SourceText::line(int lineStart) const
{
    return QByteArrayView(m_bytes).sliced(lineStart, lineEnd(lineStart) - lineStart);
}

bool SourceText::isSpace(int from, int to) const
{
    for (int i = from; i < to; ++i) {
        const char c = m_bytes.at(i);
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

bool SourceText::isBlankLine(int lineStart) const
{
    return isSpace(lineStart, lineEnd(lineStart));
}

QByteArray SourceText::indentOf(int pos) const
{
    const int s = lineStart(pos);
    int i = s;
    while (i < size() && (m_bytes.at(i) == ' ' || m_bytes.at(i) == '\t'))
        ++i;
    return m_bytes.mid(s, i - s);
}

char SourceText::firstChar(int lineStart) const
{
    for (char c : line(lineStart))
        if (c != ' ' && c != '\t' && c != '\r')
            return c;
    return -1;
}

char SourceText::lastChar(int lineStart) const
{
    const QByteArrayView l = line(lineStart);
    for (qsizetype i = l.size() - 1; i >= 0; --i)
        if (l.at(i) != ' ' && l.at(i) != '\t' && l.at(i) != '\r')
            return l.at(i);
    return -1;
}

void SourceText::detectStyle()
{
    const qsizetype nl = m_bytes.indexOf('\n');
    if (nl > 0 && m_bytes.at(nl - 1) == '\r')
        m_newline = "\r\n";
    // Vote over the indentation increases between consecutive non-blank
    // lines; the most common step wins (a continuation line indented by
    // some odd amount should not decide it).
    std::map<QByteArray, int> votes;
    QByteArray previous;
    for (int s = 0; s < size(); s = nextLineStart(s)) {
        if (isBlankLine(s))
            continue;
        const QByteArray indent = indentOf(s);
        if (indent.size() > previous.size() && indent.startsWith(previous)) {
            const QByteArray step = indent.mid(previous.size());
            if (step == "\t" || !step.contains('\t'))
                ++votes[step];
        }
        previous = indent;
    }
    int best = 0;
    for (const auto &[step, n] : votes)
        if (n > best) {
            best = n;
            m_indentUnit = step;
        }
}

qsizetype SourceText::toUtf16(int byte) const
{
    return m_utf16AtByte[size_t(std::clamp(byte, 0, size()))];
}

int SourceText::toByte(qsizetype utf16) const
{
    const auto it = std::lower_bound(m_utf16AtByte.begin(), m_utf16AtByte.end(), utf16);
    return int(it - m_utf16AtByte.begin());
}

} // namespace kiln::hcl::edit

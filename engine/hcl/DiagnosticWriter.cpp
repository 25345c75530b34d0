// hcl's diagnostic text writer (diagnostic_text.go) as Packer uses it, down to
// its quirks: lines are taken from a bufio.ScanLines pass, blank lines never
// "overlap" the snippet, and a range ending at a line start pulls that line in.

#include "engine/hcl/DiagnosticWriter.h"

#include "engine/hcl/Parser.h"

#include <algorithm>

namespace kiln::hcl {

namespace {

bool isEmpty(const SourceRange &r)
{
    return r.start.byte == r.end.byte;
}

bool contains(const SourceRange &r, int offset)
{
    return offset >= r.start.byte && offset < r.end.byte;
}

// hcl.Range.Overlaps (one file assumed).
bool overlaps(const SourceRange &r, const SourceRange &o)
{
    if (isEmpty(r) || isEmpty(o))
        return false;
    return contains(r, o.start.byte) || contains(r, o.end.byte) || contains(o, r.start.byte)
        || contains(o, r.end.byte);
}

// hcl.RangeOver: the smallest range covering both, ignoring empty ones.
SourceRange rangeOver(const SourceRange &a, const SourceRange &b)
{
    if (isEmpty(a))
        return b;
    if (isEmpty(b))
        return a;
    return SourceRange::between(a, b);
}

using Line = DiagnosticWriter::SourceLine;

// Lines as bufio.ScanLines yields them, with their hcl line numbers (a lone \r
// also counts as a line break for numbering, as RangeScanner's grapheme walk does).
std::vector<Line> scanLines(const QByteArray &src)
{
    std::vector<Line> lines;
    int line = 1;
    int pos = 0;
    const int n = int(src.size());
    while (pos < n) {
        int nl = int(src.indexOf('\n', pos));
        const int advanceTo = nl < 0 ? n : nl + 1;
        int tokenEnd = nl < 0 ? n : nl;
        if (nl >= 0 && tokenEnd > pos && src[tokenEnd - 1] == '\r')
            --tokenEnd;
        lines.push_back(Line{line, pos, tokenEnd});
        for (int i = pos; i < advanceTo; ++i) {
            if (src[i] == '\n')
                ++line;
            else if (src[i] == '\r' && !(i + 1 < advanceTo && src[i + 1] == '\n'))
                ++line;
        }
        pos = advanceTo;
    }
    return lines;
}

// unicode.IsSpace for one decoded character.
bool isGoSpace(uint c)
{
    switch (c) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
        return true;
    default:
        return c > 0xFF && QChar::isSpace(char32_t(c));
    }
}

} // namespace

DiagnosticWriter::DiagnosticWriter(QHash<QString, QByteArray> sources, int width, bool color)
    : m_sources(std::move(sources))
    , m_width(width)
    , m_color(color)
{ }

void DiagnosticWriter::addSource(const QString &filename, const QByteArray &bytes)
{
    m_sources.insert(filename, bytes);
    m_bodies.remove(filename);
    m_lines.remove(filename);
}

void DiagnosticWriter::addFile(const File &file)
{
    m_sources.insert(file.filename, file.source);
    m_lines.remove(file.filename);
    if (auto native = file.nativeBody())
        m_bodies.insert(file.filename, native);
}

void DiagnosticWriter::setContextProvider(
    const QString &filename, std::function<QString(int)> provider)
{
    m_contexts.insert(filename, std::move(provider));
}

QString DiagnosticWriter::contextString(const syntax::Body &root, int offset)
{
    for (const syntax::Block &block : root.blocks) {
        if (!contains(block.range, offset))
            continue;
        QString s = block.type;
        for (const QString &label : block.labels) {
            // Go's %q; labels rarely need escapes beyond quotes and backslashes.
            QString quoted = label;
            quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                .replace(QLatin1Char('"'), QStringLiteral("\\\""));
            s += QStringLiteral(" \"%1\"").arg(quoted);
        }
        return s;
    }
    return {};
}

QString DiagnosticWriter::contextFor(const QString &filename, int offset) const
{
    if (auto it = m_contexts.constFind(filename); it != m_contexts.constEnd())
        return (*it)(offset);
    if (filename.endsWith(QLatin1String(".json")))
        return {};
    auto it = m_bodies.constFind(filename);
    if (it == m_bodies.constEnd()) {
        Diagnostics ignored;
        File f = parseConfig(m_sources.value(filename), filename, ignored);
        it = m_bodies.insert(filename, f.nativeBody());
    }
    return *it ? contextString(**it, offset) : QString();
}

QString DiagnosticWriter::wrapString(const QString &text, int width)
{
    // Byte-counting, as go-wordwrap v1.0.0 measures its buffers in bytes.
    const QByteArray s = text.toUtf8();
    const uint lim = uint(width);
    QByteArray buf, word, space;
    uint current = 0;
    for (qsizetype i = 0; i < s.size();) {
        const unsigned char lead = static_cast<unsigned char>(s[i]);
        const int len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        const QByteArrayView ch(s.constData() + i, std::min<qsizetype>(len, s.size() - i));
        i += len;
        const uint cp = lead < 0x80 ? lead : QString::fromUtf8(ch).toUcs4().value(0);
        if (cp == '\n') {
            if (word.isEmpty()) {
                if (current + uint(space.size()) > lim) {
                    current = 0;
                } else {
                    current += uint(space.size());
                    buf += space;
                }
                space.clear();
            } else {
                current += uint(space.size() + word.size());
                buf += space;
                space.clear();
                buf += word;
                word.clear();
            }
            buf += '\n';
            current = 0;
        } else if (isGoSpace(cp)) {
            if (space.isEmpty() || !word.isEmpty()) {
                current += uint(space.size() + word.size());
                buf += space;
                space.clear();
                buf += word;
                word.clear();
            }
            space.append(ch);
        } else {
            word.append(ch);
            if (current + uint(space.size() + word.size()) > lim && uint(word.size()) < lim) {
                buf += '\n';
                current = 0;
                space.clear();
            }
        }
    }
    if (word.isEmpty()) {
        if (current + uint(space.size()) <= lim)
            buf += space;
    } else {
        buf += space;
        buf += word;
    }
    return QString::fromUtf8(buf);
}

QString DiagnosticWriter::render(const Diagnostic &diag) const
{
    QByteArray colorCode, highlightCode, resetCode;
    if (m_color) {
        colorCode = diag.severity == Severity::Error ? "\x1b[31m" : "\x1b[33m";
        resetCode = "\x1b[0m";
        highlightCode = "\x1b[1;4m";
    }
    QByteArray out;
    out += colorCode + (diag.severity == Severity::Error ? "Error" : "Warning") + resetCode + ": "
        + diag.summary.toUtf8() + "\n\n";

    if (diag.subject) {
        const SourceRange &subject = *diag.subject;
        SourceRange snip = subject;
        SourceRange highlight = subject;
        if (diag.context)
            snip = rangeOver(snip, *diag.context);
        if (isEmpty(snip)) {
            ++snip.end.byte;
            ++snip.end.column;
        }
        if (isEmpty(highlight)) {
            ++highlight.end.byte;
            ++highlight.end.column;
        }

        const auto src = m_sources.constFind(subject.filename);
        if (src == m_sources.constEnd() || src->isNull()) {
            out += "  on " + subject.filename.toUtf8() + " line "
                + QByteArray::number(subject.start.line) + ":\n  (source code not available)\n\n";
        } else {
            QString context = contextFor(subject.filename, subject.start.byte);
            if (!context.isEmpty())
                context = QStringLiteral(", in ") + context;
            out += "  on " + subject.filename.toUtf8() + " line "
                + QByteArray::number(subject.start.line) + context.toUtf8() + ":\n";

            const QByteArray &bytes = *src;
            auto cached = m_lines.constFind(subject.filename);
            if (cached == m_lines.constEnd())
                cached = m_lines.insert(subject.filename, scanLines(bytes));
            const std::vector<Line> &lines = *cached;
            // Only lines ending at or after the snippet's start and starting at or
            // before its end can overlap it: a template's many diagnostics each look
            // at a few lines, not the whole file.
            auto first = std::lower_bound(lines.begin(), lines.end(), snip.start.byte,
                [](const Line &line, int offset) { return line.endByte < offset; });
            for (auto it = first; it != lines.end() && it->startByte <= snip.end.byte; ++it) {
                const Line &line = *it;
                const SourceRange lineRange{subject.filename,
                    SourcePos{line.number, 1, line.startByte},
                    SourcePos{line.number, 1, line.endByte}};
                if (!overlaps(lineRange, snip))
                    continue;
                const QByteArray gutter
                    = QByteArray::number(line.number).rightJustified(4, ' ') + ": ";
                const int hs = std::max(line.startByte, highlight.start.byte);
                const int he = std::min(line.endByte, highlight.end.byte);
                if (!overlaps(lineRange, highlight) || he <= hs) {
                    out += gutter + bytes.mid(line.startByte, line.endByte - line.startByte) + "\n";
                    continue;
                }
                out += gutter + bytes.mid(line.startByte, hs - line.startByte) + highlightCode
                    + bytes.mid(hs, he - hs) + resetCode + bytes.mid(he, line.endByte - he) + "\n";
            }
            out += "\n";
        }
    }

    if (!diag.detail.isEmpty()) {
        const QString detail = m_width != 0 ? wrapString(diag.detail, m_width) : diag.detail;
        out += detail.toUtf8() + "\n\n";
    }
    return QString::fromUtf8(out);
}

QString DiagnosticWriter::render(const Diagnostics &diags) const
{
    QString out;
    for (const Diagnostic &d : diags)
        out += render(d);
    return out;
}

} // namespace kiln::hcl

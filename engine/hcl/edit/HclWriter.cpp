#include "engine/hcl/edit/HclWriter.h"

#include "engine/hcl/Formatter.h"

#include <QRegularExpression>

namespace kiln::hcl::edit {

namespace {

// Splits text into lines (without newlines) and tells which ones are heredoc
// bodies or terminators, whose bytes must not be touched.
struct LineInfo
{
    QByteArray text;
    bool verbatim = false;
};

QList<LineInfo> splitLines(const QByteArray &text)
{
    static const QRegularExpression opener(QStringLiteral("<<-?([A-Za-z_][A-Za-z0-9_-]*)\\s*$"));
    QList<LineInfo> lines;
    QByteArray marker;
    for (QByteArray l : text.split('\n')) {
        if (l.endsWith('\r'))
            l.chop(1);
        if (!marker.isEmpty()) {
            lines.append({l, true});
            if (l.trimmed() == marker)
                marker.clear();
            continue;
        }
        lines.append({l, false});
        const auto m = opener.match(QString::fromUtf8(l));
        if (m.hasMatch())
            marker = m.captured(1).toUtf8();
    }
    if (!lines.isEmpty() && lines.last().text.isEmpty() && !lines.last().verbatim)
        lines.removeLast(); // the text ended with a newline
    return lines;
}

int leadingSpaces(const QByteArray &l)
{
    int n = 0;
    while (n < l.size() && (l.at(n) == ' ' || l.at(n) == '\t'))
        ++n;
    return n;
}

} // namespace

HclWriter::HclWriter(QByteArray indentUnit, QByteArray newline)
    : m_unit(indentUnit.isEmpty() ? QByteArray("  ") : std::move(indentUnit))
    , m_newline(std::move(newline))
{ }

QByteArray HclWriter::quote(const QString &value)
{
    QByteArray out = "\"";
    const QByteArray utf8 = value.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        const char next = i + 1 < utf8.size() ? utf8.at(i + 1) : 0;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '$':
        case '%':
            out += c;
            if (next == '{')
                out += c; // `$${` is a literal `${`
            break;
        default:
            if (uchar(c) < 0x20)
                out += QByteArray("\\u00")
                    + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    return out + '"';
}

QByteArray HclWriter::expressionText(const QString &expression)
{
    QByteArray value = expression.toUtf8();
    while (value.endsWith('\n') || value.endsWith('\r'))
        value.chop(1);
    return value;
}

bool HclWriter::isIdentifier(const QString &name)
{
    static const QRegularExpression id(QStringLiteral("^[\\p{L}_][\\p{L}\\p{N}_-]*$"));
    return id.match(name).hasMatch();
}

QByteArray HclWriter::block(const QString &type, const QStringList &labels,
    const QList<QPair<QString, QString>> &attributes, const QByteArray &indent) const
{
    QByteArray raw = type.toUtf8();
    for (const QString &l : labels)
        raw += ' ' + quote(l);
    raw += " {\n";
    for (const auto &[name, expr] : attributes) {
        raw += "  " + name.toUtf8() + " = " + expressionText(expr) + '\n';
    }
    raw += "}\n";
    return reindent(formatHcl(raw), indent);
}

QByteArray HclWriter::attribute(
    const QString &name, const QString &expression, const QByteArray &indent) const
{
    return reindent(formatHcl(name.toUtf8() + " = " + expressionText(expression) + '\n'), indent);
}

QByteArray HclWriter::reindent(
    const QByteArray &text, const QByteArray &indent, const QByteArray &fromUnit) const
{
    QByteArray out;
    const QByteArray from = fromUnit.isEmpty() ? QByteArray("  ") : fromUnit;
    for (const LineInfo &l : splitLines(text)) {
        if (l.verbatim) {
            out += l.text + m_newline;
            continue;
        }
        const int lead = leadingSpaces(l.text);
        if (lead == l.text.size()) {
            out += m_newline;
            continue;
        }
        // Whole steps of the source unit become steps of the file's unit;
        // a remainder (alignment inside an expression) is kept as is.
        QByteArray head = l.text.left(lead);
        int steps = 0;
        while (head.startsWith(from)) {
            head.remove(0, from.size());
            ++steps;
        }
        out += indent + m_unit.repeated(steps) + head + l.text.mid(lead) + m_newline;
    }
    return out;
}

QByteArray HclWriter::dedent(const QByteArray &text)
{
    const QList<LineInfo> lines = splitLines(text);
    int common = -1;
    for (const LineInfo &l : lines) {
        const int lead = leadingSpaces(l.text);
        if (l.verbatim || lead == l.text.size())
            continue;
        common = common < 0 ? lead : std::min(common, lead);
    }
    QByteArray out;
    for (const LineInfo &l : lines) {
        if (l.verbatim)
            out += l.text;
        else if (leadingSpaces(l.text) < l.text.size())
            out += l.text.mid(std::max(common, 0));
        out += '\n';
    }
    return out;
}

} // namespace kiln::hcl::edit

#include "engine/hcl/edit/JsonTextEditor.h"

#include "engine/hcl/json/JsonParser.h"

namespace kiln::hcl::edit {

JsonTextEditor::JsonTextEditor(const SourceText &text)
    : m_text(text)
{ }

QByteArray JsonTextEditor::quote(const QString &s)
{
    QByteArray out = "\"";
    for (const char c : s.toUtf8()) {
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

QByteArray JsonTextEditor::jsonForExpression(const QString &expression)
{
    const QByteArray bytes = expression.trimmed().toUtf8();
    if (!json::JsonParser::parse(bytes, QStringLiteral("<value>")).diagnostics.hasErrors())
        return bytes;
    return quote(QStringLiteral("${%1}").arg(expression.trimmed()));
}

QByteArray JsonTextEditor::object(
    const QList<QPair<QString, QByteArray>> &members, const QByteArray &indent) const
{
    if (members.isEmpty())
        return "{}";
    const QByteArray nl = m_text.newline();
    QByteArray out = "{" + nl;
    for (qsizetype i = 0; i < members.size(); ++i) {
        // A nested multi-line value (rendered at indent 0) moves in with us.
        QByteArray value = members[i].second;
        value.replace("\n", "\n" + indent + m_text.indentUnit());
        out += indent + m_text.indentUnit() + quote(members[i].first) + ": " + value;
        out += (i + 1 < members.size() ? "," : "") + nl;
    }
    return out + indent + "}";
}

QList<QPair<int, int>> JsonTextEditor::items(const json::JsonValue &c) const
{
    QList<QPair<int, int>> out;
    if (c.isObject())
        for (const auto &m : c.members())
            out.append({m.keyRange.start.byte, m.value.range().end.byte});
    else
        for (const auto &e : c.elements())
            out.append({e.range().start.byte, e.range().end.byte});
    return out;
}

bool JsonTextEditor::multiLine(const json::JsonValue &c) const
{
    const auto list = items(c);
    const int open = c.range().start.byte;
    if (list.isEmpty())
        return m_text.lineStart(open) != m_text.lineStart(c.range().end.byte);
    return m_text.lineStart(open) != m_text.lineStart(list.first().first);
}

QByteArray JsonTextEditor::innerIndent(const json::JsonValue &c) const
{
    const auto list = items(c);
    if (!list.isEmpty() && multiLine(c))
        return m_text.indentOf(list.first().first);
    return m_text.indentOf(c.range().start.byte) + m_text.indentUnit();
}

QByteArray JsonTextEditor::valueText(int start, int end) const
{
    const QByteArray indent = m_text.indentOf(start);
    QList<QByteArray> lines = m_text.bytes().mid(start, end - start).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i)
        if (lines[i].startsWith(indent))
            lines[i].remove(0, indent.size());
    return lines.join('\n');
}

ByteEdit JsonTextEditor::replace(const json::JsonValue &value, const QByteArray &json) const
{
    return {value.range().start.byte, value.range().end.byte, json};
}

ByteEdit JsonTextEditor::insertItem(
    const json::JsonValue &c, int index, const QByteArray &itemText) const
{
    const auto list = items(c);
    const QByteArray nl = m_text.newline();
    if (list.isEmpty()) {
        const int open = c.range().start.byte + 1, close = c.range().end.byte - 1;
        const QByteArray outer = m_text.indentOf(c.range().start.byte);
        return {open, close, nl + innerIndent(c) + itemText + nl + outer};
    }
    const bool lines = multiLine(c);
    const QByteArray sep = lines ? "," + nl + innerIndent(c) : QByteArray(", ");
    if (index >= 0 && index < list.size())
        return {list[index].first, list[index].first, itemText + sep};
    return {list.last().second, list.last().second, sep + itemText};
}

ByteEdit JsonTextEditor::removeItem(const json::JsonValue &c, int index) const
{
    const auto list = items(c);
    if (list.size() == 1) {
        const int open = c.range().start.byte + 1, close = c.range().end.byte - 1;
        return {open, close, {}};
    }
    // With the separator on one side: the following one, or for the last
    // item the one before it.
    if (index + 1 < list.size())
        return {list[index].first, list[index + 1].first, {}};
    return {list[index - 1].second, list[index].second, {}};
}

ByteEdit JsonTextEditor::setMember(
    const json::JsonValue &object, const QString &key, const QByteArray &json) const
{
    if (const json::JsonMember *m = object.last(key))
        return replace(m->value, json);
    QByteArray value = json;
    value.replace("\n", "\n" + innerIndent(object));
    return insertItem(object, -1, quote(key) + ": " + value);
}

ByteEdit JsonTextEditor::removeMember(const json::JsonValue &object, int index) const
{
    return removeItem(object, index);
}

ByteEdit JsonTextEditor::insertElement(
    const json::JsonValue &array, int index, const QByteArray &json) const
{
    QByteArray value = json;
    value.replace("\n", "\n" + innerIndent(array));
    return insertItem(array, index, value);
}

ByteEdit JsonTextEditor::removeElement(const json::JsonValue &array, int index) const
{
    return removeItem(array, index);
}

QList<ByteEdit> JsonTextEditor::moveElement(const json::JsonValue &array, int from, int to) const
{
    const auto list = items(array);
    if (from == to || list.size() < 2)
        return {};
    const QByteArray text
        = m_text.bytes().mid(list[from].first, list[from].second - list[from].first);
    const QByteArray sep
        = multiLine(array) ? "," + m_text.newline() + innerIndent(array) : QByteArray(", ");
    const ByteEdit insert = to > from ? ByteEdit{list[to].second, list[to].second, sep + text}
                                      : ByteEdit{list[to].first, list[to].first, text + sep};
    return {removeItem(array, from), insert};
}

} // namespace kiln::hcl::edit

#include "app/models/document/BlockAttributes.h"

#include "engine/hcl/Ast.h"
#include "engine/hcl/json/JsonParser.h"
#include "engine/template/TemplateFileParser.h"
#include "engine/template/TemplateLoader.h"

#include <algorithm>

namespace kiln::models {

namespace {

const hcl::syntax::Block *findBlock(const hcl::syntax::Body &body, int start, int depth)
{
    for (const hcl::syntax::Block &b : body.blocks) {
        if (b.range.start.byte == start)
            return &b;
        if (b.body && depth < 2 && b.range.start.byte < start && start < b.range.end.byte)
            if (const hcl::syntax::Block *inner = findBlock(*b.body, start, depth + 1))
                return inner;
    }
    return nullptr;
}

// The object that starts at `start`, or the object value of the member whose key starts
// there (HCL JSON blocks are `"label": {body}` members); `*viaKey` says which.
const hcl::json::JsonValue *objectAt(const hcl::json::JsonValue &v, int start, bool *viaKey)
{
    if (!v.range().containsOffset(start) && v.range().start.byte != start)
        return nullptr;
    if (v.isObject() && v.range().start.byte == start)
        return &v;
    for (const hcl::json::JsonValue &e : v.elements())
        if (const hcl::json::JsonValue *found = objectAt(e, start, viaKey))
            return found;
    for (const hcl::json::JsonMember &m : v.members()) {
        if (m.keyRange.start.byte == start && m.value.isObject()) {
            *viaKey = true;
            return &m.value;
        }
        if (const hcl::json::JsonValue *found = objectAt(m.value, start, viaKey))
            return found;
    }
    return nullptr;
}

QList<BlockAttribute> readJson(
    const QString &fileName, const QString &text, int blockStartByte, const QString &type)
{
    QList<BlockAttribute> out;
    const QByteArray bytes = text.toUtf8();
    const auto parsed = hcl::json::JsonParser::parse(bytes, fileName);
    if (parsed.diagnostics.hasErrors())
        return out;
    bool viaKey = false;
    const hcl::json::JsonValue *object = objectAt(parsed.value, blockStartByte, &viaKey);
    if (!object)
        return out;
    const bool legacy = tmpl::TemplateLoader::kindOf(fileName) == tmpl::TemplateKind::LegacyJson;
    if (!legacy && !viaKey && !type.isEmpty() && object->members().size() == 1
        && object->members().front().key == type && object->members().front().value.isObject())
        object = &object->members().front().value;
    for (const hcl::json::JsonMember &m : object->members()) {
        if (legacy && m.key == QLatin1String("type"))
            continue;
        const hcl::SourceRange &r = m.value.range();
        out.append({m.key, QString::fromUtf8(bytes.mid(r.start.byte, r.end.byte - r.start.byte)),
            m.keyRange.start.line});
    }
    return out;
}

} // namespace

QList<BlockAttribute> BlockAttributes::read(
    const QString &fileName, const QString &text, int blockStartByte, const QString &type)
{
    QList<BlockAttribute> out;
    if (fileName.endsWith(QLatin1String(".json")))
        return readJson(fileName, text, blockStartByte, type);
    const QByteArray bytes = text.toUtf8();
    hcl::Diagnostics diags;
    const hcl::File file = tmpl::TemplateFileParser::parseHcl(bytes, fileName, diags);
    const auto body = file.nativeBody();
    if (!body)
        return out;
    const hcl::syntax::Block *block = findBlock(*body, blockStartByte, 0);
    if (!block || !block->body)
        return out;
    for (const hcl::syntax::Attribute &a : block->body->attributes) {
        const hcl::SourceRange &r = a.expr->range;
        out.append({a.name, QString::fromUtf8(bytes.mid(r.start.byte, r.end.byte - r.start.byte)),
            a.range.start.line});
    }
    std::sort(out.begin(), out.end(),
        [](const BlockAttribute &x, const BlockAttribute &y) { return x.line < y.line; });
    return out;
}

bool BlockAttributes::isPlainString(const QString &expression, QString *value)
{
    const QString e = expression.trimmed();
    if (e.size() < 2 || !e.startsWith(QLatin1Char('"')) || !e.endsWith(QLatin1Char('"')))
        return false;
    QString v;
    for (qsizetype i = 1; i < e.size() - 1; ++i) {
        const QChar c = e.at(i);
        if (c == QLatin1Char('"'))
            return false; // two strings joined, or something odd: keep it raw
        // $${ and %%{ are the escapes for a literal ${ and %{.
        if ((c == QLatin1Char('$') || c == QLatin1Char('%')) && i + 2 < e.size() - 1
            && e.at(i + 1) == c && e.at(i + 2) == QLatin1Char('{')) {
            v += c;
            v += QLatin1Char('{');
            i += 2;
            continue;
        }
        if ((c == QLatin1Char('$') || c == QLatin1Char('%')) && i + 1 < e.size() - 1
            && e.at(i + 1) == QLatin1Char('{'))
            return false; // interpolation or directive
        if (c == QLatin1Char('\\') && i + 1 < e.size() - 1) {
            const QChar n = e.at(++i);
            if (n == QLatin1Char('n'))
                v += QLatin1Char('\n');
            else if (n == QLatin1Char('t'))
                v += QLatin1Char('\t');
            else if (n == QLatin1Char('r'))
                v += QLatin1Char('\r');
            else if (n == QLatin1Char('"') || n == QLatin1Char('\\'))
                v += n;
            else
                return false; // \u escapes: leave to raw mode
            continue;
        }
        v += c;
    }
    if (value)
        *value = v;
    return true;
}

QString BlockAttributes::quote(const QString &value)
{
    QString out = QStringLiteral("\"");
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + QString(c);
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if ((c == QLatin1Char('$') || c == QLatin1Char('%')) && i + 1 < value.size()
            && value.at(i + 1) == QLatin1Char('{'))
            out += QString(c) + c; // $${ is a literal ${
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

} // namespace kiln::models

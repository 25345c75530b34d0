#include "engine/hcl/json/JsonBody.h"

#include "engine/hcl/Parser.h"
#include "engine/hcl/json/JsonParser.h"

namespace kiln::hcl::json {

namespace {

// Where a JSON value starts: its first character, as hcl's StartRange.
SourceRange startRange(const JsonValue &v)
{
    SourceRange r = v.range();
    if (v.isArray() || v.isObject())
        return v.openRange();
    return r;
}

// hcl's collectDeepAttrs: a body (or a level of block labels) is an object, or
// an array of objects whose properties are concatenated in order.
std::vector<const JsonMember *> collectDeepMembers(const JsonValue &v, const QString *labelName, Diagnostics &diags)
{
    std::vector<const JsonMember *> out;
    switch (v.kind()) {
    case JsonValue::Kind::Null:
        break;
    case JsonValue::Kind::Object:
        for (const auto &m : v.members())
            out.push_back(&m);
        break;
    case JsonValue::Kind::Array:
        for (const auto &e : v.elements()) {
            if (e.isObject()) {
                for (const auto &m : e.members())
                    out.push_back(&m);
                continue;
            }
            diags += Diagnostic::error(
                QStringLiteral("Incorrect JSON value type"),
                labelName ? QStringLiteral("A JSON object is required here, to specify %1 labels for this block.").arg(*labelName)
                          : QStringLiteral("A JSON object is required here, to define arguments and child blocks."),
                startRange(e));
        }
        break;
    case JsonValue::Kind::Invalid:
        break; // the parser already reported it
    default:
        diags += Diagnostic::error(
            QStringLiteral("Incorrect JSON value type"),
            labelName ? QStringLiteral("Either a JSON object or JSON array of objects is required here, to specify %1 labels for this block.").arg(*labelName)
                      : QStringLiteral("Either a JSON object or JSON array of objects is required here, to define arguments and child blocks."),
            startRange(v));
    }
    return out;
}

ContentAttribute makeAttribute(const JsonMember &m, Diagnostics &diags)
{
    ContentAttribute a;
    a.name = m.key;
    a.expr = expressionFromJson(m.value, diags);
    a.nameRange = m.keyRange;
    a.range = SourceRange::between(m.keyRange, m.value.range());
    return a;
}

// A JSON string's template: positions start just after the opening quote, as
// hcl does (escapes removed by JSON decoding shift later columns, as in hcl).
ExprPtr templateFromString(const QString &text, const SourceRange &range, Diagnostics &diags)
{
    SourcePos start = range.start;
    start.byte += 1;
    start.column += 1;
    Diagnostics templateDiags;
    ExprPtr expr = parseTemplate(text.toUtf8(), range.filename, templateDiags, start);
    diags += templateDiags;
    if (!expr || templateDiags.hasErrors()) {
        auto lit = std::make_shared<LiteralExpr>();
        lit->value = Value::string(text);
        lit->range = range;
        lit->startRange = range;
        return lit;
    }
    return expr;
}

} // namespace

JsonBody::JsonBody(JsonValue value, QSet<QString> hidden)
    : m_value(std::move(value))
    , m_hidden(std::move(hidden))
{
}

BodyContent JsonBody::partial(const BodySchema &schema, QSet<QString> *used, Diagnostics &diags) const
{
    BodyContent content;
    content.missingItemRange = missingItemRange();
    const auto members = collectDeepMembers(m_value, nullptr, diags);
    *used = m_hidden;

    for (const JsonMember *m : members) {
        if (m_hidden.contains(m->key))
            continue;
        const AttributeSchema *attrSchema = nullptr;
        for (const auto &a : schema.attributes)
            if (a.name == m->key)
                attrSchema = &a;
        const BlockHeaderSchema *blockSchema = nullptr;
        for (const auto &b : schema.blocks)
            if (b.type == m->key)
                blockSchema = &b;

        if (attrSchema) {
            if (const ContentAttribute *existing = content.attribute(m->key)) {
                Diagnostic d = Diagnostic::error(QStringLiteral("Duplicate argument"),
                                                 QStringLiteral("The argument \"%1\" was already set at %2.").arg(m->key, existing->range.toString()),
                                                 m->keyRange);
                d.context = SourceRange::between(m->keyRange, m->value.range());
                diags += d;
                continue;
            }
            content.attributes.append(makeAttribute(*m, diags));
            used->insert(m->key);
        } else if (blockSchema) {
            unpackBlock(m->value, blockSchema->type, m->keyRange, blockSchema->labelNames, {}, {}, content.blocks, diags);
            used->insert(m->key);
        }
    }

    for (const auto &a : schema.attributes) {
        if (a.required && !content.attribute(a.name))
            diags += Diagnostic::error(QStringLiteral("Missing required argument"),
                                       QStringLiteral("The argument \"%1\" is required, but no definition was found.").arg(a.name),
                                       missingItemRange());
    }
    return content;
}

BodyContent JsonBody::partialContent(const BodySchema &schema, BodyPtr *remain, Diagnostics &diags) const
{
    QSet<QString> used;
    BodyContent content = partial(schema, &used, diags);
    if (remain)
        *remain = std::make_shared<JsonBody>(m_value, used);
    return content;
}

BodyContent JsonBody::content(const BodySchema &schema, Diagnostics &diags) const
{
    QSet<QString> used;
    BodyContent content = partial(schema, &used, diags);

    QStringList suggestions;
    for (const auto &a : schema.attributes)
        if (!used.contains(a.name))
            suggestions << a.name;
    for (const auto &b : schema.blocks)
        suggestions << b.type;

    Diagnostics ignored; // already reported by partial()
    for (const JsonMember *m : collectDeepMembers(m_value, nullptr, ignored)) {
        if (m->key == QLatin1String("//") || used.contains(m->key))
            continue;
        QString suggestion = nameSuggestion(m->key, suggestions);
        if (!suggestion.isEmpty())
            suggestion = QStringLiteral(" Did you mean \"%1\"?").arg(suggestion);
        Diagnostic d = Diagnostic::error(QStringLiteral("Extraneous JSON object property"),
                                         QStringLiteral("No argument or block type is named \"%1\".%2").arg(m->key, suggestion),
                                         m->keyRange);
        d.context = SourceRange::between(m->keyRange, m->value.range());
        diags += d;
    }
    return content;
}

QList<ContentAttribute> JsonBody::justAttributes(Diagnostics &diags) const
{
    QList<ContentAttribute> attrs;
    if (!m_value.isObject()) {
        diags += Diagnostic::error(QStringLiteral("Incorrect JSON value type"),
                                   QStringLiteral("A JSON object is required here, setting the arguments for this block."),
                                   startRange(m_value));
        return attrs;
    }
    for (const auto &m : m_value.members()) {
        if (m.key == QLatin1String("//") || m_hidden.contains(m.key))
            continue;
        const ContentAttribute *existing = nullptr;
        for (const auto &a : attrs)
            if (a.name == m.key)
                existing = &a;
        if (existing) {
            diags += Diagnostic::error(QStringLiteral("Duplicate attribute definition"),
                                       QStringLiteral("The argument \"%1\" was already set at %2.").arg(m.key, existing->range.toString()),
                                       m.keyRange);
            continue;
        }
        attrs.append(makeAttribute(m, diags));
    }
    return attrs;
}

SourceRange JsonBody::missingItemRange() const
{
    if (m_value.isObject())
        return m_value.closeRange();
    if (m_value.isArray())
        return m_value.openRange();
    return startRange(m_value);
}

void JsonBody::unpackBlock(const JsonValue &v, const QString &type, const SourceRange &typeRange,
                           QStringList labelsLeft, QStringList labels, QList<SourceRange> labelRanges,
                           QList<ContentBlock> &blocks, Diagnostics &diags) const
{
    if (!labelsLeft.isEmpty()) {
        const QString labelName = labelsLeft.takeFirst();
        const auto members = collectDeepMembers(v, &labelName, diags);
        if (members.empty()) {
            diags += Diagnostic::error(QStringLiteral("Missing block label"),
                                       QStringLiteral("At least one object property is required, whose name represents the %1 block's %2.").arg(type, labelName),
                                       startRange(v));
            return;
        }
        for (const JsonMember *m : members)
            unpackBlock(m->value, type, typeRange, labelsLeft, labels + QStringList{m->key}, labelRanges + QList<SourceRange>{m->keyRange}, blocks, diags);
        return;
    }

    auto addBlock = [&](const JsonValue &bodyValue, const SourceRange &defRange) {
        ContentBlock b;
        b.type = type;
        b.labels = labels;
        b.body = std::make_shared<JsonBody>(bodyValue);
        b.defRange = defRange;
        b.typeRange = typeRange;
        b.labelRanges = labelRanges;
        blocks.append(b);
    };
    switch (v.kind()) {
    case JsonValue::Kind::Null:
    case JsonValue::Kind::Invalid:
        return;
    case JsonValue::Kind::Object:
        addBlock(v, v.openRange());
        return;
    case JsonValue::Kind::Array:
        for (const auto &e : v.elements())
            addBlock(e, v.openRange()); // a mistyped element is reported when its content is read
        return;
    default:
        diags += Diagnostic::error(QStringLiteral("Incorrect JSON value type"),
                                   QStringLiteral("Either a JSON object or a JSON array is required, representing the contents of one or more \"%1\" blocks.").arg(type),
                                   startRange(v));
    }
}

ExprPtr expressionFromJson(const JsonValue &v, Diagnostics &diags)
{
    switch (v.kind()) {
    case JsonValue::Kind::String:
        return templateFromString(v.text(), v.range(), diags);
    case JsonValue::Kind::Array: {
        auto tuple = std::make_shared<TupleConsExpr>();
        tuple->range = v.range();
        tuple->startRange = v.openRange();
        tuple->openRange = v.openRange();
        for (const auto &e : v.elements())
            tuple->elements.append(expressionFromJson(e, diags));
        return tuple;
    }
    case JsonValue::Kind::Object: {
        auto object = std::make_shared<ObjectConsExpr>();
        object->range = v.range();
        object->startRange = v.openRange();
        object->openRange = v.openRange();
        for (const auto &m : v.members()) {
            ObjectConsItem item;
            item.key = templateFromString(m.key, m.keyRange, diags);
            item.value = expressionFromJson(m.value, diags);
            object->items.append(item);
        }
        return object;
    }
    default:
        break;
    }
    auto lit = std::make_shared<LiteralExpr>();
    lit->range = v.range();
    lit->startRange = v.range();
    switch (v.kind()) {
    case JsonValue::Kind::Number:
        if (auto n = Number::parse(v.text()))
            lit->value = Value::number(*n);
        else
            lit->value = Value::unknown(Type::number());
        break;
    case JsonValue::Kind::Bool:
        lit->value = Value::boolean(v.boolValue());
        break;
    case JsonValue::Kind::Null:
        lit->value = Value::dynamicNull();
        break;
    default: // Invalid: already diagnosed by the parser
        lit->value = Value::dynamicUnknown();
        break;
    }
    return lit;
}

File parseJsonConfig(const QByteArray &src, const QString &filename, Diagnostics &diags)
{
    JsonParseResult parsed = JsonParser::parse(src, filename);
    diags += parsed.diagnostics;
    File file;
    file.filename = filename;
    file.source = src;
    JsonValue root = parsed.value;
    if (!root.isObject() && !root.isArray()) {
        if (!root.isInvalid())
            diags += Diagnostic::error(QStringLiteral("Root value must be object"),
                                       QStringLiteral("The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects."),
                                       startRange(root));
        // An empty placeholder, so reading the body adds no second error.
        SourceRange origin;
        origin.filename = filename;
        root = JsonValue::makeObject({}, origin);
    }
    file.body = std::make_shared<JsonBody>(root);
    return file;
}

} // namespace kiln::hcl::json

// Schema-driven decoding of native-syntax bodies (hclsyntax structure.go).

#include "engine/hcl/Ast.h"
#include "engine/hcl/Parser.h"

#include <algorithm>

namespace kiln::hcl::syntax {

namespace {

ContentAttribute toContent(const Attribute &a)
{
    return ContentAttribute{a.name, a.expr, a.range, a.nameRange};
}

ContentBlock toContent(const Block &b)
{
    ContentBlock c;
    c.type = b.type;
    c.labels = b.labels;
    c.body = b.body;
    c.defRange = b.defRange();
    c.typeRange = b.typeRange;
    c.labelRanges = b.labelRanges;
    return c;
}

Diagnostic error(const QString &summary, const QString &detail, const SourceRange &subject,
    std::optional<SourceRange> context = std::nullopt)
{
    Diagnostic d = Diagnostic::error(summary, detail, subject);
    d.context = context;
    return d;
}

} // namespace

const Attribute *Body::attribute(const QString &name) const
{
    for (const Attribute &a : attributes)
        if (a.name == name)
            return &a;
    return nullptr;
}

SourceRange Body::missingItemRange() const
{
    return SourceRange{range.filename, range.start, range.start};
}

BodyContent Body::partialContent(
    const BodySchema &schema, BodyPtr *remain, Diagnostics &diags) const
{
    BodyContent content;

    // Attributes come out in source order; the schema decides which are taken. The
    // name sets for the remaining body are only built when a caller asks for it:
    // decoding thousands of small blocks should not allocate hash tables for each.
    const auto wanted = [&](const QString &name) {
        if (hiddenAttrs.contains(name))
            return false;
        for (const AttributeSchema &s : schema.attributes)
            if (s.name == name)
                return true;
        return false;
    };
    for (const AttributeSchema &s : schema.attributes) {
        if (!attribute(s.name) || hiddenAttrs.contains(s.name)) {
            if (s.required)
                diags += error(QStringLiteral("Missing required argument"),
                    QStringLiteral("The argument \"%1\" is required, but no definition was found.")
                        .arg(s.name),
                    missingItemRange());
        }
    }
    // Room for every argument the schema can take (a variable block's three or
    // four), so that the list is not regrown while they are collected.
    content.attributes.reserve(std::min(attributes.size(), schema.attributes.size()));
    for (const Attribute &a : attributes) {
        if (wanted(a.name))
            content.attributes.append(toContent(a));
    }

    // Template loading asks the root body for its blocks several times; at
    // thousands of blocks, growing the list step by step costs more than the
    // few unused slots of reserving for all of them.
    content.blocks.reserve(blocks.size());
    for (const Block &block : blocks) {
        if (hiddenBlocks.contains(block.type))
            continue;
        const BlockHeaderSchema *bs = nullptr;
        for (const BlockHeaderSchema &s : schema.blocks)
            if (s.type == block.type) {
                bs = &s;
                break;
            }
        if (!bs)
            continue;

        const SourceRange context = SourceRange::between(block.typeRange, block.openBraceRange);
        const qsizetype want = bs->labelNames.size();
        if (block.labels.size() > want) {
            if (want == 0)
                diags += error(QStringLiteral("Extraneous label for %1").arg(block.type),
                    QStringLiteral("No labels are expected for %1 blocks.").arg(block.type),
                    block.labelRanges.first(), context);
            else
                diags += error(QStringLiteral("Extraneous label for %1").arg(block.type),
                    QStringLiteral("Only %1 labels (%2) are expected for %3 blocks.")
                        .arg(want)
                        .arg(bs->labelNames.join(QStringLiteral(", ")), block.type),
                    block.labelRanges[want], context);
            continue;
        }
        if (block.labels.size() < want) {
            diags += error(QStringLiteral("Missing %1 for %2")
                               .arg(bs->labelNames[block.labels.size()], block.type),
                QStringLiteral("All %1 blocks must have %2 labels (%3).")
                    .arg(block.type)
                    .arg(want)
                    .arg(bs->labelNames.join(QStringLiteral(", "))),
                block.openBraceRange, context);
            continue;
        }
        content.blocks.append(toContent(block));
    }
    if (remain) {
        QSet<QString> hidden = hiddenAttrs;
        for (const AttributeSchema &s : schema.attributes)
            if (attribute(s.name))
                hidden.insert(s.name);
        QSet<QString> hiddenTypes = hiddenBlocks;
        for (const BlockHeaderSchema &s : schema.blocks)
            hiddenTypes.insert(s.type);
        auto rest = std::make_shared<Body>();
        rest->attributes = attributes;
        rest->blocks = blocks;
        rest->range = range;
        rest->endRange = endRange;
        rest->hiddenAttrs = std::move(hidden);
        rest->hiddenBlocks = std::move(hiddenTypes);
        *remain = rest;
    }
    content.missingItemRange = missingItemRange();
    return content;
}

BodyContent Body::content(const BodySchema &schema, Diagnostics &diags) const
{
    BodyContent content = partialContent(schema, nullptr, diags);
    // What partialContent's remaining body would hide: names hidden already plus
    // everything the schema declares.
    const auto schemaHasAttr = [&](const QString &name) {
        for (const AttributeSchema &s : schema.attributes)
            if (s.name == name)
                return true;
        return false;
    };
    const auto schemaHasBlock = [&](const QString &type) {
        for (const BlockHeaderSchema &s : schema.blocks)
            if (s.type == type)
                return true;
        return false;
    };

    for (const Attribute &attr : attributes) {
        if (hiddenAttrs.contains(attr.name) || schemaHasAttr(attr.name))
            continue;
        QStringList candidates;
        for (const AttributeSchema &s : schema.attributes)
            if (!content.attribute(s.name))
                candidates.append(s.name);
        QString suggestion = nameSuggestion(attr.name, candidates);
        if (!suggestion.isEmpty()) {
            suggestion = QStringLiteral(" Did you mean \"%1\"?").arg(suggestion);
        } else {
            for (const BlockHeaderSchema &s : schema.blocks)
                if (s.type == attr.name) {
                    suggestion = QStringLiteral(" Did you mean to define a block of type \"%1\"?")
                                     .arg(attr.name);
                    break;
                }
        }
        diags += error(QStringLiteral("Unsupported argument"),
            QStringLiteral("An argument named \"%1\" is not expected here.%2")
                .arg(attr.name, suggestion),
            attr.nameRange);
    }

    for (const Block &block : blocks) {
        if (hiddenBlocks.contains(block.type) || schemaHasBlock(block.type))
            continue;
        QStringList candidates;
        for (const BlockHeaderSchema &s : schema.blocks)
            candidates.append(s.type);
        QString suggestion = nameSuggestion(block.type, candidates);
        if (!suggestion.isEmpty()) {
            suggestion = QStringLiteral(" Did you mean \"%1\"?").arg(suggestion);
        } else {
            for (const AttributeSchema &s : schema.attributes)
                if (s.name == block.type) {
                    suggestion = QStringLiteral(" Did you mean to define argument \"%1\"? If so, "
                                                "use the equals sign to assign it a value.")
                                     .arg(block.type);
                    break;
                }
        }
        diags += error(QStringLiteral("Unsupported block type"),
            QStringLiteral("Blocks of type \"%1\" are not expected here.%2")
                .arg(block.type, suggestion),
            block.typeRange);
    }
    return content;
}

QList<ContentAttribute> Body::justAttributes(Diagnostics &diags) const
{
    QList<ContentAttribute> out;
    if (!blocks.isEmpty()) {
        const Block &example = blocks.first();
        diags += error(QStringLiteral("Unexpected \"%1\" block").arg(example.type),
            QStringLiteral("Blocks are not allowed here."), example.typeRange);
    }
    for (const Attribute &a : attributes)
        if (!hiddenAttrs.contains(a.name))
            out.append(toContent(a));
    return out;
}

} // namespace kiln::hcl::syntax

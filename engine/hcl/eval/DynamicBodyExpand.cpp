// The expansion half of DynamicBody: reading a `dynamic` block's for_each,
// iterator, labels and content (dynblock's expand_spec.go) and generating the
// blocks (expand_body.go expandBlocks).

#include "engine/hcl/Ast.h"
#include "engine/hcl/eval/DiagnosticText.h"
#include "engine/hcl/eval/DynamicBody.h"
#include "engine/hcl/eval/EvalInternal.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/eval/ExprHelpers.h"
#include "engine/hcl/eval/UnknownBody.h"
#include "engine/hcl/value/Convert.h"

namespace kiln::hcl {

struct DynamicBody::Spec
{
    QString blockType;
    SourceRange blockTypeRange;
    SourceRange defRange;
    Value forEachVal;
    QString iteratorName;
    QList<ExprPtr> labelExprs;
    BodyPtr contentBody;
};

namespace {

BodySchema specSchema(bool withLabels)
{
    BodySchema s;
    s.attributes.append({QStringLiteral("for_each"), true});
    s.attributes.append({QStringLiteral("iterator"), false});
    if (withLabels)
        s.attributes.append({QStringLiteral("labels"), true});
    s.blocks.append({QStringLiteral("content"), {}});
    return s;
}

// dynblock's newBlock: one generated block for an iteration, with its labels
// evaluated where the iterator is visible. nullopt (with diagnostics) if a
// label is unusable.
std::optional<ContentBlock> newBlock(const QString &type, const SourceRange &typeRange,
    const SourceRange &defRange, const QList<ExprPtr> &labelExprs, const BodyPtr &body,
    const EvalContext &labelCtx, Diagnostics &diags)
{
    ContentBlock block;
    block.type = type;
    block.typeRange = typeRange;
    block.defRange = defRange;
    block.body = body;
    const QString summary = QStringLiteral("Invalid dynamic block label");
    for (const ExprPtr &labelExpr : labelExprs) {
        Diagnostics labelDiags;
        const Value raw = evaluate(labelExpr, &labelCtx, labelDiags);
        diags += labelDiags;
        if (labelDiags.hasErrors())
            return std::nullopt;
        QString why;
        const std::optional<Value> label = convert(raw.unmarked(), Type::string(), &why);
        if (!label) {
            diags += Diagnostic::error(summary,
                QStringLiteral("Cannot use this value as a dynamic block label: %1.").arg(why),
                labelExpr->range);
            return std::nullopt;
        }
        if (label->isNull()) {
            diags += Diagnostic::error(summary,
                QStringLiteral("Cannot use a null value as a dynamic block label."),
                labelExpr->range);
            return std::nullopt;
        }
        if (!label->isKnown()) {
            diags += Diagnostic::error(summary,
                QStringLiteral("This value is not yet known. Dynamic block labels must be "
                               "immediately-known values."),
                labelExpr->range);
            return std::nullopt;
        }
        if (raw.isMarked()) {
            diags += Diagnostic::error(summary,
                QStringLiteral("This value has dynamic marks that make it unsuitable for use as a "
                               "block label."),
                labelExpr->range);
            return std::nullopt;
        }
        block.labels.append(label->asString());
        block.labelRanges.append(labelExpr->range);
    }
    return block;
}

} // namespace

bool DynamicBody::decodeSpec(
    const BlockHeaderSchema &blockS, const ContentBlock &raw, Spec &spec, Diagnostics &diags) const
{
    Diagnostics specDiags;
    const BodyContent specContent
        = raw.body->content(specSchema(!blockS.labelNames.isEmpty()), specDiags);
    diags += specDiags;
    if (specDiags.hasErrors())
        return false;

    spec.iteratorName = blockS.type;
    if (const ContentAttribute *iteratorAttr = specContent.attribute(QStringLiteral("iterator"))) {
        Diagnostics itDiags;
        const Traversal t = absTraversalForExpr(iteratorAttr->expr, itDiags);
        diags += itDiags;
        if (itDiags.hasErrors())
            return false;
        if (t.steps.size() != 1) {
            diags += Diagnostic::error(QStringLiteral("Invalid dynamic iterator name"),
                QStringLiteral("Dynamic iterator must be a single variable name."), t.range());
            return false;
        }
        spec.iteratorName = t.rootName();
    }

    const ContentAttribute *eachAttr = specContent.attribute(QStringLiteral("for_each"));
    Diagnostics eachDiags;
    const Value eachVal = evaluate(eachAttr->expr, forEachCtx(), eachDiags);
    diags += eachDiags;
    if (eachDiags.hasErrors())
        return false;

    const Value unmarkedEach = eachVal.unmarked();
    if (!detail::canIterateElements(unmarkedEach.type()) && !unmarkedEach.type().isDynamic()) {
        diags += Diagnostic::error(QStringLiteral("Invalid dynamic for_each value"),
            QStringLiteral("Cannot use a %1 value in for_each. An iterable collection is required.")
                .arg(eachVal.type().friendlyName()),
            eachAttr->expr->range);
        return false;
    }
    if (unmarkedEach.isNull()) {
        diags += Diagnostic::error(QStringLiteral("Invalid dynamic for_each value"),
            QStringLiteral("Cannot use a null value in for_each."), eachAttr->expr->range);
        return false;
    }

    if (const ContentAttribute *labelsAttr = specContent.attribute(QStringLiteral("labels"))) {
        Diagnostics labelDiags;
        spec.labelExprs = exprList(labelsAttr->expr, labelDiags);
        diags += labelDiags;
        if (labelDiags.hasErrors())
            return false;
        const qsizetype want = blockS.labelNames.size();
        const QString detail = QStringLiteral("Blocks of type %1 require %2 label(s).")
                                   .arg(goQuote(blockS.type), QString::number(want));
        if (spec.labelExprs.size() > want) {
            diags += Diagnostic::error(QStringLiteral("Extraneous dynamic block label"), detail,
                spec.labelExprs[want]->range);
            return false;
        }
        if (spec.labelExprs.size() < want) {
            diags += Diagnostic::error(QStringLiteral("Insufficient dynamic block labels"), detail,
                labelsAttr->expr->range);
            return false;
        }
    }

    if (specContent.blocks.isEmpty()) {
        diags += Diagnostic::error(QStringLiteral("Missing dynamic content block"),
            QStringLiteral("A dynamic block must have a nested block of type \"content\" to "
                           "describe the body of each generated block."),
            specContent.missingItemRange);
        return false;
    }
    if (specContent.blocks.size() > 1) {
        diags += Diagnostic::error(QStringLiteral("Extraneous dynamic content block"),
            QStringLiteral("Only one nested content block is allowed for each dynamic block."),
            specContent.blocks[1].defRange);
        return false;
    }

    spec.blockType = blockS.type;
    spec.blockTypeRange = raw.labelRanges.value(0);
    spec.defRange = raw.defRange;
    spec.forEachVal = eachVal;
    spec.contentBody = specContent.blocks.first().body;
    return true;
}

QList<ContentBlock> DynamicBody::expandBlocks(const BodySchema &schema,
    const QList<ContentBlock> &rawBlocks, bool partial, Diagnostics &diags) const
{
    QList<ContentBlock> blocks;
    // Usually one block out per block in (a template root has thousands).
    blocks.reserve(rawBlocks.size());
    for (const ContentBlock &raw : rawBlocks) {
        if (raw.type != QLatin1String("dynamic")) {
            if (!m_hiddenBlocks.contains(raw.type)) {
                ContentBlock b = raw;
                b.body = expandChild(raw.body, m_iteration, {});
                blocks.append(std::move(b));
            }
            continue;
        }
        if (raw.labels.isEmpty())
            continue; // the underlying body already reported the missing label
        const QString realType = raw.labels.first();
        if (m_hiddenBlocks.contains(realType))
            continue;
        const BlockHeaderSchema *blockS = nullptr;
        for (const BlockHeaderSchema &candidate : schema.blocks) {
            if (candidate.type == realType) {
                blockS = &candidate;
                break;
            }
        }
        if (!blockS) {
            if (!partial)
                diags += Diagnostic::error(QStringLiteral("Unsupported block type"),
                    QStringLiteral("Blocks of type %1 are not expected here.")
                        .arg(goQuote(realType)),
                    raw.labelRanges.value(0));
            continue;
        }

        Spec spec;
        if (!decodeSpec(*blockS, raw, spec, diags))
            continue;

        const QSet<QString> marks = spec.forEachVal.marks();
        const Value forEach = spec.forEachVal.unmarked();
        auto makeIteration = [&](const Value &key, const Value &value) {
            auto it = std::make_shared<Iteration>();
            it->iteratorName = spec.iteratorName;
            it->key = key;
            it->value = value;
            if (m_iteration) {
                it->inherited = m_iteration->inherited;
                it->inherited.insert(m_iteration->iteratorName, m_iteration);
            }
            return IterationPtr(it);
        };
        auto labelContext = [&](const IterationPtr &it) {
            EvalContext c = forEachCtx() ? forEachCtx()->child() : EvalContext();
            c.variables = it->variables();
            return c;
        };

        if (forEach.isKnown()) {
            detail::forEachElement(forEach, [&](const Value &key, const Value &value) {
                const IterationPtr it = makeIteration(key, value);
                const EvalContext lctx = labelContext(it);
                std::optional<ContentBlock> block = newBlock(spec.blockType, spec.blockTypeRange,
                    spec.defRange, spec.labelExprs, spec.contentBody, lctx, diags);
                if (block) {
                    block->body = expandChild(spec.contentBody, it, marks);
                    blocks.append(*block);
                }
            });
        } else {
            // One placeholder block whose content is all unknown.
            const IterationPtr it = makeIteration(Value::dynamicUnknown(), Value::dynamicUnknown());
            const EvalContext lctx = labelContext(it);
            std::optional<ContentBlock> block = newBlock(spec.blockType, spec.blockTypeRange,
                spec.defRange, spec.labelExprs, spec.contentBody, lctx, diags);
            if (block) {
                block->body = std::make_shared<UnknownBody>(
                    expandChild(spec.contentBody, it, marks), marks);
                blocks.append(*block);
            }
        }
    }
    return blocks;
}

} // namespace kiln::hcl

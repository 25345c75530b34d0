#include "engine/template/ExpressionDecoder.h"
#include "engine/template/LoaderInternal.h"

namespace kiln::tmpl::detail {

using hcl::Diagnostic;
using hcl::Diagnostics;


Diagnostics decodeLocalBlocks(Template &tpl, const hcl::BodyContent &root)
{
    Diagnostics diags;
    for (const hcl::ContentBlock &block : root.blocks) {
        if (block.type == QLatin1String("local")) {
            Diagnostics blockDiags;
            hcl::BodySchema schema;
            schema.attributes = {{QStringLiteral("expression"), false}, {QStringLiteral("sensitive"), false}};
            hcl::BodyContent c = block.body->content(schema, blockDiags);
            LocalBlock local;
            local.name = block.labels.value(0);
            local.range = block.defRange;
            if (!isValidIdentifier(local.name))
                blockDiags += Diagnostic::error(QStringLiteral("Invalid local name"), badIdentifierDetail(),
                                                block.labelRanges.value(0));
            if (const hcl::ContentAttribute *attr = c.attribute(QStringLiteral("sensitive"))) {
                if (std::optional<bool> s = ExpressionDecoder(nullptr).decodeBool(attr->expr, blockDiags))
                    local.sensitive = *s;
            }
            if (const hcl::ContentAttribute *attr = c.attribute(QStringLiteral("expression"))) {
                local.expr = attr->expr;
            } else {
                // Packer leaves the expression nil and crashes later; say what is missing instead.
                blockDiags += Diagnostic::error(QStringLiteral("Missing required argument"),
                                                QStringLiteral("The argument \"expression\" is required, but no "
                                                               "definition was found."),
                                                block.body->missingItemRange());
            }
            diags += blockDiags;
            // As Packer: the first broken `local` block ends this file's locals.
            if (blockDiags.hasErrors())
                return diags;
            tpl.localBlocks.append(local);
        } else if (block.type == QLatin1String("locals")) {
            for (const hcl::ContentAttribute &attr : block.body->justAttributes(diags)) {
                LocalBlock local;
                local.name = attr.name;
                local.expr = attr.expr;
                local.range = attr.range;
                tpl.localBlocks.append(local);
            }
        }
    }
    return diags;
}

Diagnostics checkDuplicateLocals(const Template &tpl)
{
    Diagnostics diags;
    QHash<QString, const LocalBlock *> seen;
    for (const LocalBlock &local : tpl.localBlocks) {
        if (const LocalBlock *first = seen.value(local.name)) {
            diags += Diagnostic::error(QStringLiteral("Duplicate local definition"),
                                       QStringLiteral("Local variable \"%1\" is defined twice in your templates. "
                                                      "Other definition found at \"%2\"")
                                           .arg(local.name, rangeString(first->expr->range)),
                                       local.expr->range);
            continue;
        }
        seen.insert(local.name, &local);
    }
    return diags;
}

Diagnostics decodeDataBlocks(Template &tpl, const hcl::BodyContent &root)
{
    Diagnostics diags;
    for (const hcl::ContentBlock &block : root.blocks) {
        if (block.type != QLatin1String("data"))
            continue;
        DataSourceBlock ds;
        ds.type = block.labels.value(0);
        ds.name = block.labels.value(1);
        ds.body = block.body;
        ds.ref = {block.type, block.labels, block.defRange, block.typeRange, block.labelRanges};
        Diagnostics blockDiags;
        if (!isValidIdentifier(ds.type))
            blockDiags += Diagnostic::error(QStringLiteral("Invalid data source name"), badIdentifierDetail(),
                                            block.labelRanges.value(0));
        if (!isValidIdentifier(ds.name))
            blockDiags += Diagnostic::error(QStringLiteral("Invalid data resource name"), badIdentifierDetail(),
                                            block.labelRanges.value(1));
        diags += blockDiags;
        if (blockDiags.hasErrors())
            continue;
        if (const DataSourceBlock *existing = tpl.dataSource(ds.type, ds.name)) {
            diags += Diagnostic::error(QStringLiteral("Duplicate data block"),
                                       QStringLiteral("This data block has the same data type and name as a previous "
                                                      "block declared at %1. Each data must have a unique name per "
                                                      "builder type.")
                                           .arg(rangeString(existing->ref.defRange)),
                                       block.defRange);
            continue;
        }
        tpl.dataSources.append(ds);
    }
    return diags;
}

} // namespace kiln::tmpl::detail

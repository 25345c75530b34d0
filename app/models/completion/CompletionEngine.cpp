#include "app/models/completion/CompletionEngine.h"

#include "app/models/completion/CursorContext.h"
#include "app/models/completion/FunctionCatalog.h"
#include "app/models/completion/HclOutline.h"
#include "app/models/completion/PackerBlockSchemas.h"
#include "app/models/completion/SchemaResolver.h"
#include "app/models/completion/TemplateSymbols.h"
#include "app/models/completion/TextOffsets.h"
#include "engine/registry/Registry.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>

namespace kiln::models {

using registry::ComponentKind;
using registry::Field;
using registry::FieldType;
using Kind = CompletionItem::Kind;

namespace {

// CompletionEngine is no QObject: its texts name their translation context themselves.
QString translated(const char *text)
{
    return QCoreApplication::translate("kiln::models::CompletionEngine", text);
}

CompletionItem item(Kind kind, const QString &label, const QString &insert,
    const QString &detail = {}, const QString &doc = {})
{
    return {kind, label, insert, detail, doc};
}

// Help texts of Packer's own blocks are marked in PackerBlockSchemas; a component's help text
// finds no translation there and stays English, as the component wrote it.
QString blockHelp(const QString &help)
{
    return QCoreApplication::translate(
        "kiln::models::PackerBlockSchemas", help.toUtf8().constData());
}

QString fieldDocumentation(const Field &f)
{
    QString doc = blockHelp(f.help());
    if (!f.defaultText().isEmpty())
        doc += (doc.isEmpty() ? QString() : QStringLiteral("\n"))
            + QCoreApplication::translate("kiln::models::CompletionEngine", "Default: %1")
                  .arg(f.defaultText());
    if (f.isDeprecated())
        doc += (doc.isEmpty() ? QString() : QStringLiteral("\n"))
            + QCoreApplication::translate("kiln::models::CompletionEngine", "Deprecated.");
    return doc;
}

QString fieldDetail(const Field &f)
{
    QString detail = f.isBlock() ? QStringLiteral("block") : f.typeExpression();
    // Enum values, or a string's suggested values (guest_os_type).
    if (!f.enumValues().isEmpty() && (f.type() == FieldType::Enum || f.type() == FieldType::String))
        detail += QStringLiteral(" (") + f.enumValues().join(QStringLiteral(" | ")) + u')';
    if (f.isRequired())
        detail += QCoreApplication::translate("kiln::models::CompletionEngine", ", required");
    return detail;
}

// Nested blocks of Packer's build block whose header names a component or a source.
bool takesLabel(const QString &blockType)
{
    return blockType == QLatin1String("source") || blockType == QLatin1String("provisioner")
        || blockType == QLatin1String("post-processor");
}

QStringList enumValuesOf(const Field *f)
{
    if (!f)
        return {};
    if (f->type() == FieldType::Enum || f->type() == FieldType::String)
        return f->enumValues();
    if ((f->type() == FieldType::List || f->type() == FieldType::Map) && f->element())
        return f->element()->enumValues();
    return {};
}

} // namespace

CompletionResult CompletionEngine::complete(const QString &text, qsizetype offset) const
{
    const TextOffsets offsets(text);
    const QByteArray &utf8 = offsets.utf8();
    const int pos = offsets.byteFromOffset(offset);
    const HclOutline outline = HclOutline::build(utf8);
    const CursorContext ctx = CursorContext::analyse(outline, utf8, pos);
    TemplateSymbols symbols = TemplateSymbols::collect(outline, utf8);
    for (const QString &companion : m_companions) {
        const QByteArray other = companion.toUtf8();
        symbols.append(TemplateSymbols::collect(HclOutline::build(other), other));
    }

    QList<CompletionItem> items;
    QByteArray prefix;
    switch (ctx.kind) {
    case CursorContext::Kind::None:
        break;
    case CursorContext::Kind::BodyItem:
        prefix = ctx.word;
        items = bodyItems(outline, ctx);
        break;
    case CursorContext::Kind::BlockLabel:
        prefix = utf8.mid(ctx.labelStart, pos - ctx.labelStart);
        items = labelItems(outline, symbols, ctx);
        break;
    case CursorContext::Kind::Expression:
        items = expressionItems(outline, symbols, ctx, prefix);
        break;
    }

    CompletionResult result;
    result.replaceEnd = offset;
    result.replaceStart = offsets.offsetFromByte(pos - int(prefix.size()));
    const QString typed = QString::fromUtf8(prefix);
    QSet<QString> seen;
    for (const auto &i : std::as_const(items)) {
        if (i.label.startsWith(typed, Qt::CaseInsensitive) && !seen.contains(i.label)) {
            seen.insert(i.label);
            result.items.append(i);
        }
    }
    std::sort(result.items.begin(), result.items.end(),
        [](const auto &a, const auto &b) { return a.label < b.label; });
    return result;
}

QList<CompletionItem> CompletionEngine::bodyItems(
    const HclOutline &outline, const CursorContext &ctx) const
{
    QList<CompletionItem> items;
    const BodySchema body = SchemaResolver(m_registry).resolve(outline, ctx.path);
    if (body.role == BodySchema::Role::Root) {
        for (const auto &t : topLevelBlockTypes()) {
            const QString insert
                = t.name + (t.labels > 0 ? QStringLiteral(" \"") : QStringLiteral(" {"));
            items.append(
                item(Kind::BlockType, t.name, insert, QStringLiteral("block"), blockHelp(t.help)));
        }
        return items;
    }
    if (body.role != BodySchema::Role::Schema)
        return items;
    for (const Field &f : body.schema) {
        if (f.isLegacyOnly()) // not an HCL2 argument
            continue;
        if (f.isBlock()) {
            if (!f.isRepeatable() && ctx.presentBlocks.contains(f.key()))
                continue;
            const bool labelled = takesLabel(f.key()) && f.nested() && f.nested()->isEmpty();
            const QString insert
                = f.key() + (labelled ? QStringLiteral(" \"") : QStringLiteral(" {"));
            items.append(
                item(Kind::BlockType, f.key(), insert, fieldDetail(f), fieldDocumentation(f)));
        } else if (!ctx.presentAttributes.contains(f.key())) {
            items.append(item(Kind::Attribute, f.key(), f.key() + QStringLiteral(" = "),
                fieldDetail(f), fieldDocumentation(f)));
        }
    }
    return items;
}

QList<CompletionItem> CompletionEngine::labelItems(
    const HclOutline &outline, const TemplateSymbols &symbols, const CursorContext &ctx) const
{
    QList<CompletionItem> items;
    if (ctx.labelIndex != 0)
        return items;
    const QString type = outline.blocks()[ctx.block].type;
    std::optional<ComponentKind> kind;
    if (type == QLatin1String("source") && !ctx.path.isEmpty()) {
        // A build's source block names a declared source: source "TYPE.NAME".
        for (const auto &s : symbols.ofKind(TemplateSymbol::Kind::Source)) {
            const QString ref = s.type + u'.' + s.name;
            items.append(item(Kind::Source, ref, ref, QStringLiteral("source")));
        }
        return items;
    }
    if (type == QLatin1String("source") || type == QLatin1String("data")) {
        if (ctx.path.isEmpty())
            kind = registry::componentKindFromBlockType(type);
    } else if (type == QLatin1String("provisioner") || type == QLatin1String("post-processor")) {
        kind = registry::componentKindFromBlockType(type);
    }
    if (!kind || !m_registry)
        return items;
    for (const auto *d : m_registry->list(*kind))
        items.append(
            item(Kind::ComponentType, d->typeName, d->typeName, d->displayName, d->description));
    return items;
}

QList<CompletionItem> CompletionEngine::expressionItems(const HclOutline &outline,
    const TemplateSymbols &symbols, const CursorContext &ctx, QByteArray &prefix) const
{
    QList<CompletionItem> items;
    const BodySchema body = SchemaResolver(m_registry).resolve(outline, ctx.path);
    const Field *field
        = body.role == BodySchema::Role::Schema ? body.schema.field(ctx.attribute) : nullptr;
    const QString blockType
        = ctx.path.isEmpty() ? QString() : outline.blocks()[ctx.path.last()].type;
    if (ctx.inString) {
        prefix = ctx.word;
        if (blockType == QLatin1String("build") && ctx.attribute == QLatin1String("sources")) {
            for (const auto &s : symbols.ofKind(TemplateSymbol::Kind::Source)) {
                const QString ref = QStringLiteral("source.") + s.type + u'.' + s.name;
                items.append(item(Kind::Source, ref, ref, QStringLiteral("source")));
            }
            return items;
        }
        for (const auto &v : enumValuesOf(field))
            items.append(item(Kind::EnumValue, v, v, field->key()));
        return items;
    }

    const qsizetype dot = ctx.word.lastIndexOf('.');
    if (dot >= 0) {
        prefix = ctx.word.mid(dot + 1);
        const QStringList parts = QString::fromUtf8(ctx.word.left(dot)).split(u'.');
        return referenceItems(symbols, parts);
    }
    prefix = ctx.word;
    for (const auto &f : FunctionCatalog::instance().functions())
        items.append(item(Kind::Function, f.name, f.name + u'(', f.text(), f.description));
    static const QList<std::pair<const char *, const char *>> roots = {
        {"var", QT_TRANSLATE_NOOP("kiln::models::CompletionEngine", "Input variables: var.NAME")},
        {"local", QT_TRANSLATE_NOOP("kiln::models::CompletionEngine", "Local values: local.NAME")},
        {"source",
            QT_TRANSLATE_NOOP("kiln::models::CompletionEngine", "Sources: source.TYPE.NAME")},
        {"data",
            QT_TRANSLATE_NOOP("kiln::models::CompletionEngine", "Data sources: data.TYPE.NAME")},
        {"path", "path.root, path.cwd"}, {"packer", "packer.version"}};
    for (const auto &[name, doc] : roots)
        items.append(item(Kind::Keyword, QString::fromLatin1(name),
            QString::fromLatin1(name) + u'.', QStringLiteral("reference"), translated(doc)));
    for (const char *k : {"true", "false", "null"})
        items.append(item(Kind::Keyword, QString::fromLatin1(k), QString::fromLatin1(k)));
    for (const auto &v : enumValuesOf(field)) {
        const QString quoted = u'"' + v + u'"';
        items.append(item(Kind::EnumValue, quoted, quoted, field->key()));
    }
    if (blockType == QLatin1String("variable") && ctx.attribute == QLatin1String("type")) {
        for (const auto &t : typeKeywords())
            items.append(item(Kind::Keyword, t, t, QStringLiteral("type")));
    }
    return items;
}

QList<CompletionItem> CompletionEngine::referenceItems(
    const TemplateSymbols &symbols, const QStringList &parts) const
{
    QList<CompletionItem> items;
    const QString root = parts.value(0);
    if (parts.size() == 1 && root == QLatin1String("var")) {
        for (const auto &s : symbols.ofKind(TemplateSymbol::Kind::Variable))
            items.append(item(Kind::Variable, s.name, s.name,
                s.typeText.isEmpty() ? QStringLiteral("variable") : s.typeText, s.description));
    } else if (parts.size() == 1 && root == QLatin1String("local")) {
        for (const auto &s : symbols.ofKind(TemplateSymbol::Kind::Local))
            items.append(item(Kind::Local, s.name, s.name, QStringLiteral("local")));
    } else if (root == QLatin1String("source") || root == QLatin1String("data")) {
        const auto kind = root == QLatin1String("source") ? TemplateSymbol::Kind::Source
                                                          : TemplateSymbol::Kind::DataSource;
        const Kind itemKind
            = kind == TemplateSymbol::Kind::Source ? Kind::Source : Kind::DataSource;
        for (const auto &s : symbols.ofKind(kind)) {
            if (parts.size() == 1)
                items.append(item(itemKind, s.type, s.type, root + QStringLiteral(" type")));
            else if (parts.size() == 2 && s.type == parts[1])
                items.append(item(itemKind, s.name, s.name, s.type));
        }
        if (parts.size() == 3 && kind == TemplateSymbol::Kind::DataSource && m_registry
            && symbols.find(kind, parts[1], parts[2])) {
            if (const auto *d = m_registry->find(ComponentKind::DataSource, parts[1])) {
                for (const Field &f : d->outputs)
                    items.append(
                        item(Kind::Attribute, f.key(), f.key(), f.typeExpression(), f.help()));
            }
        }
    } else if (parts.size() == 1 && root == QLatin1String("path")) {
        items.append(item(Kind::Keyword, QStringLiteral("root"), QStringLiteral("root"),
            QStringLiteral("string"),
            QCoreApplication::translate(
                "kiln::models::CompletionEngine", "The directory of the template.")));
        items.append(item(Kind::Keyword, QStringLiteral("cwd"), QStringLiteral("cwd"),
            QStringLiteral("string"),
            QCoreApplication::translate(
                "kiln::models::CompletionEngine", "The directory Packer was started in.")));
    } else if (parts.size() == 1 && root == QLatin1String("packer")) {
        items.append(item(Kind::Keyword, QStringLiteral("version"), QStringLiteral("version"),
            QStringLiteral("string"),
            QCoreApplication::translate(
                "kiln::models::CompletionEngine", "The version of Packer (Kiln) running.")));
    }
    return items;
}

} // namespace kiln::models

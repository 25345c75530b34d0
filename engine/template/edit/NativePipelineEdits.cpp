// The editing operations of NativePipelineDocument (lookups and placement
// live in NativePipelineDocument.cpp).

#include "engine/hcl/Parser.h"
#include "engine/template/Components.h"
#include "engine/template/edit/NativePipelineDocument.h"

namespace kiln::tmpl::edit {

using hcl::edit::ByteEdit;
using hcl::edit::HclWriter;
using hcl::edit::ItemLines;
using hcl::edit::NativeBodyEditor;
using hcl::syntax::Block;

namespace {

// The block type a pipeline kind is written with.
QString blockTypeOf(BlockAddress::Kind kind)
{
    switch (kind) {
    case BlockAddress::Kind::Provisioner:
        return QStringLiteral("provisioner");
    case BlockAddress::Kind::ErrorCleanupProvisioner:
        return QStringLiteral("error-cleanup-provisioner");
    case BlockAddress::Kind::PostProcessor:
    case BlockAddress::Kind::ChainPostProcessor:
        return QStringLiteral("post-processor");
    case BlockAddress::Kind::Source:
        return QStringLiteral("source");
    case BlockAddress::Kind::Variable:
        return QStringLiteral("variable");
    case BlockAddress::Kind::Data:
        return QStringLiteral("data");
    case BlockAddress::Kind::Build:
        return QStringLiteral("build");
    case BlockAddress::Kind::Locals:
    case BlockAddress::Kind::Local:
        return QStringLiteral("locals");
    case BlockAddress::Kind::Packer:
        return QStringLiteral("packer");
    }
    return {};
}

} // namespace

EditResult NativePipelineDocument::insertBlock(
    int build, Kind kind, int chain, int position, const QString &type, const Attributes &attrs)
{
    if (kind != Kind::Provisioner && kind != Kind::PostProcessor
        && kind != Kind::ChainPostProcessor)
        return EditResult::failure(
            QStringLiteral("Only provisioners and post-processors are inserted into a build"));
    if (type.isEmpty())
        return EditResult::failure(QStringLiteral("A component type is required"));
    for (const auto &[key, expr] : attrs) {
        if (!HclWriter::isIdentifier(key))
            return EditResult::failure(
                QStringLiteral("\"%1\" is not a valid attribute name").arg(key));
        if (const QString e = checkExpression(expr); !e.isEmpty())
            return EditResult::failure(e);
    }
    const HclWriter writer(source().indentUnit(), source().newline());
    return placeInBuild(build, kind, chain, position, [&](const QByteArray &indent) {
        return writer.block(blockTypeOf(kind), {type}, attrs, indent);
    });
}

EditResult NativePipelineDocument::move(const BlockAddress &from, int toPosition)
{
    if (from.kind != Kind::Provisioner && from.kind != Kind::PostProcessor
        && from.kind != Kind::ChainPostProcessor)
        return EditResult::failure(
            QStringLiteral("Only provisioners and post-processors can be reordered"));
    QString error;
    const Block *block = resolve(from, &error);
    if (!block)
        return EditResult::failure(error);
    const int chain = from.kind == Kind::ChainPostProcessor ? from.index : -1;
    const int index = from.kind == Kind::ChainPostProcessor ? from.chainIndex : from.index;
    const Blocks sibs = siblings(from.build, from.kind, chain, &error);
    const int last = int(sibs.size()) - 1;
    const int to = toPosition < 0 || toPosition > last ? last : toPosition;
    if (to == index)
        return finish({});
    const Block *container = from.kind == Kind::ChainPostProcessor
        ? blocksOf(
            *buildBlock(from.build, &error)->body, {"post-processor", "post-processors"})[chain]
        : buildBlock(from.build, &error);
    const NativeBodyEditor body(source(), *container);
    const ItemLines moving = body.linesOf(block->range);
    if (!moving.wholeLines)
        return EditResult::failure(QStringLiteral(
            "The block shares its line with other blocks; put it on its own lines to move it"));
    QByteArray text = moving.bytes(source());
    if (!text.endsWith('\n'))
        text += source().newline();
    const bool separate = separated(body, sibs);
    // As in place(): between back-to-back siblings, join the one before.
    const ByteEdit insert = to > index
        ? body.insertAfter(body.linesOf(sibs[to]->range), text, separate)
        : !separate && to > 0 ? body.insertAfter(body.linesOf(sibs[to - 1]->range), text, false)
                              : body.insertBefore(body.linesOf(sibs[to]->range), text, separate);
    return finish({moving.removal(source()), insert});
}

EditResult NativePipelineDocument::moveToBuild(
    const BlockAddress &from, int toBuild, int toPosition)
{
    if (toBuild == from.build)
        return move(from, toPosition);
    if (from.kind != Kind::Provisioner && from.kind != Kind::PostProcessor)
        return EditResult::failure(
            QStringLiteral("Only provisioners and post-processors can move to another build"));
    QString error;
    const Block *block = resolve(from, &error);
    if (!block)
        return EditResult::failure(error);
    const ItemLines moving
        = ItemLines::of(source(), block->range.start.byte, block->range.end.byte);
    if (!moving.wholeLines)
        return EditResult::failure(QStringLiteral(
            "The block shares its line with other blocks; put it on its own lines to move it"));
    // The block travels with its comments, re-indented for its new build.
    const QByteArray text = HclWriter::dedent(moving.bytes(source()));
    const HclWriter writer(source().indentUnit(), source().newline());
    const auto placement = placementInBuild(
        toBuild, from.kind, -1, toPosition,
        [&](const QByteArray &indent) {
            return writer.reindent(text, indent, source().indentUnit());
        },
        &error);
    if (!placement)
        return EditResult::failure(error);
    return finish({moving.removal(source()), *placement});
}

EditResult NativePipelineDocument::remove(const BlockAddress &address)
{
    QString error;
    if (address.kind == Kind::Local) {
        const auto *attr = resolveLocal(address, &error);
        if (!attr)
            return EditResult::failure(error);
        return finish({ItemLines::of(source(), attr->range.start.byte, attr->range.end.byte)
                           .removal(source())});
    }
    const Block *b = resolve(address, &error);
    if (!b)
        return EditResult::failure(error);
    QList<ByteEdit> edits{
        ItemLines::of(source(), b->range.start.byte, b->range.end.byte).removal(source())};
    // A removed source is disconnected from the builds of this file too;
    // a dangling reference would only turn into an error.
    if (address.kind == Kind::Source)
        for (const Block *build : blocksOf(root(), {"build"}))
            if (const auto use
                = sourceUseRemoval(*build, SourceRef{b->labels.value(0), b->labels.value(1)}))
                edits.append(*use);
    return finish(edits);
}

EditResult NativePipelineDocument::duplicate(const BlockAddress &address)
{
    // Blocks a build or file may hold only once are not duplicated.
    if (address.kind == Kind::ErrorCleanupProvisioner || address.kind == Kind::Packer
        || address.kind == Kind::Locals)
        return EditResult::failure(
            QStringLiteral("%1 cannot be duplicated")
                .arg(address.kind == Kind::ErrorCleanupProvisioner
                        ? QStringLiteral("A build's error-cleanup-provisioner")
                        : address.kind == Kind::Packer ? QStringLiteral("The packer block")
                                                       : QStringLiteral("A locals block")));
    QString error;
    if (address.kind == Kind::Local) {
        const auto *attr = resolveLocal(address, &error);
        if (!attr)
            return EditResult::failure(error);
        const ItemLines lines
            = ItemLines::of(source(), attr->range.start.byte, attr->range.end.byte, false);
        QString name = attr->name + QStringLiteral("_copy");
        QString ignored;
        for (int n = 2; resolveLocal(BlockAddress::local(name), &ignored); ++n)
            name = attr->name + QStringLiteral("_copy%1").arg(n);
        QByteArray text = lines.bytes(source());
        const int nameAt = attr->nameRange.start.byte - lines.start;
        text.replace(nameAt, attr->nameRange.end.byte - attr->nameRange.start.byte, name.toUtf8());
        return finish({ByteEdit{
            lines.end, lines.end, text.endsWith('\n') ? text : text + source().newline()}});
    }
    const Block *b = resolve(address, &error);
    if (!b)
        return EditResult::failure(error);
    const ItemLines lines = ItemLines::of(source(), b->range.start.byte, b->range.end.byte, false);
    if (!lines.wholeLines)
        return EditResult::failure(QStringLiteral("The block shares its line with other blocks; "
                                                  "put it on its own lines to duplicate it"));
    QByteArray text = lines.bytes(source());
    if (!text.endsWith('\n'))
        text += source().newline();
    // Named blocks must stay unique: the copy gets "<name>-copy", "-copy2", ...
    if (address.kind == Kind::Source || address.kind == Kind::Variable
        || address.kind == Kind::Data) {
        const QString base = b->labels.last();
        QString name = base + QStringLiteral("-copy");
        QStringList labels = b->labels;
        for (int n = 2;; ++n) {
            labels.last() = name;
            BlockAddress probe = address;
            probe.labels = labels;
            QString ignored;
            if (!resolve(probe, &ignored))
                break;
            name = base + QStringLiteral("-copy%1").arg(n);
        }
        const hcl::SourceRange &label = b->labelRanges.last();
        text.replace(label.start.byte - lines.start, label.end.byte - label.start.byte,
            HclWriter::quote(name));
    }
    bool separate = true;
    if (address.kind == Kind::Provisioner || address.kind == Kind::PostProcessor
        || address.kind == Kind::ChainPostProcessor) {
        const int chain = address.kind == Kind::ChainPostProcessor ? address.index : -1;
        separate = separated(NativeBodyEditor(source(), root()),
            siblings(address.build, address.kind, chain, &error));
    }
    const NativeBodyEditor body(source(), root());
    return finish({body.insertAfter(lines, text, separate)});
}

QString NativePipelineDocument::blockText(const BlockAddress &address) const
{
    QString error;
    hcl::SourceRange range;
    if (address.kind == Kind::Local) {
        const auto *attr = resolveLocal(address, &error);
        if (!attr)
            return {};
        range = attr->range;
    } else {
        const Block *b = resolve(address, &error);
        if (!b)
            return {};
        range = b->range;
    }
    const ItemLines lines = ItemLines::of(source(), range.start.byte, range.end.byte);
    return QString::fromUtf8(HclWriter::dedent(lines.bytes(source())));
}

EditResult NativePipelineDocument::insertBlockText(
    int build, Kind kind, int position, const QString &text)
{
    hcl::Diagnostics diags;
    const QByteArray bytes = text.toUtf8();
    const hcl::File pasted = hcl::parseConfig(bytes, QStringLiteral("<pasted>"), diags);
    if (diags.hasErrors())
        return EditResult::failure(
            QStringLiteral("The pasted text is not valid HCL: %1").arg(describe(diags)));
    const auto body = pasted.nativeBody();
    if (!body || body->blocks.size() != 1 || !body->attributes.isEmpty())
        return EditResult::failure(QStringLiteral("The pasted text must be exactly one block"));
    const QString type = body->blocks.first().type;
    const bool fits = kind == Kind::PostProcessor
        ? (type == QLatin1String("post-processor") || type == QLatin1String("post-processors"))
        : type == blockTypeOf(kind);
    if (!fits || kind == Kind::ChainPostProcessor)
        return EditResult::failure(
            QStringLiteral("A %1 block cannot be pasted as a %2").arg(type, blockTypeOf(kind)));
    const hcl::edit::SourceText pastedText(bytes);
    const HclWriter writer(source().indentUnit(), source().newline());
    const QByteArray dedented = HclWriter::dedent(bytes);
    const auto render = [&](const QByteArray &indent) {
        return writer.reindent(dedented, indent, pastedText.indentUnit());
    };
    if (kind == Kind::Source || kind == Kind::Variable || kind == Kind::Data) {
        BlockAddress probe;
        probe.kind = kind;
        probe.labels = body->blocks.first().labels;
        QString ignored;
        if (resolve(probe, &ignored))
            return EditResult::failure(
                QStringLiteral("%1 already has a %2 \"%3\"")
                    .arg(fileName(), type, probe.labels.join(QLatin1Char('.'))));
        return finish({placeTopLevel(type, {"build"}, render({}))});
    }
    if (kind == Kind::ErrorCleanupProvisioner && count(build, kind, -1) > 0)
        return EditResult::failure(
            QStringLiteral("Build %1 already has an error-cleanup-provisioner").arg(build));
    if (kind != Kind::Provisioner && kind != Kind::PostProcessor
        && kind != Kind::ErrorCleanupProvisioner)
        return EditResult::failure(
            QStringLiteral("A %1 block cannot be pasted into a build").arg(type));
    return placeInBuild(build, kind, -1, position, render);
}

EditResult NativePipelineDocument::setAttribute(
    const BlockAddress &address, const QString &key, const QString &expression)
{
    if (const QString e = checkExpression(expression); !e.isEmpty())
        return EditResult::failure(e);
    QString error;
    if (address.kind == Kind::Local) {
        const auto *attr = resolveLocal(address, &error);
        if (!attr)
            return EditResult::failure(error);
        return finish({{attr->expr->range.start.byte, attr->expr->range.end.byte,
            HclWriter::expressionText(expression)}});
    }
    if (!HclWriter::isIdentifier(key))
        return EditResult::failure(QStringLiteral("\"%1\" is not a valid attribute name").arg(key));
    const Block *b = resolve(address, &error);
    if (!b)
        return EditResult::failure(error);
    return finish({NativeBodyEditor(source(), *b).setAttribute(key, expression)});
}

EditResult NativePipelineDocument::removeAttribute(const BlockAddress &address, const QString &key)
{
    QString error;
    const Block *b = address.kind == Kind::Local ? nullptr : resolve(address, &error);
    if (!b)
        return EditResult::failure(error.isEmpty()
                ? QStringLiteral("A local has no attributes; remove the local itself")
                : error);
    const auto removal = NativeBodyEditor(source(), *b).removeAttribute(key);
    if (!removal)
        return EditResult::failure(
            QStringLiteral("The %1 block has no attribute \"%2\"").arg(b->type, key));
    return finish({*removal});
}

EditResult NativePipelineDocument::renameBlock(
    const BlockAddress &address, const QStringList &labels)
{
    QString error;
    if (address.kind == Kind::Local) {
        const auto *attr = resolveLocal(address, &error);
        if (!attr)
            return EditResult::failure(error);
        if (labels.size() != 1 || !HclWriter::isIdentifier(labels.first()))
            return EditResult::failure(QStringLiteral("A local is renamed to one valid name"));
        return finish(
            {{attr->nameRange.start.byte, attr->nameRange.end.byte, labels.first().toUtf8()}});
    }
    const Block *b = resolve(address, &error);
    if (!b)
        return EditResult::failure(error);
    if (labels.size() != b->labelRanges.size())
        return EditResult::failure(QStringLiteral("A %1 block has %2 labels, not %3")
                                       .arg(b->type)
                                       .arg(b->labelRanges.size())
                                       .arg(labels.size()));
    for (const QString &l : labels)
        if (l.isEmpty())
            return EditResult::failure(QStringLiteral("Block labels cannot be empty"));
    QList<ByteEdit> edits;
    for (qsizetype i = 0; i < labels.size(); ++i)
        edits.append({b->labelRanges[i].start.byte, b->labelRanges[i].end.byte,
            HclWriter::quote(labels[i])});
    if (address.kind == Kind::Source) {
        if (resolve(BlockAddress::source(labels.value(0), labels.value(1)), &error)
            && labels != b->labels)
            return EditResult::failure(QStringLiteral("%1 already has a source \"%2\"")
                                           .arg(fileName(), labels.join(QLatin1Char('.'))));
        // The builds of this file follow the rename.
        const QByteArray renamed
            = HclWriter::quote(QStringLiteral("source.") + labels.join(QLatin1Char('.')));
        for (const Block *build : blocksOf(root(), {"build"}))
            if (const auto at
                = sourceUseRange(*build, SourceRef{b->labels.value(0), b->labels.value(1)}))
                edits.append({at->first, at->second, renamed});
        edits += onlyExceptRenames(b->labels.join(QLatin1Char('.')), labels.join(QLatin1Char('.')));
    }
    return finish(edits);
}

QList<ByteEdit> NativePipelineDocument::onlyExceptRenames(
    const QString &from, const QString &to) const
{
    // `only`/`except` name sources as "type.name" (no "source." prefix).
    QList<ByteEdit> edits;
    const QByteArray quotedFrom = HclWriter::quote(from);
    const auto scan = [&](const Block &component) {
        for (const char *key : {"only", "except"}) {
            const hcl::syntax::Attribute *list = component.body->attribute(QLatin1String(key));
            if (!list || list->expr->kind != hcl::ExprKind::TupleCons)
                continue;
            for (const auto &e : static_cast<const hcl::TupleConsExpr &>(*list->expr).elements)
                if (source().bytes().mid(
                        e->range.start.byte, e->range.end.byte - e->range.start.byte)
                    == quotedFrom)
                    edits.append({e->range.start.byte, e->range.end.byte, HclWriter::quote(to)});
        }
    };
    for (const Block *build : blocksOf(root(), {"build"}))
        for (const Block *c : blocksOf(*build->body,
                 {"provisioner", "error-cleanup-provisioner", "post-processor",
                     "post-processors"})) {
            scan(*c);
            if (c->type == QLatin1String("post-processors"))
                for (const Block *member : blocksOf(*c->body, {"post-processor"}))
                    scan(*member);
        }
    return edits;
}

EditResult NativePipelineDocument::addBuild(const QString &name)
{
    Attributes attrs;
    if (!name.isEmpty())
        attrs.append({QStringLiteral("name"), QString::fromUtf8(HclWriter::quote(name))});
    const QByteArray lines
        = NativeBodyEditor(source(), root()).writer().block(QStringLiteral("build"), {}, attrs, {});
    return finish({placeTopLevel(QStringLiteral("build"), {}, lines)});
}

EditResult NativePipelineDocument::addVariable(
    const QString &name, const QString &type, const QString &defaultExpr)
{
    if (!HclWriter::isIdentifier(name))
        return EditResult::failure(QStringLiteral("\"%1\" is not a valid variable name").arg(name));
    QString error;
    if (resolve(BlockAddress::variable(name), &error))
        return EditResult::failure(
            QStringLiteral("%1 already has a variable \"%2\"").arg(fileName(), name));
    Attributes attrs;
    if (!type.isEmpty())
        attrs.append({QStringLiteral("type"), type});
    if (!defaultExpr.isEmpty()) {
        if (const QString e = checkExpression(defaultExpr); !e.isEmpty())
            return EditResult::failure(e);
        attrs.append({QStringLiteral("default"), defaultExpr});
    }
    const QByteArray lines = NativeBodyEditor(source(), root())
                                 .writer()
                                 .block(QStringLiteral("variable"), {name}, attrs, {});
    return finish(
        {placeTopLevel(QStringLiteral("variable"), {"locals", "source", "data", "build"}, lines)});
}

} // namespace kiln::tmpl::edit

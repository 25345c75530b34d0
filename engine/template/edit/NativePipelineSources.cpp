// The source operations of NativePipelineDocument: adding sources and
// connecting them to builds (a `sources` list or `source` use blocks).

#include "engine/template/edit/NativePipelineDocument.h"

namespace kiln::tmpl::edit {

using hcl::edit::ByteEdit;
using hcl::edit::HclWriter;
using hcl::edit::ItemLines;
using hcl::edit::NativeBodyEditor;
using hcl::syntax::Block;

namespace {

QString normalizedSourceRef(const QString &ref)
{
    return ref.startsWith(QLatin1String("source.")) ? ref : QStringLiteral("source.") + ref;
}

} // namespace

EditResult NativePipelineDocument::addSource(
    const QString &type, const QString &name, const Attributes &attrs)
{
    if (type.isEmpty() || name.isEmpty())
        return EditResult::failure(QStringLiteral("A source needs a type and a name"));
    QString error;
    if (resolve(BlockAddress::source(type, name), &error))
        return EditResult::failure(
            QStringLiteral("%1 already has a source \"%2.%3\"").arg(fileName(), type, name));
    for (const auto &[key, expr] : attrs) {
        if (!HclWriter::isIdentifier(key))
            return EditResult::failure(
                QStringLiteral("\"%1\" is not a valid attribute name").arg(key));
        if (const QString e = checkExpression(expr); !e.isEmpty())
            return EditResult::failure(e);
    }
    const QByteArray lines = NativeBodyEditor(source(), root())
                                 .writer()
                                 .block(QStringLiteral("source"), {type, name}, attrs, {});
    return finish({placeTopLevel(QStringLiteral("source"), {"build"}, lines)});
}

EditResult NativePipelineDocument::connectSource(int build, const QString &sourceRef)
{
    QString error;
    const Block *b = buildBlock(build, &error);
    if (!b)
        return EditResult::failure(error);
    const QString ref = normalizedSourceRef(sourceRef);
    if (ref.count(QLatin1Char('.')) != 2)
        return EditResult::failure(
            QStringLiteral("\"%1\" is not a source reference like source.docker.ubuntu")
                .arg(sourceRef));
    const QByteArray quoted = HclWriter::quote(ref);
    for (const Block *use : blocksOf(*b->body, {"source"}))
        if (use->labels.value(0) == ref)
            return EditResult::failure(
                QStringLiteral("Build %1 already uses %2").arg(build).arg(ref));
    const NativeBodyEditor body(source(), *b);
    const hcl::syntax::Attribute *sources = body.attribute(QStringLiteral("sources"));
    if (!sources)
        return finish({body.setAttribute(
            QStringLiteral("sources"), QStringLiteral("[%1]").arg(QString::fromUtf8(quoted)))});
    if (sources->expr->kind != hcl::ExprKind::TupleCons)
        return EditResult::failure(
            QStringLiteral("The sources of build %1 are not written as a list").arg(build));
    const auto &tuple = static_cast<const hcl::TupleConsExpr &>(*sources->expr);
    const QByteArray &src = source().bytes();
    for (const auto &e : tuple.elements)
        if (src.mid(e->range.start.byte, e->range.end.byte - e->range.start.byte) == quoted)
            return EditResult::failure(
                QStringLiteral("Build %1 already uses %2").arg(build).arg(ref));
    const int open = tuple.range.start.byte + 1;
    const int close = tuple.range.end.byte - 1;
    if (tuple.elements.isEmpty())
        return finish({{open, close, quoted}});
    const int lastEnd = tuple.elements.last()->range.end.byte;
    const int comma = int(src.indexOf(',', lastEnd));
    const bool trailingComma = comma >= 0 && comma < close;
    const bool multiLine
        = src.mid(open, tuple.elements.first()->range.start.byte - open).contains('\n');
    if (multiLine) {
        const QByteArray line = source().newline()
            + source().indentOf(tuple.elements.last()->range.start.byte) + quoted;
        if (trailingComma)
            return finish({{comma + 1, comma + 1, line + ','}});
        return finish({{lastEnd, lastEnd, ',' + line}});
    }
    if (trailingComma)
        return finish({{comma + 1, comma + 1, ' ' + quoted}});
    return finish({{lastEnd, lastEnd, ", " + quoted}});
}

std::optional<ByteEdit> NativePipelineDocument::sourceUseRemoval(
    const Block &build, const SourceRef &ref) const
{
    for (const Block *use : blocksOf(*build.body, {"source"}))
        if (SourceRef::fromString(use->labels.value(0)) == ref)
            return ItemLines::of(source(), use->range.start.byte, use->range.end.byte)
                .removal(source());
    const hcl::syntax::Attribute *sources = build.body->attribute(QStringLiteral("sources"));
    if (!sources || sources->expr->kind != hcl::ExprKind::TupleCons)
        return std::nullopt;
    const auto &tuple = static_cast<const hcl::TupleConsExpr &>(*sources->expr);
    const QByteArray &src = source().bytes();
    const auto &els = tuple.elements;
    for (qsizetype i = 0; i < els.size(); ++i) {
        const QByteArray text
            = src.mid(els[i]->range.start.byte, els[i]->range.end.byte - els[i]->range.start.byte);
        if (text.size() < 2 || !text.startsWith('"')
            || SourceRef::fromString(QString::fromUtf8(text.mid(1, text.size() - 2))) != ref)
            continue;
        if (els.size() == 1)
            return ByteEdit{tuple.range.start.byte + 1, tuple.range.end.byte - 1, {}};
        // Take the separator on one side with it: the one after, or for
        // the last element the one before.
        if (i + 1 < els.size())
            return ByteEdit{els[i]->range.start.byte, els[i + 1]->range.start.byte, {}};
        return ByteEdit{els[i - 1]->range.end.byte, els[i]->range.end.byte, {}};
    }
    return std::nullopt;
}

std::optional<QPair<int, int>> NativePipelineDocument::sourceUseRange(
    const Block &build, const SourceRef &ref) const
{
    for (const Block *use : blocksOf(*build.body, {"source"}))
        if (SourceRef::fromString(use->labels.value(0)) == ref)
            return QPair<int, int>{
                use->labelRanges.value(0).start.byte, use->labelRanges.value(0).end.byte};
    const hcl::syntax::Attribute *sources = build.body->attribute(QStringLiteral("sources"));
    if (!sources || sources->expr->kind != hcl::ExprKind::TupleCons)
        return std::nullopt;
    for (const auto &e : static_cast<const hcl::TupleConsExpr &>(*sources->expr).elements) {
        const QByteArray text
            = source().bytes().mid(e->range.start.byte, e->range.end.byte - e->range.start.byte);
        if (text.size() >= 2 && text.startsWith('"')
            && SourceRef::fromString(QString::fromUtf8(text.mid(1, text.size() - 2))) == ref)
            return QPair<int, int>{e->range.start.byte, e->range.end.byte};
    }
    return std::nullopt;
}

EditResult NativePipelineDocument::disconnectSource(int build, const QString &sourceRef)
{
    QString error;
    const Block *b = buildBlock(build, &error);
    if (!b)
        return EditResult::failure(error);
    const QString ref = normalizedSourceRef(sourceRef);
    if (const auto removal = sourceUseRemoval(*b, SourceRef::fromString(ref)))
        return finish({*removal});
    return EditResult::failure(QStringLiteral("Build %1 does not use %2").arg(build).arg(ref));
}

} // namespace kiln::tmpl::edit

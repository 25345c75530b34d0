// The editing operations of JsonPipelineDocument.

#include "engine/hcl/edit/HclWriter.h"
#include "engine/template/edit/JsonPipelineDocument.h"

namespace kiln::tmpl::edit {

using hcl::edit::ByteEdit;
using hcl::edit::JsonTextEditor;
using hcl::json::JsonValue;

namespace {

using Members = QList<QPair<QString, QByteArray>>;

Members jsonMembers(const PipelineDocument::Attributes &attrs)
{
    Members out;
    for (const auto &[key, expr] : attrs)
        out.append({key, JsonTextEditor::jsonForExpression(expr)});
    return out;
}

QString entryKey(BlockAddress::Kind kind)
{
    return kind == BlockAddress::Kind::Provisioner ? QStringLiteral("provisioner")
                                                   : QStringLiteral("post-processor");
}

} // namespace

EditResult JsonPipelineDocument::addSource(
    const QString &type, const QString &name, const Attributes &attrs)
{
    if (type.isEmpty() || name.isEmpty())
        return EditResult::failure(QStringLiteral("A source needs a type and a name"));
    QString error;
    if (find(BlockAddress::source(type, name), &error))
        return EditResult::failure(
            QStringLiteral("%1 already has a source \"%2.%3\"").arg(fileName(), type, name));
    const JsonTextEditor ed = editor();
    const QByteArray body = ed.object(jsonMembers(attrs), {});
    const hcl::json::JsonMember *sources = m_root.first(QStringLiteral("source"));
    if (!sources || !sources->value.isObject())
        return finish({ed.setMember(m_root, QStringLiteral("source"),
            ed.object({{type, ed.object({{name, body}}, {})}}, {}))});
    if (const hcl::json::JsonMember *typed = sources->value.first(type);
        typed && typed->value.isObject())
        return finish({ed.setMember(typed->value, name, body)});
    return finish({ed.setMember(sources->value, type, ed.object({{name, body}}, {}))});
}

EditResult JsonPipelineDocument::connectSource(int build, const QString &sourceRef)
{
    const auto all = builds();
    if (build < 0 || build >= all.size())
        return EditResult::failure(noBuild(fileName(), build, int(all.size())));
    const QString ref = sourceRef.startsWith(QLatin1String("source."))
        ? sourceRef
        : QStringLiteral("source.") + sourceRef;
    const JsonTextEditor ed = editor();
    const JsonValue *sources = all[build]->get(QStringLiteral("sources"));
    if (!sources)
        return finish({ed.setMember(
            *all[build], QStringLiteral("sources"), "[" + JsonTextEditor::quote(ref) + "]")});
    if (!sources->isArray())
        return EditResult::failure(
            QStringLiteral("The sources of build %1 are not written as a list").arg(build));
    for (const auto &e : sources->elements())
        if (e.isString() && e.text() == ref)
            return EditResult::failure(
                QStringLiteral("Build %1 already uses %2").arg(build).arg(ref));
    return finish({ed.insertElement(*sources, -1, JsonTextEditor::quote(ref))});
}

std::optional<ByteEdit> JsonPipelineDocument::sourceUseRemoval(
    const JsonValue &build, const SourceRef &ref) const
{
    if (const JsonValue *sources = build.get(QStringLiteral("sources"));
        sources && sources->isArray())
        for (int i = 0; i < int(sources->elements().size()); ++i)
            if (SourceRef::fromString(sources->elements()[size_t(i)].text()) == ref)
                return editor().removeElement(*sources, i);
    return std::nullopt;
}

EditResult JsonPipelineDocument::disconnectSource(int build, const QString &sourceRef)
{
    const auto all = builds();
    if (build < 0 || build >= all.size())
        return EditResult::failure(noBuild(fileName(), build, int(all.size())));
    const QString ref = sourceRef.startsWith(QLatin1String("source."))
        ? sourceRef
        : QStringLiteral("source.") + sourceRef;
    if (const auto removal = sourceUseRemoval(*all[build], SourceRef::fromString(ref)))
        return finish({*removal});
    return EditResult::failure(QStringLiteral("Build %1 does not use %2").arg(build).arg(ref));
}

EditResult JsonPipelineDocument::insertBlock(
    int build, Kind kind, int, int position, const QString &type, const Attributes &attrs)
{
    if (kind != Kind::Provisioner && kind != Kind::PostProcessor)
        return EditResult::failure(kind == Kind::ChainPostProcessor
                ? QStringLiteral("Post-processor chains are not editable in HCL JSON templates")
                : QStringLiteral(
                    "Only provisioners and post-processors are inserted into a build"));
    if (type.isEmpty())
        return EditResult::failure(QStringLiteral("A component type is required"));
    QString error;
    const QList<Entry> list = entriesFor(build, kind, &error);
    if (!error.isEmpty())
        return EditResult::failure(error);
    const JsonTextEditor ed = editor();
    const QByteArray element = ed.object({{type, ed.object(jsonMembers(attrs), {})}}, {});
    const JsonValue &b = *builds()[build];
    if (list.isEmpty()) {
        // A new one-element array, rendered at column 0; setMember indents it.
        const QByteArray nl = source().newline();
        const QByteArray array = "[" + nl + source().indentUnit()
            + QByteArray(element).replace("\n", "\n" + source().indentUnit()) + nl + "]";
        return finish({ed.setMember(b, entryKey(kind), array)});
    }
    const bool inRange = position >= 0 && position < list.size();
    const Entry &anchor = inRange ? list[position] : list.last();
    if (!anchor.container->isArray())
        return EditResult::failure(
            QStringLiteral("The %1 blocks of build %2 are written as one JSON object; write them "
                           "as an array to insert or reorder")
                .arg(entryKey(kind))
                .arg(build));
    return finish(
        {ed.insertElement(*anchor.container, inRange ? anchor.indexInContainer : -1, element)});
}

EditResult JsonPipelineDocument::move(const BlockAddress &from, int toPosition)
{
    if (from.kind != Kind::Provisioner && from.kind != Kind::PostProcessor)
        return EditResult::failure(
            QStringLiteral("Only provisioners and post-processors can be reordered"));
    QString error;
    const QList<Entry> list = entriesFor(from.build, from.kind, &error);
    if (!error.isEmpty())
        return EditResult::failure(error);
    if (from.index < 0 || from.index >= list.size())
        return EditResult::failure(
            noEntry(entryKey(from.kind), from.build, from.index, int(list.size())));
    const int last = int(list.size()) - 1;
    const int to = toPosition < 0 || toPosition > last ? last : toPosition;
    const Entry &a = list[from.index];
    const Entry &b = list[to];
    if (to == from.index)
        return finish({});
    if (a.container != b.container || !a.container->isArray())
        return EditResult::failure(QStringLiteral(
            "The %1 blocks of build %2 are not one JSON array; they cannot be reordered")
                                       .arg(entryKey(from.kind))
                                       .arg(from.build));
    return finish(editor().moveElement(*a.container, a.indexInContainer, b.indexInContainer));
}

EditResult JsonPipelineDocument::remove(const BlockAddress &address)
{
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return EditResult::failure(error);
    QList<ByteEdit> edits{removal(f->container, f->index)};
    // As in native syntax: a removed source is disconnected from the builds.
    if (address.kind == Kind::Source)
        for (const JsonValue *b : builds())
            if (const auto use
                = sourceUseRemoval(*b, SourceRef{address.labels.value(0), address.labels.value(1)}))
                edits.append(*use);
    return finish(edits);
}

ByteEdit JsonPipelineDocument::removal(const JsonValue *container, int index) const
{
    // HCL's JSON syntax has no empty block list ("provisioner": [] is a
    // missing label), so a container losing its last item goes too, up to
    // the root.
    const JsonTextEditor ed = editor();
    const int size
        = int(container->isArray() ? container->elements().size() : container->members().size());
    if (size == 1 && container != &m_root)
        if (const auto parent = parentOf(m_root, container))
            return removal(parent->first, parent->second);
    return container->isArray() ? ed.removeElement(*container, index)
                                : ed.removeMember(*container, index);
}

std::optional<QPair<const JsonValue *, int>> JsonPipelineDocument::parentOf(
    const JsonValue &node, const JsonValue *child)
{
    for (int i = 0; i < int(node.members().size()); ++i) {
        const JsonValue &v = node.members()[size_t(i)].value;
        if (&v == child)
            return QPair<const JsonValue *, int>{&node, i};
        if (auto p = parentOf(v, child))
            return p;
    }
    for (int i = 0; i < int(node.elements().size()); ++i) {
        const JsonValue &v = node.elements()[size_t(i)];
        if (&v == child)
            return QPair<const JsonValue *, int>{&node, i};
        if (auto p = parentOf(v, child))
            return p;
    }
    return std::nullopt;
}

QString JsonPipelineDocument::blockText(const BlockAddress &address) const
{
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return {};
    return QString::fromUtf8(editor().valueText(f->range.start.byte, f->range.end.byte));
}

EditResult JsonPipelineDocument::setAttribute(
    const BlockAddress &address, const QString &key, const QString &expression)
{
    if (expression.trimmed().isEmpty())
        return EditResult::failure(QStringLiteral("An expression is required"));
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return EditResult::failure(error);
    const JsonTextEditor ed = editor();
    if (address.kind == Kind::Local)
        return finish({ed.replace(*f->body, JsonTextEditor::jsonForExpression(expression))});
    if (!f->body->isObject())
        return EditResult::failure(QStringLiteral("The block is not written as a JSON object"));
    return finish({ed.setMember(*f->body, key, JsonTextEditor::jsonForExpression(expression))});
}

EditResult JsonPipelineDocument::removeAttribute(const BlockAddress &address, const QString &key)
{
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return EditResult::failure(error);
    if (f->body->isObject())
        for (int i = int(f->body->members().size()) - 1; i >= 0; --i)
            if (f->body->members()[size_t(i)].key == key)
                return finish({editor().removeMember(*f->body, i)});
    return EditResult::failure(QStringLiteral("The block has no attribute \"%1\"").arg(key));
}

} // namespace kiln::tmpl::edit

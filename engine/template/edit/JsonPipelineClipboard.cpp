// Copy, paste, duplicate and rename for JsonPipelineDocument.

#include "engine/hcl/edit/HclWriter.h"
#include "engine/hcl/json/JsonParser.h"
#include "engine/template/edit/JsonPipelineDocument.h"

namespace kiln::tmpl::edit {

using hcl::edit::ByteEdit;
using hcl::edit::HclWriter;
using hcl::edit::JsonTextEditor;
using hcl::json::JsonValue;

EditResult JsonPipelineDocument::duplicate(const BlockAddress &address)
{
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return EditResult::failure(error);
    const JsonTextEditor ed = editor();
    if (address.kind == Kind::Provisioner || address.kind == Kind::PostProcessor) {
        if (!f->container->isArray())
            return EditResult::failure(QStringLiteral(
                "Blocks written as one JSON object cannot be duplicated; write them as an array"));
        const QByteArray text = ed.valueText(f->range.start.byte, f->range.end.byte);
        return finish({ed.insertElement(*f->container, f->index + 1, text)});
    }
    if (address.kind == Kind::Source || address.kind == Kind::Variable
        || address.kind == Kind::Data) {
        // Named blocks stay unique: "<name>-copy", "-copy2", ...
        QString name = f->labels.last() + QStringLiteral("-copy");
        for (int n = 2;; ++n) {
            BlockAddress probe = address;
            probe.labels.last() = name;
            QString ignored;
            if (!find(probe, &ignored))
                break;
            name = f->labels.last() + QStringLiteral("-copy%1").arg(n);
        }
        const QByteArray body
            = ed.valueText(f->body->range().start.byte, f->body->range().end.byte);
        return finish({ed.setMember(*f->container, name, body)});
    }
    return unsupported(QStringLiteral("Duplicating this block"));
}

EditResult JsonPipelineDocument::insertBlockText(
    int build, Kind kind, int position, const QString &text)
{
    if (kind != Kind::Provisioner && kind != Kind::PostProcessor)
        return EditResult::failure(
            QStringLiteral("Only provisioners and post-processors are pasted into a build"));
    const QByteArray bytes = text.toUtf8();
    const auto parsed = hcl::json::JsonParser::parse(bytes, QStringLiteral("<pasted>"));
    if (parsed.diagnostics.hasErrors())
        return EditResult::failure(QStringLiteral("The pasted text is not valid JSON: %1")
                                       .arg(describe(parsed.diagnostics)));
    const JsonValue &v = parsed.value;
    if (!v.isObject() || v.members().size() != 1 || !v.members().front().value.isObject())
        return EditResult::failure(
            QStringLiteral("The pasted text must be one block: an object like {\"shell\": {...}}"));
    QString error;
    const QList<Entry> list = entriesFor(build, kind, &error);
    if (!error.isEmpty())
        return EditResult::failure(error);
    const QByteArray element = HclWriter::dedent(bytes).trimmed();
    const JsonTextEditor ed = editor();
    if (list.isEmpty()) {
        const QByteArray nl = source().newline(), unit = source().indentUnit();
        return finish({ed.setMember(*builds()[build],
            kind == Kind::Provisioner ? QStringLiteral("provisioner")
                                      : QStringLiteral("post-processor"),
            "[" + nl + unit + QByteArray(element).replace("\n", "\n" + unit) + nl + "]")});
    }
    const bool inRange = position >= 0 && position < list.size();
    const Entry &anchor = inRange ? list[position] : list.last();
    if (!anchor.container->isArray())
        return EditResult::failure(QStringLiteral("Blocks written as one JSON object cannot take a "
                                                  "pasted block; write them as an array"));
    return finish(
        {ed.insertElement(*anchor.container, inRange ? anchor.indexInContainer : -1, element)});
}

EditResult JsonPipelineDocument::renameBlock(const BlockAddress &address, const QStringList &labels)
{
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return EditResult::failure(error);
    if (labels.size() != f->labels.size() || labels.contains(QString()))
        return EditResult::failure(QStringLiteral("The block has %1 labels, not %2")
                                       .arg(f->labels.size())
                                       .arg(labels.size()));
    // Only the innermost key can be renamed in place; an outer one (a
    // source's type) groups other blocks too.
    if (labels.mid(0, labels.size() - 1) != f->labels.mid(0, f->labels.size() - 1))
        return EditResult::failure(
            QStringLiteral("Only a block's last label can be renamed in HCL JSON templates"));
    const hcl::json::JsonMember &member = f->container->isArray()
        ? f->container->elements()[size_t(f->index)].members().front()
        : f->container->members()[size_t(f->index)];
    QList<ByteEdit> edits{{member.keyRange.start.byte, member.keyRange.end.byte,
        JsonTextEditor::quote(labels.last())}};
    if (address.kind == Kind::Source) {
        BlockAddress probe = address;
        probe.labels = labels;
        QString ignored;
        if (labels != f->labels && find(probe, &ignored))
            return EditResult::failure(QStringLiteral("%1 already has a source \"%2\"")
                                           .arg(fileName(), labels.join(QLatin1Char('.'))));
        const SourceRef old{f->labels.value(0), f->labels.value(1)};
        for (const JsonValue *b : builds())
            if (const JsonValue *sources = b->get(QStringLiteral("sources"));
                sources && sources->isArray())
                for (const JsonValue &e : sources->elements())
                    if (e.isString() && SourceRef::fromString(e.text()) == old)
                        edits.append(editor().replace(e,
                            JsonTextEditor::quote(
                                QStringLiteral("source.") + labels.join(QLatin1Char('.')))));
    }
    return finish(edits);
}

} // namespace kiln::tmpl::edit

// Duplicate, paste and rename for LegacyPipelineDocument.

#include "engine/hcl/edit/HclWriter.h"
#include "engine/hcl/json/JsonParser.h"
#include "engine/template/edit/LegacyPipelineDocument.h"

namespace kiln::tmpl::edit {

using hcl::edit::ByteEdit;
using hcl::edit::HclWriter;
using hcl::edit::JsonTextEditor;
using hcl::json::JsonValue;

QByteArray LegacyPipelineDocument::uniquelyNamed(const QByteArray &builderText) const
{
    const auto copy = hcl::json::JsonParser::parse(builderText, fileName());
    if (copy.diagnostics.hasErrors() || !copy.value.isObject())
        return builderText;
    // Builder names are unique across the template (Packer refuses duplicates) and
    // default to the type: a taken one becomes "<name>-copy", "-copy2", ...
    QStringList taken;
    if (const JsonValue *builders = m_root.get(QStringLiteral("builders")))
        for (const JsonValue &b : builders->elements()) {
            const JsonValue *name = b.isObject() ? b.get(QStringLiteral("name")) : nullptr;
            const JsonValue *type = b.isObject() ? b.get(QStringLiteral("type")) : nullptr;
            taken << (name ? name->text() : type ? type->text() : QString());
        }
    const JsonValue *name = copy.value.get(QStringLiteral("name"));
    const JsonValue *type = copy.value.get(QStringLiteral("type"));
    const QString base = name ? name->text() : type ? type->text() : QString();
    if (!taken.contains(base))
        return builderText;
    QString fresh = base + QStringLiteral("-copy");
    for (int n = 2; taken.contains(fresh); ++n)
        fresh = base + QStringLiteral("-copy%1").arg(n);
    const hcl::edit::SourceText copyText(builderText);
    const JsonTextEditor copyEditor(copyText);
    return hcl::edit::applyByteEdits(builderText,
        {copyEditor.setMember(copy.value, QStringLiteral("name"), JsonTextEditor::quote(fresh))});
}

EditResult LegacyPipelineDocument::duplicateBuilder(const BlockAddress &address)
{
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return EditResult::failure(error);
    // The copy's own text with a fresh "name", inserted after the original.
    const QByteArray text = editor().valueText(f->range.start.byte, f->range.end.byte);
    return finish({editor().insertElement(*f->container, f->index + 1, uniquelyNamed(text))});
}

EditResult LegacyPipelineDocument::duplicate(const BlockAddress &address)
{
    if (address.kind == Kind::Source)
        return duplicateBuilder(address);
    if (address.kind != Kind::Provisioner && address.kind != Kind::PostProcessor
        && address.kind != Kind::ChainPostProcessor)
        return unsupported(QStringLiteral("Duplicating this block"));
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return EditResult::failure(error);
    const QByteArray text = editor().valueText(f->range.start.byte, f->range.end.byte);
    return finish({editor().insertElement(*f->container, f->index + 1, text)});
}

EditResult LegacyPipelineDocument::insertBlockText(
    int build, Kind kind, int position, const QString &text)
{
    if (kind != Kind::Provisioner && kind != Kind::PostProcessor && kind != Kind::Source)
        return EditResult::failure(
            QStringLiteral("Only builders, provisioners and post-processors are pasted"));
    const QByteArray bytes = text.toUtf8();
    const auto parsed = hcl::json::JsonParser::parse(bytes, QStringLiteral("<pasted>"));
    if (parsed.diagnostics.hasErrors())
        return EditResult::failure(QStringLiteral("The pasted text is not valid JSON: %1")
                                       .arg(describe(parsed.diagnostics)));
    const JsonValue &v = parsed.value;
    const JsonValue *type = v.isObject() ? v.get(QStringLiteral("type")) : nullptr;
    const bool typeOnly = kind == Kind::PostProcessor && v.isString();
    if (!typeOnly && !(type && type->isString()))
        return EditResult::failure(
            QStringLiteral("The pasted text must be a component: an object with a \"type\""));
    QString error;
    const JsonValue *list = array(kind == Kind::Source ? 0 : build, kind, -1, &error);
    if (!error.isEmpty())
        return EditResult::failure(error);
    QByteArray element = HclWriter::dedent(bytes).trimmed();
    if (kind == Kind::Source)
        element = uniquelyNamed(element);
    if (!list) {
        const QByteArray nl = source().newline(), unit = source().indentUnit();
        return finish({editor().setMember(m_root,
            kind == Kind::Provisioner  ? QStringLiteral("provisioners")
                : kind == Kind::Source ? QStringLiteral("builders")
                                       : QStringLiteral("post-processors"),
            "[" + nl + unit + QByteArray(element).replace("\n", "\n" + unit) + nl + "]")});
    }
    return finish({editor().insertElement(*list, position, element)});
}

QList<ByteEdit> LegacyPipelineDocument::builderRenames(const QString &from, const QString &to) const
{
    // Components name builders in `only`/`except` and in `override` keys.
    QList<ByteEdit> edits;
    const auto scan = [&](const JsonValue &component) {
        if (!component.isObject())
            return;
        for (const auto &m : component.members()) {
            if ((m.key == QLatin1String("only") || m.key == QLatin1String("except"))
                && m.value.isArray())
                for (const JsonValue &e : m.value.elements())
                    if (e.isString() && e.text() == from)
                        edits.append(editor().replace(e, JsonTextEditor::quote(to)));
            if (m.key == QLatin1String("override") && m.value.isObject())
                for (const auto &o : m.value.members())
                    if (o.key == from)
                        edits.append({o.keyRange.start.byte, o.keyRange.end.byte,
                            JsonTextEditor::quote(to)});
        }
    };
    for (const char *key : {"provisioners", "post-processors"})
        if (const JsonValue *list = m_root.get(QString::fromLatin1(key)); list && list->isArray())
            for (const JsonValue &c : list->elements()) {
                scan(c);
                if (c.isArray())
                    for (const JsonValue &member : c.elements())
                        scan(member);
            }
    return edits;
}

EditResult LegacyPipelineDocument::renameBlock(
    const BlockAddress &address, const QStringList &labels)
{
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return EditResult::failure(error);
    const JsonTextEditor ed = editor();
    switch (address.kind) {
    case Kind::Source: {
        // A builder's labels are its type and name (the name defaults to the type).
        if (labels.size() != 2 || labels.contains(QString()))
            return EditResult::failure(QStringLiteral("A builder is renamed to a type and a name"));
        QString ignored;
        if (labels != address.labels && find(BlockAddress::source(labels[0], labels[1]), &ignored))
            return EditResult::failure(
                QStringLiteral("%1 already has a builder \"%2\"").arg(fileName(), labels[1]));
        QList<ByteEdit> edits;
        if (labels[0] != address.labels[0])
            edits.append(
                ed.setMember(*f->value, QStringLiteral("type"), JsonTextEditor::quote(labels[0])));
        if (labels[1] != address.labels[1] || f->value->get(QStringLiteral("name")))
            edits.append(
                ed.setMember(*f->value, QStringLiteral("name"), JsonTextEditor::quote(labels[1])));
        if (labels[1] != address.labels[1])
            edits += builderRenames(address.labels[1], labels[1]);
        return finish(edits);
    }
    case Kind::Provisioner:
    case Kind::PostProcessor:
    case Kind::ChainPostProcessor:
        if (labels.size() != 1 || labels[0].isEmpty())
            return EditResult::failure(QStringLiteral("A component is renamed to one type"));
        if (f->value->isString())
            return finish({ed.replace(*f->value, JsonTextEditor::quote(labels[0]))});
        return finish(
            {ed.setMember(*f->value, QStringLiteral("type"), JsonTextEditor::quote(labels[0]))});
    case Kind::Variable: {
        if (labels.size() != 1 || labels[0].isEmpty())
            return EditResult::failure(QStringLiteral("A variable is renamed to one name"));
        const auto &m = f->container->members()[size_t(f->index)];
        return finish(
            {{m.keyRange.start.byte, m.keyRange.end.byte, JsonTextEditor::quote(labels[0])}});
    }
    default:
        return unsupported(QStringLiteral("Renaming this block"));
    }
}

} // namespace kiln::tmpl::edit

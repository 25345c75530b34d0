#include "app/models/document/PipelineEditing.h"

#include "app/models/document/BlockAttributes.h"
#include "app/models/document/TemplateDocument.h"
#include "engine/hcl/edit/JsonTextEditor.h"
#include "engine/template/edit/PipelineEditor.h"

#include <QCoreApplication>
#include <algorithm>

namespace kiln::models {

using tmpl::edit::BlockAddress;
using tmpl::edit::EditResult;
using tmpl::edit::PipelineEditor;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kiln::models::PipelineEditing", text);
}

// Later blocks first, so removing one does not shift the address of the next.
bool laterFirst(const PipelineNode *a, const PipelineNode *b)
{
    if (a->file != b->file)
        return a->file > b->file;
    return a->range.start.byte > b->range.start.byte;
}

} // namespace

PipelineEditing::PipelineEditing(TemplateDocument *document)
    : m_doc(document)
{ }

const PipelineNode *PipelineEditing::node(const QString &id) const
{
    return m_doc->snapshot().node(id);
}

const PipelineBuild *PipelineEditing::build(int index) const
{
    const auto &builds = m_doc->snapshot().builds;
    return index >= 0 && index < builds.size() ? &builds.at(index) : nullptr;
}

QString PipelineEditing::run(const QString &file, const QString &label, const Operation &op)
{
    if (!m_doc->files().contains(file))
        return tr("The block is not in a file of this template.");
    PipelineEditor editor(file, m_doc->text(file));
    EditResult result = op(editor);
    if (!result.ok())
        return result.error;
    QList<TextChange> changes;
    for (const auto &e : result.edits)
        changes.append({int(e.start), int(e.end), e.text});
    m_doc->applyEdits(file, changes, label);
    return {};
}

QString PipelineEditing::sourceFile() const
{
    const PipelineSnapshot &s = m_doc->snapshot();
    if (!s.sources.isEmpty())
        return s.sources.first().file;
    if (!s.builds.isEmpty())
        return s.builds.first().file;
    return m_doc->activeFile();
}

QString PipelineEditing::uniqueSourceName(const QString &type) const
{
    QStringList taken;
    // Legacy builder names are unique across all builders and default to the type.
    for (const PipelineNode &n : m_doc->snapshot().sources)
        if (n.type == type || isLegacy())
            taken << n.name;
    const QString base = isLegacy() ? type : QStringLiteral("main");
    if (!taken.contains(base))
        return base;
    for (int i = 2;; ++i)
        if (!taken.contains(base + QString::number(i)))
            return base + QString::number(i);
}

QString PipelineEditing::addComponent(registry::ComponentKind kind, const QString &type,
    int buildIndex, int position, int chainPosition)
{
    using registry::ComponentKind;
    const PipelineBuild *b = build(buildIndex);
    if (kind == ComponentKind::DataSource) {
        const QString why = whyUnavailable(Capability::AddDataSource);
        if (!why.isEmpty())
            return why;
        // PipelineEditor has no data-block operation: the block goes at the end of the
        // HCL file that holds the sources, after one blank line, as `packer fmt` spaces blocks.
        const QString file = nativeFile().isEmpty() ? m_doc->activeFile() : nativeFile();
        const QString current = m_doc->text(file);
        QStringList taken;
        for (const PipelineNode &n : m_doc->snapshot().dataSources)
            if (n.type == type)
                taken << n.name;
        QString name = QStringLiteral("main");
        for (int i = 2; taken.contains(name); ++i)
            name = QStringLiteral("main") + QString::number(i);
        if (isJsonFile(file))
            return addJsonData(file, type, name);
        QString text = QStringLiteral("data \"%1\" \"%2\" {\n}\n").arg(type, name);
        if (!current.isEmpty())
            text.prepend(current.endsWith(QLatin1Char('\n')) ? QStringLiteral("\n")
                                                             : QStringLiteral("\n\n"));
        m_doc->applyEdits(file, {{int(current.size()), int(current.size()), text}},
            tr("Add data source %1").arg(type));
        return {};
    }
    if (kind == ComponentKind::Builder) {
        const QString name = uniqueSourceName(type);
        const QString file = sourceFile();
        m_doc->undoStack()->beginMacro(tr("Add source %1.%2").arg(type, name));
        QString error = run(
            file, tr("Add source"), [&](PipelineEditor &e) { return e.addSource(type, name); });
        if (isLegacy()) {
            // A new builder feeds the implicit build by being there.
        } else if (error.isEmpty() && b) {
            error = run(b->file, tr("Connect source"), [&](PipelineEditor &e) {
                return e.connectSource(
                    b->address.build, QStringLiteral("source.%1.%2").arg(type, name));
            });
        } else if (error.isEmpty() && m_doc->snapshot().builds.isEmpty()) {
            // The first source of an empty template gets a build to run in.
            error = run(file, tr("Add build"), [](PipelineEditor &e) { return e.addBuild(); });
            if (error.isEmpty())
                error = run(file, tr("Connect source"), [&](PipelineEditor &e) {
                    return e.connectSource(
                        e.buildCount() - 1, QStringLiteral("source.%1.%2").arg(type, name));
                });
        }
        m_doc->undoStack()->endMacro();
        return error;
    }
    if (!b)
        return tr("Drop the component on a build lane.");
    if (kind == ComponentKind::Provisioner)
        return run(b->file, tr("Add provisioner %1").arg(type), [&](PipelineEditor &e) {
            return e.insertProvisioner(b->address.build, position, type);
        });
    if (chainPosition >= 0 && position < b->chains.size()) {
        const PipelineNode &head = b->chains.at(position).first();
        if (head.address.kind == BlockAddress::Kind::ChainPostProcessor)
            return run(b->file, tr("Add post-processor %1").arg(type), [&](PipelineEditor &e) {
                return e.insertIntoChain(b->address.build, position, chainPosition, type);
            });
    }
    return run(b->file, tr("Add post-processor %1").arg(type),
        [&](PipelineEditor &e) { return e.insertPostProcessor(b->address.build, position, type); });
}

QString PipelineEditing::remove(const QStringList &nodeIds)
{
    QList<const PipelineNode *> nodes;
    for (const QString &id : nodeIds)
        if (const PipelineNode *n = node(id))
            nodes << n;
    if (nodes.isEmpty())
        return tr("Nothing to delete.");
    std::sort(nodes.begin(), nodes.end(), laterFirst);
    // Copies: the snapshot is only replaced by the next parse, but be safe against it.
    QList<PipelineNode> copies;
    for (const PipelineNode *n : nodes) {
        PipelineNode copy = *n;
        // The last member of a chain takes the chain with it: an empty `[]` entry (or
        // `post-processors {}` block) would be a post-processing step with nothing in it.
        const PipelineBuild *b = build(n->build);
        if (n->kind == NodeKind::PostProcessor && b && n->index < b->chains.size()
            && b->chains.at(n->index).size() == 1
            && n->address.kind == BlockAddress::Kind::ChainPostProcessor) {
            copy.address = BlockAddress::postProcessor(n->address.build, n->address.index);
            copy.address.file = n->address.file;
        }
        copies << copy;
    }
    m_doc->undoStack()->beginMacro(copies.size() == 1 ? tr("Delete %1").arg(copies.first().type)
                                                      : tr("Delete %1 blocks").arg(copies.size()));
    QString error;
    for (const PipelineNode &n : copies) {
        error = run(n.file, tr("Delete"), [&](PipelineEditor &e) { return e.remove(n.address); });
        if (!error.isEmpty())
            break;
    }
    m_doc->undoStack()->endMacro();
    return error;
}

QString PipelineEditing::duplicate(const QStringList &nodeIds)
{
    QList<PipelineNode> copies;
    for (const QString &id : nodeIds)
        if (const PipelineNode *n = node(id))
            copies << *n;
    if (copies.isEmpty())
        return tr("Nothing to duplicate.");
    std::sort(copies.begin(), copies.end(),
        [](const PipelineNode &a, const PipelineNode &b) { return laterFirst(&a, &b); });
    m_doc->undoStack()->beginMacro(tr("Duplicate"));
    QString error;
    for (const PipelineNode &n : copies) {
        error = run(
            n.file, tr("Duplicate"), [&](PipelineEditor &e) { return e.duplicate(n.address); });
        if (!error.isEmpty())
            break;
    }
    m_doc->undoStack()->endMacro();
    return error;
}

QString PipelineEditing::move(const QString &nodeId, int position)
{
    const PipelineNode *n = node(nodeId);
    if (!n)
        return tr("Nothing to move.");
    const PipelineNode copy = *n;
    return run(copy.file, tr("Move %1").arg(copy.type),
        [&](PipelineEditor &e) { return e.move(copy.address, position); });
}

QString PipelineEditing::connectSource(const QString &sourceId, int buildIndex)
{
    if (const QString why = whyUnavailable(Capability::ConnectSources); !why.isEmpty())
        return why;
    const PipelineNode *src = node(sourceId);
    const PipelineBuild *b = build(buildIndex);
    if (!src || !b)
        return tr("Connect a source to a build.");
    const QString ref = QStringLiteral("source.%1.%2").arg(src->type, src->name);
    return run(b->file, tr("Connect %1").arg(ref),
        [&](PipelineEditor &e) { return e.connectSource(b->address.build, ref); });
}

QString PipelineEditing::disconnectSource(const QString &sourceId, int buildIndex)
{
    if (const QString why = whyUnavailable(Capability::ConnectSources); !why.isEmpty())
        return why;
    const PipelineNode *src = node(sourceId);
    const PipelineBuild *b = build(buildIndex);
    if (!src || !b)
        return tr("Disconnect a source from a build.");
    const QString ref = QStringLiteral("source.%1.%2").arg(src->type, src->name);
    return run(b->file, tr("Disconnect %1").arg(ref),
        [&](PipelineEditor &e) { return e.disconnectSource(b->address.build, ref); });
}

QString PipelineEditing::copy(const QStringList &nodeIds, NodeKind *kind) const
{
    QStringList parts;
    for (const QString &id : nodeIds) {
        const PipelineNode *n = node(id);
        if (!n)
            continue;
        if (kind && parts.isEmpty())
            *kind = n->kind;
        PipelineEditor editor(n->file, m_doc->text(n->file));
        parts << editor.blockText(n->address);
    }
    return parts.join(QLatin1Char('\n'));
}

QString PipelineEditing::paste(const QString &text, NodeKind kind, int buildIndex)
{
    const PipelineBuild *b = build(buildIndex);
    // Blocks copied from an HCL file are not JSON values and the other way round: say so
    // rather than hand back the parser's complaint about the pasted text.
    const QString target = kind == NodeKind::Source ? sourceFile() : (b ? b->file : QString());
    const bool jsonText = text.trimmed().startsWith(QLatin1Char('{'))
        || text.trimmed().startsWith(QLatin1Char('"'))
        || text.trimmed().startsWith(QLatin1Char('['));
    if (!target.isEmpty() && jsonText != isJsonFile(target))
        return jsonText ? tr("The copied blocks are JSON; paste them into a JSON template.")
                        : tr("The copied blocks are HCL; paste them into an HCL template.");
    if (kind == NodeKind::Source) {
        return run(sourceFile(), tr("Paste source"), [&](PipelineEditor &e) {
            return e.insertBlockText(0, BlockAddress::Kind::Source, -1, text);
        });
    }
    if (!b)
        return tr("Select a build lane to paste into.");
    const BlockAddress::Kind k = kind == NodeKind::PostProcessor ? BlockAddress::Kind::PostProcessor
                                                                 : BlockAddress::Kind::Provisioner;
    return run(b->file, tr("Paste"),
        [&](PipelineEditor &e) { return e.insertBlockText(b->address.build, k, -1, text); });
}

QString PipelineEditing::setAttribute(
    const QString &nodeId, const QString &key, const QString &expression)
{
    const PipelineNode *n = node(nodeId);
    if (!n)
        return tr("No such block.");
    const PipelineNode copy = *n;
    QString value = expression;
    // Legacy templates never interpolate `${`: a string the typed editors quoted the HCL
    // way ("$${") is written as the JSON string of its value instead.
    QString plain;
    if (isLegacy() && BlockAttributes::isPlainString(expression, &plain)) {
        // A builder's name is its label: renaming keeps the only/except lists and
        // override keys that name it in step.
        if (copy.kind == NodeKind::Source && key == QLatin1String("name"))
            return run(copy.file, tr("Set %1").arg(key), [&](PipelineEditor &e) {
                return e.renameBlock(copy.address, {copy.type, plain});
            });
        value = QString::fromUtf8(hcl::edit::JsonTextEditor::quote(plain));
    } else if (isJsonFile(copy.file)) {
        if (const auto json = literalJson(expression))
            value = *json;
    }
    return run(copy.file, tr("Set %1").arg(key),
        [&](PipelineEditor &e) { return e.setAttribute(copy.address, key, value); });
}

QString PipelineEditing::removeAttribute(const QString &nodeId, const QString &key)
{
    const PipelineNode *n = node(nodeId);
    if (!n)
        return tr("No such block.");
    const PipelineNode copy = *n;
    return run(copy.file, tr("Clear %1").arg(key),
        [&](PipelineEditor &e) { return e.removeAttribute(copy.address, key); });
}

bool PipelineEditing::spanOf(const QString &nodeId, int *start, int *end) const
{
    const PipelineNode *n = node(nodeId);
    if (!n || !n->range.isValid())
        return false;
    *start = m_doc->utf16Offset(n->file, n->range.start.byte);
    *end = m_doc->utf16Offset(n->file, n->range.end.byte);
    return true;
}

} // namespace kiln::models

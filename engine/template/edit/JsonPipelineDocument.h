#pragma once

#include "engine/hcl/edit/JsonTextEditor.h"
#include "engine/hcl/json/JsonValue.h"
#include "engine/template/Components.h"
#include "engine/template/edit/PipelineDocument.h"

namespace kiln::tmpl::edit {

// A template in HCL's JSON syntax (*.pkr.json). Blocks are JSON objects
// nested by block type and labels (`"source": {"docker": {"ubuntu": {...}}}`);
// a build's provisioners and post-processors are written, as Packer's docs
// do, as an array of one-member objects (`"provisioner": [{"shell": {...}}]`)
// or as one object keyed by type. Edits keep key order and indentation.
// Reordering and inserting need the array form (an object has no order HCL
// keeps for blocks of different types). Post-processor chains
// (`post-processors`) are not addressed in this syntax.
class JsonPipelineDocument : public PipelineDocument
{
public:
    JsonPipelineDocument(QString fileName, QString text);

    std::optional<hcl::SourceRange> rangeOf(const BlockAddress &address) const override;
    std::optional<BlockAddress> blockAt(int byte) const override;
    int buildCount() const override;
    int count(int build, Kind kind, int chain) const override;

    EditResult addSource(
        const QString &type, const QString &name, const Attributes &attrs) override;
    EditResult connectSource(int build, const QString &sourceRef) override;
    EditResult disconnectSource(int build, const QString &sourceRef) override;
    EditResult insertBlock(int build, Kind kind, int chain, int position, const QString &type,
        const Attributes &attrs) override;
    EditResult move(const BlockAddress &from, int toPosition) override;
    EditResult remove(const BlockAddress &address) override;
    QString blockText(const BlockAddress &address) const override;
    EditResult duplicate(const BlockAddress &address) override;
    EditResult insertBlockText(int build, Kind kind, int position, const QString &text) override;
    EditResult renameBlock(const BlockAddress &address, const QStringList &labels) override;
    EditResult setAttribute(
        const BlockAddress &address, const QString &key, const QString &expression) override;
    EditResult removeAttribute(const BlockAddress &address, const QString &key) override;

protected:
    QString syntaxName() const override { return QStringLiteral("HCL JSON templates"); }
    QString checkParses(const QByteArray &bytes) const override;

private:
    // One provisioner or post-processor of a build.
    struct Entry
    {
        QString type;
        const hcl::json::JsonValue *body = nullptr; // the block's object
        const hcl::json::JsonValue *container = nullptr; // array (array form) or object
        int indexInContainer = -1;
        // The range the entry occupies: the `{"type": {...}}` element, or
        // the `"type": {...}` member.
        hcl::SourceRange range;
    };
    // A block found by address: its body object, the container it sits in
    // and where (for removal).
    struct Found
    {
        const hcl::json::JsonValue *body = nullptr;
        const hcl::json::JsonValue *container = nullptr;
        int index = -1;
        hcl::SourceRange range;
        QStringList labels; // source/variable/data labels; an entry's type
    };

    QList<const hcl::json::JsonValue *> builds() const;
    QList<Entry> entries(const hcl::json::JsonValue &build, const QString &key) const;
    QList<Found> labelled(const QString &blockType, int depth) const;
    std::optional<Found> find(const BlockAddress &address, QString *error) const;
    QList<Entry> entriesFor(int build, Kind kind, QString *error) const;
    // Removes item `index` of `container`, or the container itself when it
    // would be left empty.
    hcl::edit::ByteEdit removal(const hcl::json::JsonValue *container, int index) const;
    // The container holding `child` and its index there.
    static std::optional<QPair<const hcl::json::JsonValue *, int>> parentOf(
        const hcl::json::JsonValue &node, const hcl::json::JsonValue *child);
    std::optional<hcl::edit::ByteEdit> sourceUseRemoval(
        const hcl::json::JsonValue &build, const SourceRef &ref) const;
    hcl::edit::JsonTextEditor editor() const { return hcl::edit::JsonTextEditor(source()); }

    hcl::json::JsonValue m_root;
};

} // namespace kiln::tmpl::edit

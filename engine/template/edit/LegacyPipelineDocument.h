#pragma once

#include "engine/hcl/edit/JsonTextEditor.h"
#include "engine/hcl/json/JsonValue.h"
#include "engine/template/edit/PipelineDocument.h"

namespace kiln::tmpl::edit {

// A legacy Packer JSON template: `builders`, `provisioners` and
// `post-processors` arrays make one implicit build (number 0). Builders are
// its sources (labels {type, name}, the name defaulting to the type);
// post-processing entries are a type string, an object, or an array (a
// chain). Values are JSON; an expression that is not JSON is written as a
// string, where legacy templates put their {{ }} interpolations.
class LegacyPipelineDocument : public PipelineDocument
{
public:
    LegacyPipelineDocument(QString fileName, QString text);

    std::optional<hcl::SourceRange> rangeOf(const BlockAddress &address) const override;
    std::optional<BlockAddress> blockAt(int byte) const override;
    int buildCount() const override { return 1; }
    int count(int build, Kind kind, int chain) const override;

    EditResult addSource(
        const QString &type, const QString &name, const Attributes &attrs) override;
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
    QString syntaxName() const override { return QStringLiteral("legacy JSON templates"); }
    QString checkParses(const QByteArray &bytes) const override;

private:
    struct Found
    {
        const hcl::json::JsonValue *value = nullptr; // the block: object, or a type string
        const hcl::json::JsonValue *container = nullptr; // the array (or variables object)
        int index = -1;
        hcl::SourceRange range;
    };

    // The array of `kind` siblings (chain: the chain's array), or null.
    const hcl::json::JsonValue *array(int build, Kind kind, int chain, QString *error) const;
    std::optional<Found> find(const BlockAddress &address, QString *error) const;
    static QByteArray jsonValue(const QString &expression);
    // A builder copy named "<name>-copy" (legacy builder names must stay unique).
    EditResult duplicateBuilder(const BlockAddress &address);
    // `builderText` (one builder object) with a fresh "name" if its name is taken.
    QByteArray uniquelyNamed(const QByteArray &builderText) const;
    // Edits renaming builder `from` in every only/except list and override key.
    QList<hcl::edit::ByteEdit> builderRenames(const QString &from, const QString &to) const;
    hcl::edit::JsonTextEditor editor() const { return hcl::edit::JsonTextEditor(source()); }

    hcl::json::JsonValue m_root;
};

} // namespace kiln::tmpl::edit

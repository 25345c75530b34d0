#pragma once

#include "engine/hcl/Ast.h"
#include "engine/hcl/edit/NativeBodyEditor.h"
#include "engine/template/Components.h"
#include "engine/template/edit/PipelineDocument.h"

namespace kiln::tmpl::edit {

// A template in HCL native syntax (*.pkr.hcl). Blocks are found in the
// parsed tree; edits are computed on its byte ranges. When the file was
// `packer fmt`-clean, results are formatted too, so alignment of `=` in a
// touched block follows fmt while untouched lines stay as they were.
class NativePipelineDocument : public PipelineDocument
{
public:
    NativePipelineDocument(QString fileName, QString text);

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
    EditResult moveToBuild(const BlockAddress &from, int toBuild, int toPosition) override;
    EditResult remove(const BlockAddress &address) override;
    EditResult duplicate(const BlockAddress &address) override;
    QString blockText(const BlockAddress &address) const override;
    EditResult insertBlockText(int build, Kind kind, int position, const QString &text) override;
    EditResult setAttribute(
        const BlockAddress &address, const QString &key, const QString &expression) override;
    EditResult removeAttribute(const BlockAddress &address, const QString &key) override;
    EditResult renameBlock(const BlockAddress &address, const QStringList &labels) override;
    EditResult addBuild(const QString &name) override;
    EditResult addVariable(
        const QString &name, const QString &type, const QString &defaultExpr) override;

protected:
    QString syntaxName() const override { return QStringLiteral("HCL templates"); }
    QString checkParses(const QByteArray &bytes) const override;
    QByteArray normalize(const QByteArray &bytes) const override;

private:
    using Blocks = QList<const hcl::syntax::Block *>;

    const hcl::syntax::Body &root() const { return *m_root; }
    static Blocks blocksOf(
        const hcl::syntax::Body &body, std::initializer_list<const char *> types);
    const hcl::syntax::Block *buildBlock(int build, QString *error) const;
    // The siblings an address of `kind` counts among, in build `build`
    // (chain: the post-processing entry holding the chain).
    Blocks siblings(int build, Kind kind, int chain, QString *error) const;
    // The block an address names, or null with *error set.
    const hcl::syntax::Block *resolve(const BlockAddress &address, QString *error) const;
    const hcl::syntax::Attribute *resolveLocal(const BlockAddress &address, QString *error) const;
    // Whether the siblings are separated by blank lines (true when unknown).
    bool separated(const hcl::edit::NativeBodyEditor &body, const Blocks &siblings) const;
    // Where new text for a block of `kind` goes among `siblings` at `position`.
    hcl::edit::ByteEdit place(const hcl::edit::NativeBodyEditor &body, const Blocks &siblings,
        int position, const Blocks &followers, const QByteArray &lines) const;
    // Where a new block (rendered at the right indent by `render`) goes in a build.
    std::optional<hcl::edit::ByteEdit> placementInBuild(int build, Kind kind, int chain,
        int position, const std::function<QByteArray(const QByteArray &indent)> &render,
        QString *error) const;
    // Places a new block (rendered at the right indent by `render`) in a build.
    EditResult placeInBuild(int build, Kind kind, int chain, int position,
        const std::function<QByteArray(const QByteArray &indent)> &render) const;
    // Places a new top-level block after the last one of `type`, else before
    // the first of `before` (else at the end).
    hcl::edit::ByteEdit placeTopLevel(const QString &type,
        std::initializer_list<const char *> before, const QByteArray &lines) const;
    // The edit removing `ref` from the build's `sources` list or its
    // `source "..." {}` use block; nullopt when the build does not use it.
    std::optional<hcl::edit::ByteEdit> sourceUseRemoval(
        const hcl::syntax::Block &build, const SourceRef &ref) const;
    // Where the build names `ref` (a quoted `sources` element or the label
    // of a use block), as a byte range.
    std::optional<QPair<int, int>> sourceUseRange(
        const hcl::syntax::Block &build, const SourceRef &ref) const;
    // Edits renaming "type.name" entries of every `only`/`except` list.
    QList<hcl::edit::ByteEdit> onlyExceptRenames(const QString &from, const QString &to) const;
    QString checkExpression(const QString &expression) const;

    hcl::File m_file;
    std::shared_ptr<hcl::syntax::Body> m_root;
    // Whether the input was `packer fmt`-clean; worked out on the first edit
    // only, so lookups (blockAt on every cursor move) stay cheap.
    mutable std::optional<bool> m_fmtClean;
};

} // namespace kiln::tmpl::edit

#pragma once

// Graph edits as surgical text edits. The template text is the source of
// truth (DESIGN.md): the designer never regenerates a file, it asks this class
// for the few text edits that make the change, and everything it did not touch
// (comments, blank lines, ordering, odd formatting) stays byte for byte.
//
// Each PipelineEditor is a snapshot: it parses the text it is given once and
// every operation answers with edits against that same text. After applying
// a result, make a new PipelineEditor over the new text.
//
// Syntax is chosen by file name: *.pkr.json / *.hcl.json use HCL's JSON syntax,
// other *.json files are legacy Packer JSON templates (`builders`,
// `provisioners`, `post-processors` arrays; one implicit build, number 0),
// everything else is HCL native syntax.
//
// New text follows the file: blocks are indented with the file's indent unit
// (two spaces, as `packer fmt`, when nothing tells otherwise), blank lines
// between siblings follow how the existing ones are spaced (one blank line
// between blocks when there is nothing to follow), and when the input was
// `packer fmt`-clean the result is too (alignment of `=` in the touched block
// included). Every result is reparsed before it is handed out: an edit that
// would not parse (a malformed expression, say) is refused with the parser's
// message instead.
//
// What each syntax offers: native HCL everything below. HCL JSON: sources,
// provisioners and standalone post-processors (insert, move, remove,
// duplicate, paste, rename, attributes, connect/disconnect); chains and
// moveToBuild are refused. Legacy JSON: builders (as sources), provisioners,
// post-processors and chains (insert, move, remove, duplicate, paste, rename,
// attributes). Refusals are ordinary failed results naming the operation.
//
// Undo: apply hcl::edit::diffEdits(file, newText, oldText) to go back; the
// result's `text` is the new document.
//
// Positions (`position`, `toPosition`) count among the siblings the operation
// works on: provisioners of a build, entries of its post-processing list, or
// post-processors of a chain. -1 or a position past the end means "append".
// Expression arguments are HCL expression text (`"ubuntu"`, `var.x`, `[1, 2]`);
// in JSON files they are written as the equivalent JSON value ("${var.x}" for
// anything that is not plain JSON).
//
// Thread-safety: an instance is immutable after construction; const use from
// several threads is safe.

#include "engine/hcl/SourceRange.h"
#include "engine/hcl/edit/TextEdit.h"
#include "engine/template/edit/BlockAddress.h"
#include "engine/template/edit/EditResult.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace kiln::tmpl::edit {

class PipelineDocument;

class PipelineEditor
{
public:
    // Attribute name and expression text, in the order they are to be written.
    using Attributes = QList<QPair<QString, QString>>;

    PipelineEditor(QString fileName, QString text);
    ~PipelineEditor();
    PipelineEditor(const PipelineEditor &) = delete;
    PipelineEditor &operator=(const PipelineEditor &) = delete;

    const QString &fileName() const;
    const QString &text() const;
    // Empty when the text parsed; otherwise the first syntax error as
    // "file:line,col-col: Summary; detail", and every operation fails with it.
    QString parseError() const;

    // Where a block is (whole block, through its closing brace), for
    // select-in-text. rangeOf gives bytes and line/columns, spanOf UTF-16 offsets.
    std::optional<hcl::SourceRange> rangeOf(const BlockAddress &address) const;
    std::optional<hcl::edit::TextSpan> spanOf(const BlockAddress &address) const;
    // The innermost pipeline block containing the UTF-16 offset `offset`.
    std::optional<BlockAddress> blockAt(qsizetype offset) const;
    // How many builds / provisioners / post-processing entries / chain members there are.
    int buildCount() const;
    int count(int build, BlockAddress::Kind kind, int chain = -1) const;

    // New `source "type" "name" {}` after the last source (else before the first build).
    EditResult addSource(const QString &type, const QString &name, const Attributes &attrs = {});
    // Adds / removes "source.type.name" in the build's `sources = [...]` list.
    EditResult connectSource(int build, const QString &sourceRef);
    EditResult disconnectSource(int build, const QString &sourceRef);

    EditResult insertProvisioner(
        int build, int position, const QString &type, const Attributes &attrs = {});
    // A standalone `post-processor` block as entry `position` of the post-processing list.
    EditResult insertPostProcessor(
        int build, int position, const QString &type, const Attributes &attrs = {});
    // A `post-processor` inside the `post-processors` chain at list entry `chain`.
    EditResult insertIntoChain(
        int build, int chain, int position, const QString &type, const Attributes &attrs = {});

    // Reorders a provisioner, a post-processing entry or a chain member among its siblings.
    EditResult move(const BlockAddress &from, int toPosition);
    // Moves a provisioner or post-processing entry to position `toPosition`
    // of another build (drag between lanes), comments included, in one result.
    EditResult moveToBuild(const BlockAddress &from, int toBuild, int toPosition);
    // Removes the block's lines with the comments attached above it and one
    // separating blank line, so no double blank line is left behind. A
    // removed source is also disconnected from this file's builds.
    EditResult remove(const BlockAddress &address);
    // A copy of the block right after it (a source copy gets a fresh name).
    EditResult duplicate(const BlockAddress &address);
    // The block's text, attached comments included, dedented (for copy).
    QString blockText(const BlockAddress &address) const;
    // Pastes blockText() output as entry `position` among the build's `kind`
    // blocks (Provisioner, PostProcessor), re-indented to fit. kind Source
    // (build ignored) pastes a top-level source block.
    EditResult insertBlockText(
        int build, BlockAddress::Kind kind, int position, const QString &text);

    // Sets `key = expressionText`: replaces only the expression of an existing
    // attribute (its key and trailing comment stay), else adds the line.
    EditResult setAttribute(
        const BlockAddress &address, const QString &key, const QString &expressionText);
    EditResult removeAttribute(const BlockAddress &address, const QString &key);
    // Rewrites the labels of a source, variable, data, provisioner or
    // post-processor block (a provisioner's only label is its type). A
    // renamed source keeps its uses in this file: `sources` lists, `source`
    // use blocks and only/except entries follow (legacy: builder names in
    // only/except and override). Variable references (`var.x`) do not.
    EditResult renameBlock(const BlockAddress &address, const QStringList &newLabels);

    EditResult addBuild(const QString &name = {});
    // `variable "name" { type = <type> default = <defaultExpr> }`; empty
    // type/default leave that attribute out.
    EditResult addVariable(const QString &name, const QString &type, const QString &defaultExpr);

private:
    std::unique_ptr<PipelineDocument> d;
};

} // namespace kiln::tmpl::edit

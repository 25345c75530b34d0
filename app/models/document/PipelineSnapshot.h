#pragma once

// A plain, copyable picture of a template's pipeline, made from one parse of its
// text: what the graph draws and what the inspector, the palette drops and the
// selection sync refer to. Every item keeps where it is written (file and ranges)
// so that a click can jump to the text and a diagnostic can be pinned on it.

#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/SourceRange.h"
#include "engine/template/edit/BlockAddress.h"

#include <QList>
#include <QString>
#include <optional>

namespace kiln::models {

enum class NodeKind {
    Source, // a top-level source block (a builder)
    Provisioner,
    ErrorCleanupProvisioner,
    PostProcessor,
    Variable,
    Local,
    DataSource,
};

// "source", "provisioner", ... as shown in the graph and the inspector.
QString nodeKindName(NodeKind kind);

struct PipelineNode
{
    NodeKind kind = NodeKind::Source;
    QString type; // component type ("shell", "docker"); the variable's type for variables
    QString name; // block name (source/data/local/variable name, or a provisioner's `name`)
    QString file; // the file that holds the block
    hcl::SourceRange range; // the whole block, through its closing brace
    hcl::SourceRange defRange; // the header: type and labels
    int build = -1; // lane index for provisioners and post-processors
    int index = -1; // position in its list: provisioner order, post-processor chain
    int chainPosition = -1; // post-processors: position inside the chain
    bool connected = true; // sources: used by at least one build
    hcl::Diagnostics diagnostics; // those whose subject lies inside `range`
    // What PipelineEditor calls this block (file-relative build numbers, chain entries).
    tmpl::edit::BlockAddress address;

    // A key that survives unrelated edits, for the layout sidecar and selection:
    // "source.docker.ubuntu", "build.0.provisioner.2", "variable.region", ...
    QString id;
    bool hasErrors() const { return diagnostics.hasErrors(); }
};

// One source used by a build (`sources = [...]` entry or `source "x" {}` block).
struct SourceUse
{
    int source = -1; // index into PipelineSnapshot::sources, -1 if it names no known source
    QString ref; // "type.name" as written
    QString localName; // `name = ...` of a source block inside the build
    hcl::SourceRange range;
};

struct PipelineBuild
{
    QString name; // `name = ...`; empty if unnamed
    QString file;
    hcl::SourceRange range;
    hcl::SourceRange defRange;
    QList<SourceUse> sources;
    QList<PipelineNode> provisioners; // in run order
    std::optional<PipelineNode> errorCleanup;
    QList<QList<PipelineNode>> chains; // a lone post-processor is a chain of one
    hcl::Diagnostics diagnostics; // inside the build but on none of its nodes
    tmpl::edit::BlockAddress address; // build number within its file

    QString id() const;
    QString label() const; // the name, or "build #n"
    int index = 0;
};

enum class TemplateSyntax { Hcl2Native, Hcl2Json, LegacyJson };

struct PipelineSnapshot
{
    TemplateSyntax syntax = TemplateSyntax::Hcl2Native;
    QList<PipelineNode> sources;
    QList<PipelineBuild> builds;
    QList<PipelineNode> variables;
    QList<PipelineNode> locals;
    QList<PipelineNode> dataSources;
    hcl::Diagnostics diagnostics; // every diagnostic of the parse
    hcl::Diagnostics unplaced; // the ones on no node and no build
    bool structureValid = false; // false when the text did not parse: keep the last valid one

    // Every node (sources, lanes' nodes, variables, locals, data) in a stable order.
    QList<const PipelineNode *> allNodes() const;
    const PipelineNode *node(const QString &id) const;
    // The innermost node whose range holds `byte` of `file`; null if none.
    const PipelineNode *nodeAt(const QString &file, int byte) const;
    // Pins every diagnostic with a subject on the innermost node (or build) containing it.
    void assignDiagnostics(const hcl::Diagnostics &diags);
};

} // namespace kiln::models

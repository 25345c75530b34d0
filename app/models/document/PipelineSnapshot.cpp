#include "app/models/document/PipelineSnapshot.h"

#include <QCoreApplication>

namespace kiln::models {

QString nodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Source:
        return QStringLiteral("source");
    case NodeKind::Provisioner:
        return QStringLiteral("provisioner");
    case NodeKind::ErrorCleanupProvisioner:
        return QStringLiteral("error-cleanup-provisioner");
    case NodeKind::PostProcessor:
        return QStringLiteral("post-processor");
    case NodeKind::Variable:
        return QStringLiteral("variable");
    case NodeKind::Local:
        return QStringLiteral("local");
    case NodeKind::DataSource:
        return QStringLiteral("data");
    }
    return {};
}

QString PipelineBuild::id() const
{
    return QStringLiteral("build.%1").arg(index);
}

QString PipelineBuild::label() const
{
    return name.isEmpty()
        ? QCoreApplication::translate("kiln::models::PipelineBuild", "build #%1").arg(index + 1)
        : name;
}

QList<const PipelineNode *> PipelineSnapshot::allNodes() const
{
    QList<const PipelineNode *> out;
    for (const PipelineNode &n : sources)
        out << &n;
    for (const PipelineBuild &b : builds) {
        for (const PipelineNode &n : b.provisioners)
            out << &n;
        if (b.errorCleanup)
            out << &*b.errorCleanup;
        for (const auto &chain : b.chains)
            for (const PipelineNode &n : chain)
                out << &n;
    }
    for (const PipelineNode &n : variables)
        out << &n;
    for (const PipelineNode &n : locals)
        out << &n;
    for (const PipelineNode &n : dataSources)
        out << &n;
    return out;
}

const PipelineNode *PipelineSnapshot::node(const QString &id) const
{
    for (const PipelineNode *n : allNodes())
        if (n->id == id)
            return n;
    return nullptr;
}

namespace {

bool holds(const hcl::SourceRange &r, const QString &file, int byte)
{
    // A zero-width diagnostic at the very end of a block still belongs to it.
    return r.filename == file && byte >= r.start.byte && byte < qMax(r.end.byte, r.start.byte + 1);
}

} // namespace

const PipelineNode *PipelineSnapshot::nodeAt(const QString &file, int byte) const
{
    const PipelineNode *best = nullptr;
    for (const PipelineNode *n : allNodes())
        if (holds(n->range, file, byte)
            && (!best
                || n->range.end.byte - n->range.start.byte
                    < best->range.end.byte - best->range.start.byte))
            best = n;
    return best;
}

void PipelineSnapshot::assignDiagnostics(const hcl::Diagnostics &diags)
{
    diagnostics = diags;
    unplaced.clear();
    for (const PipelineNode *n : allNodes())
        const_cast<PipelineNode *>(n)->diagnostics.clear();
    for (PipelineBuild &b : builds)
        b.diagnostics.clear();
    for (const hcl::Diagnostic &d : diags) {
        if (!d.subject) {
            unplaced << d;
            continue;
        }
        const int byte = d.subject->start.byte;
        if (const PipelineNode *n = nodeAt(d.subject->filename, byte)) {
            const_cast<PipelineNode *>(n)->diagnostics << d;
            continue;
        }
        bool placed = false;
        for (PipelineBuild &b : builds) {
            if (holds(b.range, d.subject->filename, byte)) {
                b.diagnostics << d;
                placed = true;
                break;
            }
        }
        if (!placed)
            unplaced << d;
    }
}

} // namespace kiln::models

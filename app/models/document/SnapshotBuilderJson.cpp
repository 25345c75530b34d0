// SnapshotBuilder's pass over JSON files: the engine keeps their blocks by key only,
// PipelineEditor knows each block's whole JSON extent.
#include "app/models/document/SnapshotBuilder.h"
#include "engine/template/edit/PipelineEditor.h"

#include <map>
#include <memory>

namespace kiln::models {

void SnapshotBuilder::placeJsonBlocks(PipelineSnapshot &s, const QMap<QString, QByteArray> &files)
{
    using tmpl::edit::BlockAddress;
    std::map<QString, std::unique_ptr<tmpl::edit::PipelineEditor>> editors;
    auto editorFor = [&](const QString &file) -> tmpl::edit::PipelineEditor * {
        if (!file.endsWith(QLatin1String(".json")) || !files.contains(file))
            return nullptr;
        auto &slot = editors[file];
        if (!slot)
            slot = std::make_unique<tmpl::edit::PipelineEditor>(
                file, QString::fromUtf8(files.value(file)));
        return slot->parseError().isEmpty() ? slot.get() : nullptr;
    };
    auto place = [&](PipelineNode &n) {
        tmpl::edit::PipelineEditor *e = editorFor(n.file);
        if (!e)
            return;
        if (const auto r = e->rangeOf(n.address)) {
            n.range = *r;
            n.range.filename = n.file;
        }
    };
    for (PipelineNode &n : s.sources)
        place(n);
    for (PipelineNode &n : s.dataSources)
        place(n);
    for (PipelineBuild &b : s.builds) {
        if (tmpl::edit::PipelineEditor *e = editorFor(b.file)) {
            if (const auto r = e->rangeOf(b.address)) {
                b.range = *r;
                b.range.filename = b.file;
            }
            if (s.syntax != TemplateSyntax::LegacyJson) {
                // The engine tells chain members from standalone post-processors by the
                // native tree only; in HCL JSON a list entry of several is a chain, and
                // addressing its members as such makes edits on them refused by name
                // instead of acting on the whole chain.
                for (int c = 0; c < b.chains.size(); ++c)
                    if (b.chains[c].size() > 1)
                        for (int k = 0; k < b.chains[c].size(); ++k) {
                            PipelineNode &n = b.chains[c][k];
                            n.address = BlockAddress::chainPostProcessor(b.address.build, c, k);
                            n.address.file = n.file;
                        }
            } else {
                // ["compress"] is a chain of one: members are addressed inside the array.
                for (int c = 0; c < b.chains.size(); ++c)
                    if (b.chains[c].size() == 1
                        && e->count(b.address.build, BlockAddress::Kind::ChainPostProcessor, c)
                            == 1) {
                        PipelineNode &n = b.chains[c][0];
                        n.address = BlockAddress::chainPostProcessor(b.address.build, c, 0);
                        n.address.file = n.file;
                    }
            }
        }
        for (PipelineNode &n : b.provisioners)
            place(n);
        if (b.errorCleanup)
            place(*b.errorCleanup);
        for (auto &chain : b.chains)
            for (PipelineNode &n : chain)
                place(n);
    }
}

} // namespace kiln::models

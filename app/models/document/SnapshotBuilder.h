#pragma once

#include "app/models/document/PipelineSnapshot.h"

#include <QByteArray>
#include <QMap>
#include <functional>

namespace kiln::tmpl {
class Template;
namespace legacy {
struct LegacyTemplate;
}
} // namespace kiln::tmpl

namespace kiln::models {

// Turns what the engine parsed into a PipelineSnapshot. The engine keeps only
// block headers for most items; the whole extent of each block (what the text
// view selects and what diagnostics are matched against) is looked up in the
// native syntax trees of the template's files.
class SnapshotBuilder
{
public:
    // Maps a file name as the engine saw it to the document's name for it (the
    // parse may run on a scratch copy of unsaved text).
    using FileMapper = std::function<QString(const QString &)>;

    static PipelineSnapshot fromTemplate(const tmpl::Template &tpl, const FileMapper &mapFile);
    static PipelineSnapshot fromLegacy(
        const tmpl::legacy::LegacyTemplate &tpl, const QString &file);

    // The engine keeps JSON blocks by their keys only: gives every node and build of a
    // *.json file the whole extent PipelineEditor knows for its address (what select-in-text
    // and text-to-graph sync use), and marks legacy post-processing entries written as an
    // array of one as chains. `files` holds the current text of each file by name.
    static void placeJsonBlocks(PipelineSnapshot &snapshot, const QMap<QString, QByteArray> &files);

    // Rewrites every file name inside the diagnostics through `mapFile`.
    static hcl::Diagnostics mapDiagnostics(
        const hcl::Diagnostics &diags, const FileMapper &mapFile);
};

} // namespace kiln::models

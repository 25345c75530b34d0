#pragma once

#include "app/models/document/PipelineSnapshot.h"

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

    // Rewrites every file name inside the diagnostics through `mapFile`.
    static hcl::Diagnostics mapDiagnostics(
        const hcl::Diagnostics &diags, const FileMapper &mapFile);
};

} // namespace kiln::models

#pragma once

#include "app/models/document/PipelineSnapshot.h"

#include <QByteArray>
#include <QMap>
#include <QSet>
#include <QString>

namespace kiln::registry {
class Registry;
}

namespace kiln::models {

// What one reparse needs: a copy of the text (so it can run on a worker thread
// while the user keeps typing) and where the template lives.
struct ParseRequest
{
    QString rootPath; // the file or directory the user opened
    bool directory = false;
    TemplateSyntax syntax = TemplateSyntax::Hcl2Native;
    QMap<QString, QByteArray> files; // the template's own files by absolute path, as in the editor
    QSet<QString> unsaved; // paths whose text differs from the disk
    const registry::Registry *registry = nullptr;
    quint64 generation = 0;
};

struct ParseOutcome
{
    PipelineSnapshot snapshot; // structureValid false when the text did not parse
    hcl::Diagnostics diagnostics; // file names are the document's
    quint64 generation = 0;
    qint64 elapsedUs = 0;
};

// Parses a template the way `kiln validate` does (parse, initialize without running
// data sources, per-build schema checks) and turns it into a snapshot. Pure: safe to
// run on any thread. Unsaved HCL2 text is parsed from a scratch copy of the template's
// files whose names are mapped back, while path.root stays the real directory so
// file() and templatefile() calls resolve as they will at build time.
class TemplateParser
{
public:
    static ParseOutcome parse(const ParseRequest &request);
};

} // namespace kiln::models

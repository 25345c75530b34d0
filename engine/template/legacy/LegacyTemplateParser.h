#pragma once

#include "engine/hcl/Diagnostic.h"
#include "engine/template/legacy/LegacyTemplate.h"

#include <QByteArray>
#include <QString>

namespace kiln::tmpl::legacy {

struct LegacyParseResult
{
    LegacyTemplate tmpl; // meaningful only when diagnostics has no errors
    hcl::Diagnostics diagnostics;
};

// Reads a legacy JSON template as packer-plugin-sdk's template.Parse does:
// strict JSON, no duplicate keys anywhere, mapstructure's typing of the root
// keys, unknown root keys rejected unless they start with `_`, then the
// builders, post-processors, provisioners and error-cleanup-provisioner. Every
// diagnostic keeps Packer's message as its summary and points at the value it
// is about. Like Packer it stops after the first failing stage (syntax,
// duplicates, root typing, root keys, content), reporting all errors of it.
class LegacyTemplateParser
{
public:
    static LegacyParseResult parse(const QByteArray &source, const QString &filename);
    // Reads the file; `path` is made absolute and stored in tmpl.path.
    static LegacyParseResult parseFile(const QString &path);

    // Whether the text looks like a legacy JSON template rather than HCL2
    // JSON (`.pkr.json`): Packer decides by the file extension, this helps
    // tools that only have the text (a JSON object with a `builders` key).
    static bool looksLegacy(const QByteArray &source);
};

} // namespace kiln::tmpl::legacy

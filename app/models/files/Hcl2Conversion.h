#pragma once

#include "engine/hcl/Diagnostic.h"

#include <QString>
#include <QStringList>

namespace kiln::registry {
class Registry;
}

namespace kiln::models {

// File ▸ Upgrade to HCL2: what `kiln hcl2_upgrade TEMPLATE` writes, computed
// in memory from the legacy JSON text the designer holds (unsaved edits included).
struct Hcl2Conversion
{
    QString text; // the .pkr.hcl text; empty when the JSON did not parse
    QString suggestedPath; // "<template>.pkr.hcl", as hcl2_upgrade names its output
    hcl::Diagnostics diagnostics; // why the JSON could not be read
    QStringList errors; // the upgrader's "Ignoring following ..." lines
    bool ok() const { return !diagnostics.hasErrors(); }

    // Builder types unknown to `registry` are reported in errors, like the CLI.
    static Hcl2Conversion run(const QString &jsonText, const QString &templatePath,
        const registry::Registry &registry, bool withAnnotations = false);
};

} // namespace kiln::models

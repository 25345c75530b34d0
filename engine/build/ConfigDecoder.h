#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/hcl/Body.h"
#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/eval/EvalContext.h"
#include "engine/registry/ConfigSchema.h"

#include <QStringList>

namespace kiln::build {

// Decodes a component block's body into a ComponentConfig against the component's schema:
// every attribute is evaluated in `ctx` and converted to its field's type, nested blocks
// become lists of objects. Packer's hcldec.Decode with the plugin's spec.
//
// The values of sensitive variables are unmarked here; their strings go to *secrets so
// the build's SecretFilter hides them wherever they are printed.
class ConfigDecoder
{
public:
    static ComponentConfig decode(const hcl::BodyPtr &body, const registry::ConfigSchema &schema,
                                  const hcl::EvalContext &ctx, hcl::Diagnostics &diags, QStringList *secrets = nullptr);

    // Every string inside a value that carries the sensitive mark.
    static void collectSensitive(const hcl::Value &value, QStringList &out);
};

} // namespace kiln::build

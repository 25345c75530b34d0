#pragma once

#include "engine/hcl/Body.h"
#include "engine/hcl/eval/EvalContext.h"
#include "engine/registry/ConfigSchema.h"

namespace kiln::tmpl {

// Checks a component block's body against the component's ConfigSchema, the
// way Packer does by decoding it with the plugin's hcldec spec and then running
// the plugin's Prepare:
//   - unknown arguments and blocks: HCL's "Unsupported argument" / "Unsupported
//     block type" with its did-you-mean;
//   - missing required arguments: "Missing required argument";
//   - values of the wrong type: "Incorrect attribute value type" (values that
//     are unknown at validation time pass);
//   - repeated single blocks: "Duplicate <name> block";
//   - mutually exclusive keys, malformed durations and values outside an enum:
//     the messages the plugin's Prepare would give, returned separately so the
//     caller can wrap them as Packer does for that kind of component.
class SchemaValidator
{
public:
    struct Result
    {
        hcl::Diagnostics diagnostics; // decoding errors, each with its range
        QStringList prepareErrors; // plugin-level problems, in Packer's wording
    };

    Result validate(const hcl::BodyPtr &body, const registry::ConfigSchema &schema, const hcl::EvalContext *ctx) const;

    // Both kinds as diagnostics: prepare errors become one error in the plugin
    // SDK's "N error(s) occurred" form, placed on the body's missing-item range.
    hcl::Diagnostics validateBody(const hcl::BodyPtr &body, const registry::ConfigSchema &schema,
                                  const hcl::EvalContext *ctx) const;

    // packer-plugin-sdk's MultiError text: "1 error(s) occurred:\n\n* a\n* b".
    static QString multiErrorText(const QStringList &errors);

    // The cty type a field's value must convert to (string for durations,
    // paths and enums; dynamic for `any`).
    static hcl::Type valueType(const registry::Field &field);

private:
    void check(const hcl::BodyPtr &body, const registry::ConfigSchema &schema, const hcl::EvalContext *ctx,
               Result &out) const;
};

} // namespace kiln::tmpl

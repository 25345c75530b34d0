#pragma once

#include "engine/build/CancelToken.h"
#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/eval/EvalContext.h"
#include "engine/registry/ComponentDescriptor.h"
#include "engine/template/Components.h"

namespace kiln::build {

// Executes a data source block for `build` and `validate -evaluate-datasources`: decodes
// its body, configures and runs the component, and returns its value shaped by the
// descriptor's outputs schema. Errors are diagnostics at the block's header, worded as
// Packer's (the component's own message as the summary).
class DataSourceRunner
{
public:
    static hcl::Value execute(const tmpl::DataSourceBlock &block, const registry::ComponentDescriptor &descriptor,
                              const hcl::EvalContext &ctx, const CancelTokenPtr &cancel, hcl::Diagnostics &diags);
};

} // namespace kiln::build

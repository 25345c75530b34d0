#pragma once

#include "engine/build/Builder.h"
#include "engine/build/CancelToken.h"
#include "engine/hcl/value/Value.h"

namespace kiln::build {

// Reads something from outside before the builds start (an HTTP document, an AMI id).
// Packer's packersdk.Datasource.
//
// Threading: prepare() and execute() run on the thread that loads the template, before
// any build; execute() may block (network) and honours `cancel`.
class DataSource : public registry::Component
{
public:
    virtual PrepareResult prepare(const ComponentConfig &config) = 0;
    // An object with the attributes of the descriptor's `outputs` schema. On failure the
    // value is ignored and *error says why.
    virtual hcl::Value execute(const CancelTokenPtr &cancel, QString *error) = 0;
};

} // namespace kiln::build

#pragma once

#include "engine/hcl/Diagnostic.h"
#include "engine/template/legacy/LegacyTemplate.h"

#include <QString>

namespace kiln::tmpl::legacy {

// The checks Packer runs on a parsed legacy template before building:
// template.Validate (at least one builder; only/except and override naming
// existing builders; not both only and except) and then, from packer/core.go,
// min_packer_version against the running version. Messages are Packer's;
// each diagnostic points at the offending value.
class LegacyTemplateValidator
{
public:
    // `runningVersion` is the Packer version Kiln claims to be (e.g. "1.11.2").
    static hcl::Diagnostics validate(const LegacyTemplate &tmpl, const QString &runningVersion);

    // Just the template.Validate part (no version check).
    static hcl::Diagnostics validateStructure(const LegacyTemplate &tmpl);

    // Just the min_packer_version check: "min_version is invalid: Malformed
    // version: x" or "This template requires Packer version 2.0.0 or higher;
    // using 1.11.2".
    static hcl::Diagnostics checkMinVersion(const LegacyTemplate &tmpl, const QString &runningVersion);
};

} // namespace kiln::tmpl::legacy

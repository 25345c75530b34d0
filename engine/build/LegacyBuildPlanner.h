#pragma once

#include "engine/build/BuildPlan.h"
#include "engine/registry/Registry.h"
#include "engine/template/legacy/InterpolateContext.h"
#include "engine/template/legacy/LegacyTemplate.h"

namespace kiln::build {

// Turns a legacy JSON template into BuildPlans: one per builder selected by -only/-except
// (globs), its provisioners (only/except/override/pause_before/max_retries/timeout) and
// post-processor chains (-except also skips post-processors by name, as Packer).
//
// Component settings are rendered with the `{{ }}` engine as Packer's plugins do when they
// decode: user variables, build_name, build_type, template_dir, env in variables only...
// Strings that use per-call data ({{ .Path }}, {{ .Vars }}, {{ build `Host` }}) are left
// for the component to render when it has that data.
class LegacyBuildPlanner
{
public:
    struct Options
    {
        QStringList only;
        QStringList except;
        // The resolved user variables and the base interpolation context they were
        // resolved with (template path, version, environment).
        QMap<QString, QString> userVariables;
        QStringList secrets;
        tmpl::legacy::InterpolateContext base;
    };

    static QList<BuildPlan> plan(const tmpl::legacy::LegacyTemplate &tpl, const Options &options,
                                 const registry::Registry &registry, hcl::Diagnostics &diags);

    // A JSON value decoded against a schema, strings rendered through `ic`; errors carry the
    // value's range.
    static ComponentConfig decode(const hcl::json::JsonValue &config, const registry::ConfigSchema &schema,
                                  const tmpl::legacy::InterpolateContext &ic, hcl::Diagnostics &diags);
};

} // namespace kiln::build

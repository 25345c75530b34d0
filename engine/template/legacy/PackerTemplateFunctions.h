#pragma once

#include "engine/template/legacy/GoTemplateFunction.h"
#include "engine/template/legacy/InterpolateContext.h"

namespace kiln::tmpl::legacy {

// Packer's template functions (packer-plugin-sdk interpolate/funcs.go) bound
// to a context: build_name, build_type, env, isotime, strftime, pwd, split,
// template_dir, timestamp, uuid, user, packer_version, consul_key, vault, sed,
// build, aws_secretsmanager, aws_secretsmanager_raw, replace, replace_all,
// upper, lower. Errors are Packer's.
GoTemplateFunctions packerTemplateFunctions(const InterpolateContext &ctx);

// Packer's uuid.TimeOrderedUUID: the Unix time in the first 8 hex digits,
// then random bytes, formatted 8-4-4-4-12.
QString timeOrderedUuid();

} // namespace kiln::tmpl::legacy

#pragma once

// Internal pieces of TemplateLoader, one file each, shared between its .cpp files.
// Not for use outside engine/template.

#include "engine/hcl/Body.h"
#include "engine/template/Template.h"
#include "engine/template/TemplateLoader.h"

namespace kiln::tmpl::detail {

// Packer's top-level configSchema.
hcl::BodySchema rootSchema();

// "A name must start with a letter or underscore and may contain only letters,
// digits, underscores, and dashes."
QString badIdentifierDetail();
bool isValidIdentifier(const QString &name);
// hcl.Range.String(): "file:line,col-endcol" or "file:line,col-endline,endcol".
QString rangeString(const hcl::SourceRange &r);

// The decoders of one file's blocks take its top-level content (the body read
// with rootSchema()), read once per file: each of them walks every block.

// VariableDecoder.cpp: `variable` / `variables` blocks of one file.
hcl::Diagnostics decodeInputVariables(Template &tpl, const hcl::BodyContent &root);

// VariableValues.cpp: PKR_VAR_*, var files and -var values, in precedence order.
hcl::Diagnostics collectVariableValues(Template &tpl, const QStringList &environment,
                                       const QList<hcl::File> &autoVarFiles, const QList<VarSetting> &settings);
// Every validation rule and unset-variable check (Variables.ValidateValues).
hcl::Diagnostics validateVariableValues(const Template &tpl);

// LocalsDecoder.cpp: `locals {}` and `local "x" {}` of one file.
hcl::Diagnostics decodeLocalBlocks(Template &tpl, const hcl::BodyContent &root);
hcl::Diagnostics checkDuplicateLocals(const Template &tpl);
// `data` blocks of one file.
hcl::Diagnostics decodeDataBlocks(Template &tpl, const hcl::BodyContent &root);

// PrereqEvaluator.cpp: data sources and locals in dependency order.
hcl::Diagnostics evaluateBuildPrereqs(Template &tpl, const InitializeOptions &options);
// Every root-based traversal in a body, nested blocks included (Packer's GetVarsByType).
QList<hcl::Traversal> bodyTraversals(const hcl::BodyPtr &body);

// BuildDecoder.cpp: sources and builds of one file.
hcl::Diagnostics decodeConfig(Template &tpl, const hcl::File &file);

} // namespace kiln::tmpl::detail

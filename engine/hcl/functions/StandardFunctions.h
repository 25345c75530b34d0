#pragma once

// The HCL function library Packer offers (Packer 1.11's hcl2template.Functions
// and later additions), minus the functions that reach outside the template
// (env, vault, consul_key, aws_secretsmanager*), which engine/template adds.

#include "engine/hcl/eval/Function.h"

#include <QString>

#include <memory>

namespace kiln::hcl::functions {

// Every function, with file-system functions resolving relative paths against
// `baseDir` (the directory of the template being evaluated).
std::shared_ptr<const FunctionTable> standardFunctions(const QString &baseDir);

// The same table by value, for callers that add their own functions to it.
FunctionTable standardFunctionTable(const QString &baseDir);

// The families, each adding its functions to `table`.
void addNumericFunctions(FunctionTable &table);
void addStringFunctions(FunctionTable &table);
void addRegexFunctions(FunctionTable &table);
void addFormatFunctions(FunctionTable &table);
void addCollectionFunctions(FunctionTable &table);
void addMapFunctions(FunctionTable &table);
void addSequenceFunctions(FunctionTable &table);
void addSetFunctions(FunctionTable &table);
void addEncodingFunctions(FunctionTable &table);
void addJsonFunctions(FunctionTable &table);
void addCsvFunctions(FunctionTable &table);
void addYamlFunctions(FunctionTable &table);
void addFilesystemFunctions(FunctionTable &table, const QString &baseDir);
void addTimeFunctions(FunctionTable &table);
void addCryptoFunctions(FunctionTable &table);
void addUuidFunctions(FunctionTable &table);
void addCidrFunctions(FunctionTable &table);
void addConversionFunctions(FunctionTable &table);
// templatefile needs the finished table (it offers every function but itself to
// the template it renders), so it is added last.
void addTemplateFileFunction(FunctionTable &table, const QString &baseDir);

} // namespace kiln::hcl::functions

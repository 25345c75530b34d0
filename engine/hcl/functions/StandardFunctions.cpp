#include "engine/hcl/functions/StandardFunctions.h"

namespace kiln::hcl::functions {

FunctionTable standardFunctionTable(const QString &baseDir)
{
    FunctionTable t;
    addNumericFunctions(t);
    addStringFunctions(t);
    addRegexFunctions(t);
    addFormatFunctions(t);
    addCollectionFunctions(t);
    addMapFunctions(t);
    addSequenceFunctions(t);
    addSetFunctions(t);
    addEncodingFunctions(t);
    addJsonFunctions(t);
    addCsvFunctions(t);
    addYamlFunctions(t);
    addFilesystemFunctions(t, baseDir);
    addTimeFunctions(t);
    addCryptoFunctions(t);
    addUuidFunctions(t);
    addCidrFunctions(t);
    addConversionFunctions(t);
    addTemplateFileFunction(t, baseDir);
    return t;
}

std::shared_ptr<const FunctionTable> standardFunctions(const QString &baseDir)
{
    return std::make_shared<const FunctionTable>(standardFunctionTable(baseDir));
}

} // namespace kiln::hcl::functions

#include "engine/template/functions/PackerFunctions.h"

#include "engine/hcl/functions/StandardFunctions.h"

#include <QtGlobal>

namespace kiln::tmpl {

void addEnvFunction(hcl::FunctionTable &table)
{
    hcl::Function f;
    f.name = QStringLiteral("env");
    f.description = QStringLiteral("Returns the value of an environment variable, or an empty string if it is not set.");
    hcl::FunctionParam key;
    key.name = QStringLiteral("key");
    key.type = hcl::Type::string();
    f.params = {key};
    f.returnType = hcl::Type::string();
    f.impl = [](const QList<hcl::Value> &a, const hcl::Type &, hcl::FunctionError &) {
        return hcl::Value::string(qEnvironmentVariable(a[0].asString().toLocal8Bit().constData()));
    };
    table.insert(f.name, f);
}

std::shared_ptr<const hcl::FunctionTable> packerFunctions(const QString &baseDir)
{
    hcl::FunctionTable t = hcl::functions::standardFunctionTable(baseDir);
    addEnvFunction(t);
    addVaultFunction(t);
    addConsulFunction(t);
    addAwsSecretsManagerFunctions(t);
    // templatefile offers the template every function but itself; rebuild it so
    // the ones added here are included, as in Packer.
    hcl::functions::addTemplateFileFunction(t, baseDir);
    return std::make_shared<const hcl::FunctionTable>(std::move(t));
}

} // namespace kiln::tmpl

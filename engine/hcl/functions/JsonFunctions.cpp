// jsonencode and jsondecode: cty's stdlib json.go over CtyJson.

#include "engine/hcl/functions/CtyJson.h"
#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

namespace kiln::hcl::functions {

void addJsonFunctions(FunctionTable &t)
{
    add(t, simpleFunction(QStringLiteral("jsonencode"), QStringLiteral("Returns a string containing a JSON representation of the given value."),
                          {param(QStringLiteral("val"), Type::dynamic(), AllowUnknown | AllowDynamic | AllowNull)}, Type::string(),
                          [](const QList<Value> &a, const Type &, FunctionError &err) {
                              const Value &v = a[0];
                              if (!v.isWhollyKnown())
                                  return Value::unknown(Type::string());
                              if (v.isNull())
                                  return Value::string(QStringLiteral("null"));
                              QString why;
                              std::optional<QByteArray> j = ctyjson::marshal(v, &why);
                              if (!j)
                                  return fail(err, -1, why);
                              return Value::string(QString::fromUtf8(*j));
                          }));

    // The result type is the JSON document's own shape, so decoding happens in
    // typeFor and impl decodes again (both are cheap next to evaluation).
    add(t, typedFunction(QStringLiteral("jsondecode"), QStringLiteral("Parses the given string as JSON and returns a value corresponding to what the JSON document describes."),
                         {param(QStringLiteral("str"), Type::string())},
                         [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
                             if (!a[0].isKnown())
                                 return Type::dynamic();
                             QString why;
                             std::optional<Value> v = ctyjson::decodeImplied(a[0].asString().toUtf8(), &why);
                             if (!v)
                                 return failType(err, -1, why);
                             return v->type();
                         },
                         [](const QList<Value> &a, const Type &, FunctionError &err) {
                             QString why;
                             std::optional<Value> v = ctyjson::decodeImplied(a[0].asString().toUtf8(), &why);
                             if (!v)
                                 return fail(err, -1, why);
                             return *v;
                         }));
}

} // namespace kiln::hcl::functions

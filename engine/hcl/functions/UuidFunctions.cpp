// uuidv4 and uuidv5: go-cty-funcs' uuid package (google/uuid).

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

#include <QUuid>

namespace kiln::hcl::functions {

namespace {

    // google/uuid's Parse: the 36-character form, with {…} or urn:uuid: around
    // it, or 32 bare hex digits.
    std::optional<QUuid> parseUuid(const QString &s, QString *error)
    {
        QString core;
        switch (s.size()) {
        case 36:
            core = s;
            break;
        case 45:
            if (!s.left(9).compare(QLatin1String("urn:uuid:"), Qt::CaseInsensitive))
                core = s.mid(9);
            break;
        case 38:
            core = s.mid(1, 36);
            break;
        case 32: {
            core = s.left(8) + QLatin1Char('-') + s.mid(8, 4) + QLatin1Char('-') + s.mid(12, 4) + QLatin1Char('-') + s.mid(16, 4) + QLatin1Char('-') + s.mid(20);
            break;
        }
        default:
            *error = QStringLiteral("invalid UUID length: %1").arg(s.size());
            return std::nullopt;
        }
        const QUuid u = QUuid::fromString(core);
        if (core.isEmpty() || (u.isNull() && core != QLatin1String("00000000-0000-0000-0000-000000000000"))) {
            *error = QStringLiteral("invalid UUID format");
            return std::nullopt;
        }
        return u;
    }

} // namespace

void addUuidFunctions(FunctionTable &t)
{
    add(t, simpleFunction(QStringLiteral("uuidv4"), QStringLiteral("Generates and returns a unique identifier string, in the version 4 (random) format."), {},
                          Type::string(), [](const QList<Value> &, const Type &, FunctionError &) {
                              return Value::string(QUuid::createUuid().toString(QUuid::WithoutBraces));
                          }));
    add(t, simpleFunction(QStringLiteral("uuidv5"), QStringLiteral("Generates a name-based UUID in version 5 format from a namespace and a name."),
                          {param(QStringLiteral("namespace"), Type::string()), param(QStringLiteral("name"), Type::string())}, Type::string(),
                          [](const QList<Value> &a, const Type &, FunctionError &err) {
                              const QString ns = a[0].asString();
                              QUuid namespaceId;
                              if (ns == QLatin1String("dns"))
                                  namespaceId = QUuid(QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8"));
                              else if (ns == QLatin1String("url"))
                                  namespaceId = QUuid(QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8"));
                              else if (ns == QLatin1String("oid"))
                                  namespaceId = QUuid(QStringLiteral("6ba7b812-9dad-11d1-80b4-00c04fd430c8"));
                              else if (ns == QLatin1String("x500"))
                                  namespaceId = QUuid(QStringLiteral("6ba7b814-9dad-11d1-80b4-00c04fd430c8"));
                              else {
                                  QString why;
                                  std::optional<QUuid> u = parseUuid(ns, &why);
                                  if (!u)
                                      return fail(err, -1, QStringLiteral("uuidv5() doesn't support namespace %1 (%2)").arg(ns, why));
                                  namespaceId = *u;
                              }
                              return Value::string(QUuid::createUuidV5(namespaceId, a[1].asString().toUtf8()).toString(QUuid::WithoutBraces));
                          }));
}

} // namespace kiln::hcl::functions

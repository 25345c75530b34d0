#include "engine/template/upgrade/JsonBodyText.h"

#include "engine/template/upgrade/HclValueText.h"

namespace kiln::tmpl::upgrade {

namespace {

bool isScalar(const JsonValue &v)
{
    return v.isString() || v.isNumber() || v.isBool();
}

// Packer forces these vsphere/azure keys to blocks whatever they hold.
bool forcedBlock(const QString &key)
{
    return key == QLatin1String("linux_options") || key == QLatin1String("network_interface")
        || key == QLatin1String("shared_image_gallery");
}

// The "most complex element" guess over an object's values. Go's random map
// order only matters when null is mixed with scalars; we settle that case as
// an attribute (null alone, like an empty object, makes a block).
bool objectIsBlock(const QString &key, const JsonValue &v)
{
    if (forcedBlock(key) || v.members().empty())
        return true;
    bool anyScalar = false;
    for (const auto &m : v.members()) {
        if (m.value.isArray() || m.value.isObject())
            return true;
        anyScalar = anyScalar || isScalar(m.value);
    }
    return !anyScalar;
}

} // namespace

JsonMap JsonBodyText::toMap(const JsonValue &object)
{
    JsonMap out;
    for (const auto &m : object.members())
        out[m.key] = m.value;
    return out;
}

JsonValue JsonBodyText::stringValue(const QString &s)
{
    return JsonValue::makeString(s, {});
}

JsonValue JsonBodyText::stringListValue(const QStringList &items)
{
    std::vector<JsonValue> elements;
    for (const QString &s : items)
        elements.push_back(stringValue(s));
    return JsonValue::makeArray(std::move(elements), {});
}

QString JsonBodyText::body(const JsonMap &kvs)
{
    QString out;
    for (const auto &[key, value] : kvs) {
        if (value.isObject()) {
            if (objectIsBlock(key, value))
                out += key + QLatin1String(" {\n") + body(toMap(value)) + QLatin1String("}\n");
            else
                out += key + QLatin1String(" = ") + HclValueText::value(value) + QLatin1Char('\n');
            continue;
        }
        if (value.isArray()) {
            if (value.elements().empty())
                continue;
            bool allObjects = true;
            bool anyObject = false;
            for (const JsonValue &e : value.elements()) {
                anyObject = anyObject || e.isObject();
                allObjects = allObjects && e.isObject();
            }
            // Packer unwraps a list of objects into repeated blocks (it
            // would panic on a list mixing objects and other values; we
            // keep such a list an attribute).
            if (anyObject && allObjects) {
                for (const JsonValue &e : value.elements())
                    out += key + QLatin1String(" {\n") + body(toMap(e)) + QLatin1String("}\n");
                continue;
            }
        }
        out += key + QLatin1String(" = ") + HclValueText::value(value) + QLatin1Char('\n');
    }
    return out;
}

} // namespace kiln::tmpl::upgrade

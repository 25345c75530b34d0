#pragma once

#include "engine/hcl/json/JsonValue.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kiln::registry {
class ConfigSchema;
class Registry;
} // namespace kiln::registry

namespace kiln::cli {

// Converts a .pkr.json file (HCL's JSON syntax) to native syntax. JSON cannot tell a
// nested block from an attribute holding an object, so the writer knows Packer's own
// blocks (variable, source, build, provisioner, ...) and reads a component's body
// through its ConfigSchema from the registry; a component the registry does not know
// gets attributes only. "${expr}" strings become the bare expression.
class HclNativeWriter
{
public:
    explicit HclNativeWriter(const registry::Registry &registry)
        : m_registry(registry)
    { }

    // The file's text, formatted as `packer fmt` writes it.
    QByteArray file(const hcl::json::JsonValue &root) const;

private:
    struct Context
    {
        QString block; // the enclosing block type ("" at the top)
        const registry::ConfigSchema *schema = nullptr; // a component body's fields
    };

    void body(const hcl::json::JsonValue &object, const Context &ctx, QByteArray &out) const;
    void blocks(const QString &type, const QStringList &labels, int labelsLeft,
        const hcl::json::JsonValue &value, const Context &inner, QByteArray &out) const;
    // How many labels a block type takes here, or -1 when the key is an attribute.
    int blockLabels(const QString &key, const Context &ctx) const;
    Context innerContext(
        const QString &type, const QStringList &labels, const Context &outer) const;
    QByteArray expression(const hcl::json::JsonValue &value, bool keyword) const;

    const registry::Registry &m_registry;
};

} // namespace kiln::cli

#include "app/cli/export/HclNativeWriter.h"

#include "app/cli/export/HclLiteral.h"
#include "engine/hcl/Formatter.h"
#include "engine/hcl/Parser.h"
#include "engine/registry/Registry.h"

namespace kiln::cli {

using hcl::json::JsonValue;

namespace {

// Packer's own blocks and their label counts, by enclosing block.
int packerBlockLabels(const QString &outer, const QString &key)
{
    if (outer.isEmpty()) {
        if (key == QLatin1String("variable") || key == QLatin1String("local"))
            return 1;
        if (key == QLatin1String("source") || key == QLatin1String("data"))
            return 2;
        if (key == QLatin1String("build") || key == QLatin1String("packer")
            || key == QLatin1String("locals") || key == QLatin1String("variables"))
            return 0;
    } else if (outer == QLatin1String("build")) {
        if (key == QLatin1String("source") || key == QLatin1String("provisioner")
            || key == QLatin1String("post-processor")
            || key == QLatin1String("error-cleanup-provisioner"))
            return 1;
        if (key == QLatin1String("post-processors") || key == QLatin1String("hcp_packer_registry"))
            return 0;
    } else if (outer == QLatin1String("post-processors")) {
        if (key == QLatin1String("post-processor"))
            return 1;
    } else if (outer == QLatin1String("variable")) {
        if (key == QLatin1String("validation"))
            return 0;
    } else if (outer == QLatin1String("packer")) {
        if (key == QLatin1String("required_plugins"))
            return 0;
    }
    return -1;
}

QByteArray quotedTemplate(const QString &s)
{
    // Same template language in both syntaxes: only the string escapes differ.
    QByteArray out = "\"";
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += QString(c).toUtf8();
        }
    }
    return out + '"';
}

} // namespace

int HclNativeWriter::blockLabels(const QString &key, const Context &ctx) const
{
    if (key == QLatin1String("dynamic") && ctx.schema)
        return 1;
    if (ctx.schema) {
        const registry::Field *field = ctx.schema->field(key);
        return field && field->isBlock() ? 0 : -1;
    }
    return packerBlockLabels(ctx.block, key);
}

HclNativeWriter::Context HclNativeWriter::innerContext(
    const QString &type, const QStringList &labels, const Context &outer) const
{
    Context inner{type, nullptr};
    using registry::ComponentKind;
    const auto descriptor = [&](ComponentKind kind, const QString &name) {
        const registry::ComponentDescriptor *d = m_registry.find(kind, name);
        return d ? &d->schema : nullptr;
    };
    if (outer.schema) {
        if (type == QLatin1String("dynamic") && !labels.isEmpty()) {
            const registry::Field *f = outer.schema->field(labels.first());
            inner.schema = f && f->nested() ? f->nested() : nullptr;
        } else if (type == QLatin1String("content")) {
            inner.schema = outer.schema;
        } else if (const registry::Field *f = outer.schema->field(type)) {
            inner.schema = f->nested();
        }
        return inner;
    }
    if (labels.isEmpty())
        return inner;
    if (type == QLatin1String("source") && outer.block.isEmpty())
        inner.schema = descriptor(ComponentKind::Builder, labels.first());
    else if (type == QLatin1String("data"))
        inner.schema = descriptor(ComponentKind::DataSource, labels.first());
    else if (type == QLatin1String("provisioner")
        || type == QLatin1String("error-cleanup-provisioner"))
        inner.schema = descriptor(ComponentKind::Provisioner, labels.first());
    else if (type == QLatin1String("post-processor"))
        inner.schema = descriptor(ComponentKind::PostProcessor, labels.first());
    else if (type == QLatin1String("source")) // source "source.t.n" {} inside a build
        inner.schema
            = descriptor(ComponentKind::Builder, labels.first().section(QLatin1Char('.'), 1, 1));
    return inner;
}

QByteArray HclNativeWriter::expression(const JsonValue &value, bool keyword) const
{
    switch (value.kind()) {
    case JsonValue::Kind::Null:
    case JsonValue::Kind::Invalid:
        return "null";
    case JsonValue::Kind::Bool:
        return value.boolValue() ? "true" : "false";
    case JsonValue::Kind::Number:
        return value.text().toUtf8();
    case JsonValue::Kind::String: {
        if (keyword)
            return value.text().toUtf8();
        // "${expr}" alone is the expression itself (HCL unwraps it the same way).
        hcl::Diagnostics diags;
        const QByteArray text = value.text().toUtf8();
        const hcl::ExprPtr parsed = hcl::parseTemplate(text, QStringLiteral("<json>"), diags);
        if (!diags.hasErrors() && parsed && parsed->kind == hcl::ExprKind::TemplateWrap) {
            const auto &wrap = static_cast<const hcl::TemplateWrapExpr &>(*parsed);
            return text.mid(wrap.wrapped->range.start.byte,
                wrap.wrapped->range.end.byte - wrap.wrapped->range.start.byte);
        }
        return quotedTemplate(value.text());
    }
    case JsonValue::Kind::Array: {
        QByteArrayList items;
        for (const JsonValue &e : value.elements())
            items << expression(e, false);
        return '[' + items.join(", ") + ']';
    }
    case JsonValue::Kind::Object: {
        if (value.members().empty())
            return "{}";
        QByteArray out = "{\n";
        for (const hcl::json::JsonMember &m : value.members())
            out += HclLiteral::quoted(m.key).toUtf8() + " = " + expression(m.value, false) + '\n';
        return out + '}';
    }
    }
    return "null";
}

void HclNativeWriter::blocks(const QString &type, const QStringList &labels, int labelsLeft,
    const JsonValue &value, const Context &outer, QByteArray &out) const
{
    if (value.isArray()) {
        for (const JsonValue &e : value.elements())
            blocks(type, labels, labelsLeft, e, outer, out);
        return;
    }
    if (labelsLeft > 0) {
        for (const hcl::json::JsonMember &m : value.members())
            blocks(type, labels + QStringList{m.key}, labelsLeft - 1, m.value, outer, out);
        return;
    }
    if (!out.isEmpty() && !out.endsWith("{\n") && !out.endsWith("\n\n"))
        out += '\n'; // a blank line between a block and what precedes it, as people write
    out += type.toUtf8();
    for (const QString &l : labels)
        out += ' ' + HclLiteral::quoted(l).toUtf8();
    out += " {\n";
    body(value, innerContext(type, labels, outer), out);
    out += "}\n";
}

void HclNativeWriter::body(const JsonValue &object, const Context &ctx, QByteArray &out) const
{
    for (const hcl::json::JsonMember &m : object.members()) {
        if (m.key == QLatin1String("//")) {
            out += "# " + m.value.text().toUtf8().replace('\n', "\n# ") + '\n';
            continue;
        }
        int labels = blockLabels(m.key, ctx);
        if (ctx.block == QLatin1String("dynamic") && m.key == QLatin1String("content"))
            labels = 0;
        if (ctx.block == QLatin1String("locals") || ctx.block == QLatin1String("required_plugins"))
            labels = -1;
        if (labels >= 0 && (m.value.isObject() || m.value.isArray())) {
            blocks(m.key, {}, labels, m.value, ctx, out);
            continue;
        }
        if (out.endsWith("}\n"))
            out += '\n';
        const bool keyword
            = m.key == QLatin1String("type") && ctx.block == QLatin1String("variable");
        out += m.key.toUtf8() + " = " + expression(m.value, keyword) + '\n';
    }
}

QByteArray HclNativeWriter::file(const JsonValue &root) const
{
    QByteArray out;
    body(root, Context{}, out);
    return hcl::formatHcl(out.trimmed() + '\n');
}

} // namespace kiln::cli

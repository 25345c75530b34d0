#include "app/cli/export/HclJsonWriter.h"

#include <QSet>
#include <algorithm>

namespace kiln::cli {

using nlohmann::ordered_json;

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

// Text written as a JSON template must not turn into one: "${" and "%{" are doubled.
QString escapeTemplate(QString s)
{
    s.replace(QLatin1String("${"), QLatin1String("$${"));
    s.replace(QLatin1String("%{"), QLatin1String("%%{"));
    return s;
}

ordered_json literal(const hcl::Value &value)
{
    const hcl::Value v = value.unmarked();
    if (v.isNull())
        return nullptr;
    switch (v.type().kind()) {
    case hcl::Type::Kind::String:
        return str(escapeTemplate(v.asString()));
    case hcl::Type::Kind::Number:
        return ordered_json::parse(str(v.asNumber().toString()));
    case hcl::Type::Kind::Bool:
        return v.asBool();
    default:
        return nullptr;
    }
}

// Blocks whose order is their meaning: written as a JSON array whenever there are several.
bool orderMatters(const QString &type)
{
    return type == QLatin1String("provisioner") || type == QLatin1String("post-processor")
        || type == QLatin1String("post-processors")
        || type == QLatin1String("error-cleanup-provisioner") || type == QLatin1String("build");
}

// Attributes whose value Packer reads as a keyword or a traversal, not as a value: their
// source text is the JSON string, which HCL parses back in that mode.
bool isStaticAttribute(const QString &name, const QString &enclosingBlock)
{
    return (name == QLatin1String("type") && enclosingBlock == QLatin1String("variable"))
        || (name == QLatin1String("sources") && enclosingBlock == QLatin1String("build"));
}

// Merges `src` into `target` down through `depth` levels of labels; the bodies below
// never meet because every block's label path is distinct.
void mergeLabels(ordered_json &target, const ordered_json &src, qsizetype depth)
{
    for (auto it = src.begin(); it != src.end(); ++it) {
        if (depth > 1 && target.contains(it.key()))
            mergeLabels(target[it.key()], it.value(), depth - 1);
        else
            target[it.key()] = it.value();
    }
}

} // namespace

QString HclJsonWriter::text(const hcl::SourceRange &range, const QByteArray &source)
{
    return QString::fromUtf8(source.mid(range.start.byte, range.end.byte - range.start.byte));
}

QString HclJsonWriter::unescapeQuoted(const QString &inner)
{
    QString out;
    out.reserve(inner.size());
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const QChar c = inner.at(i);
        if (c != QLatin1Char('\\') || i + 1 >= inner.size()) {
            out += c;
            continue;
        }
        const QChar e = inner.at(++i);
        switch (e.unicode()) {
        case 'n':
            out += QLatin1Char('\n');
            break;
        case 'r':
            out += QLatin1Char('\r');
            break;
        case 't':
            out += QLatin1Char('\t');
            break;
        case 'u':
        case 'U': {
            const int digits = e == QLatin1Char('u') ? 4 : 8;
            bool ok = false;
            const uint code = inner.mid(i + 1, digits).toUInt(&ok, 16);
            if (ok) {
                const char32_t cp = code;
                out += QString::fromUcs4(&cp, 1);
                i += digits;
            }
            break;
        }
        default: // \" and \\ (the parser rejects the rest)
            out += e;
        }
    }
    return out;
}

ordered_json HclJsonWriter::expression(const hcl::ExprPtr &expr, const QByteArray &source) const
{
    using hcl::ExprKind;
    const QString src = text(expr->range, source).trimmed();
    if (src.size() >= 2 && src.startsWith(QLatin1Char('"')) && src.endsWith(QLatin1Char('"')))
        return str(unescapeQuoted(src.mid(1, src.size() - 2)));
    switch (expr->kind) {
    case ExprKind::Literal:
        return literal(static_cast<const hcl::LiteralExpr &>(*expr).value);
    case ExprKind::Template: {
        // A heredoc: its literal parts are already unindented and unescaped.
        QString joined;
        for (const hcl::ExprPtr &part : static_cast<const hcl::TemplateExpr &>(*expr).parts) {
            if (part->kind == ExprKind::Literal)
                joined += escapeTemplate(
                    static_cast<const hcl::LiteralExpr &>(*part).value.unmarked().asString());
            else if (part->kind == ExprKind::Conditional || part->kind == ExprKind::TemplateJoin)
                return str(QStringLiteral("${") + src
                    + QLatin1Char('}')); // a directive: keep the whole heredoc
            else
                joined += QStringLiteral("${") + text(part->range, source) + QLatin1Char('}');
        }
        return str(joined);
    }
    case ExprKind::TupleCons: {
        ordered_json array = ordered_json::array();
        for (const hcl::ExprPtr &e : static_cast<const hcl::TupleConsExpr &>(*expr).elements)
            array.push_back(expression(e, source));
        return array;
    }
    case ExprKind::ObjectCons: {
        ordered_json object = ordered_json::object();
        for (const hcl::ObjectConsItem &item :
            static_cast<const hcl::ObjectConsExpr &>(*expr).items) {
            QString key;
            if (item.key->kind == ExprKind::ObjectConsKey) {
                const auto &k = static_cast<const hcl::ObjectConsKeyExpr &>(*item.key);
                const QString keySrc = text(k.wrapped->range, source).trimmed();
                if (!k.forceNonLiteral && k.wrapped->kind == ExprKind::ScopeTraversal
                    && static_cast<const hcl::ScopeTraversalExpr &>(*k.wrapped)
                            .traversal.steps.size()
                        == 1)
                    key = keySrc;
                else if (keySrc.startsWith(QLatin1Char('"')) && keySrc.endsWith(QLatin1Char('"'))
                    && keySrc.size() >= 2)
                    key = unescapeQuoted(keySrc.mid(1, keySrc.size() - 2));
            }
            if (key.isEmpty() || object.contains(str(key)))
                return str(QStringLiteral("${") + src
                    + QLatin1Char('}')); // computed keys stay an expression
            object[str(key)] = expression(item.value, source);
        }
        return object;
    }
    default:
        return str(QStringLiteral("${") + src + QLatin1Char('}'));
    }
}

ordered_json HclJsonWriter::attributeValue(const hcl::syntax::Attribute &attr,
    const QByteArray &source, const QString &enclosingBlock) const
{
    if (!isStaticAttribute(attr.name, enclosingBlock))
        return expression(attr.expr, source);
    if (attr.expr->kind == hcl::ExprKind::TupleCons) {
        ordered_json array = ordered_json::array();
        for (const hcl::ExprPtr &e : static_cast<const hcl::TupleConsExpr &>(*attr.expr).elements) {
            const QString t = text(e->range, source).trimmed();
            array.push_back(
                t.startsWith(QLatin1Char('"')) ? expression(e, source) : ordered_json(str(t)));
        }
        return array;
    }
    return str(text(attr.expr->range, source).trimmed());
}

QList<HclJsonWriter::Item> HclJsonWriter::itemsOf(
    const hcl::syntax::Body &body, const QByteArray &source)
{
    QList<Item> items;
    for (const hcl::syntax::Attribute &a : body.attributes)
        items << Item{a.range.start.byte, &a, nullptr, &source};
    for (const hcl::syntax::Block &b : body.blocks)
        items << Item{b.range.start.byte, nullptr, &b, &source};
    std::stable_sort(items.begin(), items.end(),
        [](const Item &a, const Item &b) { return a.offset < b.offset; });
    return items;
}

ordered_json HclJsonWriter::blockBody(
    const hcl::syntax::Block &block, const QByteArray &source) const
{
    ordered_json out = ordered_json::object();
    if (m_commentFor) {
        const QString comment = m_commentFor(block.type, block.labels);
        if (!comment.isEmpty())
            out["//"] = str(comment);
    }
    const ordered_json inner = body(itemsOf(*block.body, source), block.type);
    for (auto it = inner.begin(); it != inner.end(); ++it)
        out[it.key()] = it.value();
    return out;
}

ordered_json HclJsonWriter::blocksOfType(const QList<Item> &blocks) const
{
    // Each block nested under its labels: {"label1": {"label2": body}}.
    QList<ordered_json> nested;
    QSet<QString> paths;
    bool clash = false;
    for (const Item &item : blocks) {
        ordered_json value = blockBody(*item.block, *item.source);
        for (qsizetype i = item.block->labels.size() - 1; i >= 0; --i)
            value = ordered_json{{str(item.block->labels.at(i)), std::move(value)}};
        nested << value;
        const QString path = item.block->labels.join(QChar(0));
        clash = clash || item.block->labels.isEmpty() || paths.contains(path);
        paths.insert(path);
    }
    if (nested.size() == 1)
        return nested.first();
    if (clash || orderMatters(blocks.first().block->type)) {
        ordered_json array = ordered_json::array();
        for (ordered_json &v : nested)
            array.push_back(std::move(v));
        return array;
    }
    // Distinct label paths merge into one object, as a hand-written .pkr.json would.
    ordered_json merged = ordered_json::object();
    for (const ordered_json &v : nested)
        mergeLabels(merged, v, blocks.first().block->labels.size());
    return merged;
}

ordered_json HclJsonWriter::body(const QList<Item> &items, const QString &enclosingBlock) const
{
    ordered_json out = ordered_json::object();
    QStringList blockTypes;
    for (const Item &item : items) {
        if (item.attribute)
            out[str(item.attribute->name)]
                = attributeValue(*item.attribute, *item.source, enclosingBlock);
        else if (!blockTypes.contains(item.block->type))
            blockTypes << item.block->type;
    }
    for (const QString &type : blockTypes) {
        QList<Item> ofType;
        for (const Item &item : items)
            if (item.block && item.block->type == type)
                ofType << item;
        out[str(type)] = blocksOfType(ofType);
    }
    return out;
}

ordered_json HclJsonWriter::bodies(const QList<const hcl::File *> &files) const
{
    QList<Item> items;
    for (const hcl::File *f : files) {
        const auto native = f->nativeBody();
        if (!native)
            continue;
        // Offsets are per file: keep files in order by shifting each file past the last.
        const int base = items.isEmpty() ? 0 : items.last().offset + 1;
        for (Item item : itemsOf(*native, f->source)) {
            item.offset += base;
            items << item;
        }
    }
    return body(items, QString());
}

} // namespace kiln::cli

#include "engine/hcl/dec/Spec.h"

#include "engine/hcl/Ast.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/value/Convert.h"

namespace kiln::hcl::dec {

namespace {

void addToSchema(const SpecPtr &spec, BodySchema &schema)
{
    if (!spec)
        return;
    auto addBlock = [&](const QString &type, const QStringList &labels) {
        for (const auto &b : schema.blocks)
            if (b.type == type)
                return;
        schema.blocks.append({type, labels});
    };
    switch (spec->kind) {
    case Spec::Kind::Object:
        for (const auto &c : spec->children)
            addToSchema(c.second, schema);
        break;
    case Spec::Kind::Tuple:
        for (const auto &e : spec->elements)
            addToSchema(e, schema);
        break;
    case Spec::Kind::Attr:
        schema.attributes.append({spec->name, spec->required});
        break;
    case Spec::Kind::Block:
    case Spec::Kind::BlockList:
    case Spec::Kind::BlockSet:
        addBlock(spec->name, {});
        break;
    case Spec::Kind::BlockMap:
        addBlock(spec->name, spec->labelNames);
        break;
    case Spec::Kind::Literal:
        break;
    case Spec::Kind::Default:
        addToSchema(spec->primary, schema);
        addToSchema(spec->fallback, schema);
        break;
    }
}

QList<ContentBlock> blocksOf(const BodyContent &content, const QString &type)
{
    return content.blocksOfType(type);
}

void checkCount(const Spec &spec, const QList<ContentBlock> &blocks, const BodyContent &content, Diagnostics &diags)
{
    if (blocks.size() < spec.minItems) {
        diags += Diagnostic::error(QStringLiteral("Insufficient %1 blocks").arg(spec.name),
                                   QStringLiteral("At least %1 \"%2\" blocks are required.").arg(spec.minItems).arg(spec.name),
                                   content.missingItemRange);
    }
    if (spec.maxItems > 0 && blocks.size() > spec.maxItems) {
        diags += Diagnostic::error(QStringLiteral("Too many %1 blocks").arg(spec.name),
                                   QStringLiteral("No more than %1 \"%2\" blocks are allowed").arg(spec.maxItems).arg(spec.name),
                                   blocks[spec.maxItems].defRange);
    }
}

Value decodeContent(const BodyContent &content, const SpecPtr &spec, const EvalContext *ctx, Diagnostics &diags);

Value decodeBody(const BodyPtr &body, const SpecPtr &spec, const EvalContext *ctx, Diagnostics &diags)
{
    BodyContent content = body->content(impliedSchema(spec), diags);
    return decodeContent(content, spec, ctx, diags);
}

Value decodeAttr(const BodyContent &content, const Spec &spec, const EvalContext *ctx, Diagnostics &diags)
{
    const ContentAttribute *attr = content.attribute(spec.name);
    const Type plain = spec.type.withoutOptionalAttributesDeep();
    if (!attr)
        return Value::null(plain); // a missing required one was reported by content()
    Value v = evaluate(attr->expr, ctx, diags);
    QString error;
    if (auto converted = convert(v, spec.type, &error))
        return *converted;
    Diagnostic d = Diagnostic::error(QStringLiteral("Incorrect attribute value type"),
                                     QStringLiteral("Inappropriate value for attribute \"%1\": %2.").arg(spec.name, error),
                                     attr->expr->range);
    d.context = SourceRange::between(attr->nameRange, attr->expr->range);
    diags += d;
    return Value::unknown(plain);
}

Value decodeContent(const BodyContent &content, const SpecPtr &spec, const EvalContext *ctx, Diagnostics &diags)
{
    switch (spec->kind) {
    case Spec::Kind::Object: {
        QMap<QString, Value> attrs;
        for (const auto &c : spec->children)
            attrs.insert(c.first, decodeContent(content, c.second, ctx, diags));
        return Value::object(attrs);
    }
    case Spec::Kind::Tuple: {
        QList<Value> elems;
        for (const auto &e : spec->elements)
            elems.append(decodeContent(content, e, ctx, diags));
        return Value::tuple(elems);
    }
    case Spec::Kind::Attr:
        return decodeAttr(content, *spec, ctx, diags);
    case Spec::Kind::Block: {
        const auto blocks = blocksOf(content, spec->name);
        if (blocks.size() > 1) {
            diags += Diagnostic::error(QStringLiteral("Duplicate %1 block").arg(spec->name),
                                       QStringLiteral("Only one block of type \"%1\" is allowed. Previous definition was at %2.")
                                           .arg(spec->name, blocks[0].defRange.toString()),
                                       blocks[1].defRange);
        }
        if (blocks.isEmpty()) {
            if (spec->required)
                diags += Diagnostic::error(QStringLiteral("Missing %1 block").arg(spec->name),
                                           QStringLiteral("A block of type \"%1\" is required here.").arg(spec->name),
                                           content.missingItemRange);
            return Value::null(impliedType(spec->nested).withoutOptionalAttributesDeep());
        }
        return decodeBody(blocks[0].body, spec->nested, ctx, diags);
    }
    case Spec::Kind::BlockList:
    case Spec::Kind::BlockSet: {
        const auto blocks = blocksOf(content, spec->name);
        checkCount(*spec, blocks, content, diags);
        QList<Value> elems;
        for (const auto &b : blocks)
            elems.append(decodeBody(b.body, spec->nested, ctx, diags));
        const Type elemType = impliedType(spec->nested).withoutOptionalAttributesDeep();
        if (elemType.hasDynamicTypes())
            return Value::tuple(elems); // elements may differ in type
        if (spec->kind == Spec::Kind::BlockSet)
            return elems.isEmpty() ? Value::setEmpty(elemType) : Value::set(elems);
        return elems.isEmpty() ? Value::listEmpty(elemType) : Value::list(elems);
    }
    case Spec::Kind::BlockMap: {
        // Nested maps, one level per label: labels a, b → map(map(T)).
        struct Node
        {
            Value leaf;
            QMap<QString, std::shared_ptr<Node>> children;
        };
        auto root = std::make_shared<Node>();
        const int depth = static_cast<int>(spec->labelNames.size());
        for (const auto &b : blocksOf(content, spec->name)) {
            if (b.labels.size() < depth)
                continue; // the body's content() reported the missing label
            Node *target = root.get();
            for (int i = 0; i < depth - 1; ++i) {
                auto &child = target->children[b.labels[i]];
                if (!child)
                    child = std::make_shared<Node>();
                target = child.get();
            }
            const QString key = b.labels[depth - 1];
            Value v = decodeBody(b.body, spec->nested, ctx, diags);
            if (target->children.contains(key)) {
                QString labels;
                for (const auto &l : b.labels)
                    labels += QStringLiteral(" \"%1\"").arg(l);
                diags += Diagnostic::error(QStringLiteral("Duplicate %1 block").arg(spec->name),
                                           QStringLiteral("A block for %1%2 was already defined. The %1 labels must be unique.")
                                               .arg(spec->name, labels),
                                           b.defRange);
                continue;
            }
            auto leaf = std::make_shared<Node>();
            leaf->leaf = v;
            target->children.insert(key, leaf);
        }
        const Type elemType = impliedType(spec->nested).withoutOptionalAttributesDeep();
        std::function<Value(const Node &, int)> build = [&](const Node &n, int level) -> Value {
            if (level == 0)
                return n.leaf;
            QMap<QString, Value> m;
            for (auto it = n.children.cbegin(); it != n.children.cend(); ++it)
                m.insert(it.key(), build(*it.value(), level - 1));
            if (m.isEmpty()) {
                Type t = elemType;
                for (int i = 1; i < level; ++i)
                    t = Type::map(t);
                return Value::mapEmpty(t);
            }
            return Value::map(m);
        };
        return build(*root, depth);
    }
    case Spec::Kind::Literal:
        return spec->value;
    case Spec::Kind::Default: {
        Value v = decodeContent(content, spec->primary, ctx, diags);
        if (v.isNull())
            return decodeContent(content, spec->fallback, ctx, diags);
        return v;
    }
    }
    return Value::dynamicUnknown();
}

void collectVariables(const BodyContent &content, const SpecPtr &spec, QList<Traversal> &out)
{
    switch (spec->kind) {
    case Spec::Kind::Object:
        for (const auto &c : spec->children)
            collectVariables(content, c.second, out);
        break;
    case Spec::Kind::Tuple:
        for (const auto &e : spec->elements)
            collectVariables(content, e, out);
        break;
    case Spec::Kind::Attr:
        if (const ContentAttribute *a = content.attribute(spec->name))
            out += referencedVariables(a->expr);
        break;
    case Spec::Kind::Block:
    case Spec::Kind::BlockList:
    case Spec::Kind::BlockSet:
    case Spec::Kind::BlockMap:
        for (const auto &b : content.blocksOfType(spec->name)) {
            out += variables(b.body, spec->nested);
            if (spec->kind == Spec::Kind::Block)
                break;
        }
        break;
    case Spec::Kind::Literal:
        break;
    case Spec::Kind::Default:
        collectVariables(content, spec->primary, out);
        collectVariables(content, spec->fallback, out);
        break;
    }
}

} // namespace

BodySchema impliedSchema(const SpecPtr &spec)
{
    BodySchema schema;
    addToSchema(spec, schema);
    return schema;
}

Type impliedType(const SpecPtr &spec)
{
    switch (spec->kind) {
    case Spec::Kind::Object: {
        QMap<QString, Type> attrs;
        for (const auto &c : spec->children)
            attrs.insert(c.first, impliedType(c.second));
        return Type::object(attrs);
    }
    case Spec::Kind::Tuple: {
        QList<Type> elems;
        for (const auto &e : spec->elements)
            elems.append(impliedType(e));
        return Type::tuple(elems);
    }
    case Spec::Kind::Attr:
        return spec->type;
    case Spec::Kind::Block:
        return impliedType(spec->nested);
    case Spec::Kind::BlockList: {
        const Type t = impliedType(spec->nested);
        return t.hasDynamicTypes() ? Type::dynamic() : Type::list(t);
    }
    case Spec::Kind::BlockSet: {
        const Type t = impliedType(spec->nested);
        return t.hasDynamicTypes() ? Type::dynamic() : Type::set(t);
    }
    case Spec::Kind::BlockMap: {
        Type t = impliedType(spec->nested);
        for (int i = 0; i < spec->labelNames.size(); ++i)
            t = Type::map(t);
        return t;
    }
    case Spec::Kind::Literal:
        return spec->value.type();
    case Spec::Kind::Default:
        return impliedType(spec->primary);
    }
    return Type::dynamic();
}

Value decode(const BodyPtr &body, const SpecPtr &spec, const EvalContext *ctx, Diagnostics &diags)
{
    return decodeBody(body, spec, ctx, diags);
}

QList<Traversal> variables(const BodyPtr &body, const SpecPtr &spec)
{
    Diagnostics ignored; // problems are reported by decode()
    BodyContent content = body->content(impliedSchema(spec), ignored);
    QList<Traversal> out;
    collectVariables(content, spec, out);
    return out;
}

} // namespace kiln::hcl::dec

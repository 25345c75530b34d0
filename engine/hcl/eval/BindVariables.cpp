#include "engine/hcl/eval/BindVariables.h"

namespace kiln::hcl {

namespace {

class Binder
{
public:
    explicit Binder(const QMap<QString, Value> &values)
        : m_values(values)
    { }

    ExprPtr bind(const ExprPtr &expr, const QSet<QString> &shadowed) const
    {
        if (!expr)
            return expr;
        switch (expr->kind) {
        case ExprKind::Literal:
        case ExprKind::AnonSymbol:
            return expr;
        case ExprKind::ScopeTraversal:
            return bindTraversal(expr, shadowed);
        case ExprKind::Template: {
            const auto &e = static_cast<const TemplateExpr &>(*expr);
            QList<ExprPtr> parts;
            bool changed = false;
            for (const ExprPtr &p : e.parts)
                parts.append(bindTracked(p, shadowed, changed));
            if (!changed)
                return expr;
            auto n = std::make_shared<TemplateExpr>(e);
            n->parts = parts;
            return n;
        }
        case ExprKind::TemplateWrap:
            return rebuild<TemplateWrapExpr>(expr, shadowed, &TemplateWrapExpr::wrapped);
        case ExprKind::TemplateJoin:
            return rebuild<TemplateJoinExpr>(expr, shadowed, &TemplateJoinExpr::tuple);
        case ExprKind::RelativeTraversal:
            return rebuild<RelativeTraversalExpr>(expr, shadowed, &RelativeTraversalExpr::source);
        case ExprKind::Parentheses:
            return rebuild<ParenthesesExpr>(expr, shadowed, &ParenthesesExpr::inner);
        case ExprKind::UnaryOp:
            return rebuild<UnaryOpExpr>(expr, shadowed, &UnaryOpExpr::operand);
        case ExprKind::ObjectConsKey: {
            const auto &e = static_cast<const ObjectConsKeyExpr &>(*expr);
            // A bare identifier key is a literal name, never a reference.
            if (!e.forceNonLiteral && e.wrapped && e.wrapped->kind == ExprKind::ScopeTraversal)
                return expr;
            return rebuild<ObjectConsKeyExpr>(expr, shadowed, &ObjectConsKeyExpr::wrapped);
        }
        case ExprKind::BinaryOp:
            return rebuild<BinaryOpExpr>(expr, shadowed, &BinaryOpExpr::lhs, &BinaryOpExpr::rhs);
        case ExprKind::Index:
            return rebuild<IndexExpr>(expr, shadowed, &IndexExpr::collection, &IndexExpr::key);
        case ExprKind::Splat:
            // `each` refers to the splat's own placeholder; only the source can
            // mention outer names.
            return rebuild<SplatExpr>(expr, shadowed, &SplatExpr::source, &SplatExpr::each);
        case ExprKind::Conditional:
            return rebuild<ConditionalExpr>(expr, shadowed, &ConditionalExpr::condition,
                &ConditionalExpr::trueResult, &ConditionalExpr::falseResult);
        case ExprKind::FunctionCall: {
            const auto &e = static_cast<const FunctionCallExpr &>(*expr);
            QList<ExprPtr> args;
            bool changed = false;
            for (const ExprPtr &a : e.args)
                args.append(bindTracked(a, shadowed, changed));
            if (!changed)
                return expr;
            auto n = std::make_shared<FunctionCallExpr>(e);
            n->args = args;
            return n;
        }
        case ExprKind::TupleCons: {
            const auto &e = static_cast<const TupleConsExpr &>(*expr);
            QList<ExprPtr> elems;
            bool changed = false;
            for (const ExprPtr &el : e.elements)
                elems.append(bindTracked(el, shadowed, changed));
            if (!changed)
                return expr;
            auto n = std::make_shared<TupleConsExpr>(e);
            n->elements = elems;
            return n;
        }
        case ExprKind::ObjectCons: {
            const auto &e = static_cast<const ObjectConsExpr &>(*expr);
            QList<ObjectConsItem> items;
            bool changed = false;
            for (const ObjectConsItem &item : e.items)
                items.append({bindTracked(item.key, shadowed, changed),
                    bindTracked(item.value, shadowed, changed)});
            if (!changed)
                return expr;
            auto n = std::make_shared<ObjectConsExpr>(e);
            n->items = items;
            return n;
        }
        case ExprKind::For: {
            const auto &e = static_cast<const ForExpr &>(*expr);
            QSet<QString> inner = shadowed;
            if (!e.keyVar.isEmpty())
                inner.insert(e.keyVar);
            inner.insert(e.valVar);
            bool changed = false;
            auto n = std::make_shared<ForExpr>(e);
            n->collection = bindTracked(e.collection, shadowed, changed);
            n->keyExpr = bindTracked(e.keyExpr, inner, changed);
            n->valExpr = bindTracked(e.valExpr, inner, changed);
            n->condExpr = bindTracked(e.condExpr, inner, changed);
            return changed ? ExprPtr(n) : expr;
        }
        }
        return expr;
    }

private:
    ExprPtr bindTracked(const ExprPtr &e, const QSet<QString> &shadowed, bool &changed) const
    {
        ExprPtr out = bind(e, shadowed);
        changed = changed || out != e;
        return out;
    }

    // Copies node T when any of the given child members changes.
    template <typename T, typename... Members>
    ExprPtr rebuild(const ExprPtr &expr, const QSet<QString> &shadowed, Members... members) const
    {
        const T &e = static_cast<const T &>(*expr);
        bool changed = false;
        auto n = std::make_shared<T>(e);
        ((n.get()->*members = bindTracked(e.*members, shadowed, changed)), ...);
        return changed ? ExprPtr(n) : expr;
    }

    ExprPtr bindTraversal(const ExprPtr &expr, const QSet<QString> &shadowed) const
    {
        const auto &e = static_cast<const ScopeTraversalExpr &>(*expr);
        const QString root = e.traversal.rootName();
        if (root.isEmpty() || shadowed.contains(root) || !m_values.contains(root))
            return expr;
        auto lit = std::make_shared<LiteralExpr>();
        lit->value = m_values.value(root);
        if (e.traversal.steps.size() == 1) {
            lit->range = e.range;
            lit->startRange = e.startRange;
            return lit;
        }
        lit->range = e.traversal.steps.first().range;
        lit->startRange = lit->range;
        auto rel = std::make_shared<RelativeTraversalExpr>();
        rel->source = lit;
        rel->traversal.steps = e.traversal.steps.mid(1);
        rel->range = e.range;
        rel->startRange = e.startRange;
        return rel;
    }

    const QMap<QString, Value> &m_values;
};

} // namespace

ExprPtr bindVariables(const ExprPtr &expr, const QMap<QString, Value> &values)
{
    if (values.isEmpty())
        return expr;
    return Binder(values).bind(expr, {});
}

} // namespace kiln::hcl

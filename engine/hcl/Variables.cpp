// referencedVariables(): hclsyntax.Variables, a walk collecting root-based
// traversals while hiding the symbols a for expression declares.

#include "engine/hcl/Ast.h"

#include <vector>

namespace kiln::hcl {

namespace {

class VariablesWalker
{
public:
    QList<Traversal> found;

    void walk(const Expr *e)
    {
        if (!e)
            return;
        switch (e->kind) {
        case ExprKind::Literal:
        case ExprKind::AnonSymbol:
            return;
        case ExprKind::ScopeTraversal: {
            const auto &t = static_cast<const ScopeTraversalExpr &>(*e).traversal;
            const QString root = t.rootName();
            for (const QSet<QString> *scope : m_scopes)
                if (scope->contains(root))
                    return;
            found.append(t);
            return;
        }
        case ExprKind::Template:
            for (const ExprPtr &p : static_cast<const TemplateExpr &>(*e).parts)
                walk(p.get());
            return;
        case ExprKind::TemplateWrap:
            walk(static_cast<const TemplateWrapExpr &>(*e).wrapped.get());
            return;
        case ExprKind::TemplateJoin:
            walk(static_cast<const TemplateJoinExpr &>(*e).tuple.get());
            return;
        case ExprKind::RelativeTraversal:
            walk(static_cast<const RelativeTraversalExpr &>(*e).source.get());
            return;
        case ExprKind::FunctionCall:
            for (const ExprPtr &a : static_cast<const FunctionCallExpr &>(*e).args)
                walk(a.get());
            return;
        case ExprKind::Conditional: {
            const auto &c = static_cast<const ConditionalExpr &>(*e);
            walk(c.condition.get());
            walk(c.trueResult.get());
            walk(c.falseResult.get());
            return;
        }
        case ExprKind::BinaryOp: {
            const auto &b = static_cast<const BinaryOpExpr &>(*e);
            walk(b.lhs.get());
            walk(b.rhs.get());
            return;
        }
        case ExprKind::UnaryOp:
            walk(static_cast<const UnaryOpExpr &>(*e).operand.get());
            return;
        case ExprKind::TupleCons:
            for (const ExprPtr &x : static_cast<const TupleConsExpr &>(*e).elements)
                walk(x.get());
            return;
        case ExprKind::ObjectCons:
            for (const ObjectConsItem &item : static_cast<const ObjectConsExpr &>(*e).items) {
                walk(item.key.get());
                walk(item.value.get());
            }
            return;
        case ExprKind::ObjectConsKey: {
            // A bare name key is the literal string, not a reference.
            const auto &k = static_cast<const ObjectConsKeyExpr &>(*e);
            if (!k.forceNonLiteral && k.wrapped && k.wrapped->kind == ExprKind::ScopeTraversal
                && static_cast<const ScopeTraversalExpr &>(*k.wrapped).traversal.steps.size() == 1)
                return;
            walk(k.wrapped.get());
            return;
        }
        case ExprKind::For: {
            const auto &f = static_cast<const ForExpr &>(*e);
            walk(f.collection.get());
            QSet<QString> names;
            if (!f.keyVar.isEmpty())
                names.insert(f.keyVar);
            if (!f.valVar.isEmpty())
                names.insert(f.valVar);
            m_scopes.push_back(&names);
            walk(f.keyExpr.get());
            walk(f.valExpr.get());
            walk(f.condExpr.get());
            m_scopes.pop_back();
            return;
        }
        case ExprKind::Index: {
            const auto &i = static_cast<const IndexExpr &>(*e);
            walk(i.collection.get());
            walk(i.key.get());
            return;
        }
        case ExprKind::Splat: {
            const auto &s = static_cast<const SplatExpr &>(*e);
            walk(s.source.get());
            walk(s.each.get());
            return;
        }
        case ExprKind::Parentheses:
            walk(static_cast<const ParenthesesExpr &>(*e).inner.get());
            return;
        }
    }

private:
    std::vector<const QSet<QString> *> m_scopes;
};

} // namespace

QList<Traversal> referencedVariables(const ExprPtr &expr)
{
    VariablesWalker w;
    w.walk(expr.get());
    return w.found;
}

} // namespace kiln::hcl

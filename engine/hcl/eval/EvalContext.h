#pragma once

#include "engine/hcl/eval/Function.h"
#include "engine/hcl/value/Value.h"

#include <QMap>
#include <QString>

#include <memory>

namespace kiln::hcl {

// The names an expression may use, as hcl.EvalContext: variables (root names
// such as `var`, `local`, `source`, or for-expression symbols) and functions.
// Children see their parent's names and may shadow them.
class EvalContext
{
public:
    EvalContext() = default;

    QMap<QString, Value> variables;
    std::shared_ptr<const FunctionTable> functions;

    EvalContext child() const
    {
        EvalContext c;
        c.parentContext = this;
        return c;
    }
    const EvalContext *parent() const { return parentContext; }

    // Walks up the chain. nullptr if not found.
    const Value *lookupVariable(const QString &name) const
    {
        for (const EvalContext *c = this; c; c = c->parentContext) {
            auto it = c->variables.constFind(name);
            if (it != c->variables.constEnd())
                return &it.value();
        }
        return nullptr;
    }
    const Function *lookupFunction(const QString &name) const
    {
        for (const EvalContext *c = this; c; c = c->parentContext) {
            if (c->functions) {
                auto it = c->functions->constFind(name);
                if (it != c->functions->constEnd())
                    return &it.value();
            }
        }
        return nullptr;
    }
    // True if any context in the chain defines variables / functions at all
    // (HCL says "Variables not allowed" / "Function calls not allowed" otherwise).
    bool hasVariables() const
    {
        for (const EvalContext *c = this; c; c = c->parentContext)
            if (!c->variables.isEmpty())
                return true;
        return false;
    }
    bool hasFunctions() const
    {
        for (const EvalContext *c = this; c; c = c->parentContext)
            if (c->functions)
                return true;
        return false;
    }

private:
    const EvalContext *parentContext = nullptr;
};

} // namespace kiln::hcl

#pragma once

#include "engine/hcl/Ast.h"
#include "engine/hcl/SourceRange.h"
#include "engine/hcl/value/Value.h"

#include <QList>
#include <QString>

#include <functional>

namespace kiln::tmpl {

// One way a variable got a value, as Packer's VariableAssignment. `from` is
// "default", "env", "varfile" or "cmd"; it names the source in the "Invalid value
// for <from> variable" diagnostic of a failed validation rule.
struct VariableAssignment
{
    QString from;
    hcl::Value value;
    hcl::ExprPtr expr; // null for values that did not come from an expression
};

// A `validation { condition, error_message }` block of a variable.
struct VariableValidation
{
    hcl::ExprPtr condition;
    QString errorMessage;
    hcl::SourceRange declRange;
};

// An input variable (`variable "x" {}` or an entry of a legacy `variables {}`
// block) or an evaluated local. The last assignment wins; with none the variable
// is unset and its value unknown.
struct Variable
{
    QString name;
    QString description;
    hcl::Type type = hcl::Type::dynamic();
    // Fills attributes left out of a value with the defaults declared by
    // optional(type, default) in the type constraint; empty when there are none.
    std::function<hcl::Value(const hcl::Value &)> typeDefaults;
    bool sensitive = false;
    QList<VariableAssignment> values;
    QList<VariableValidation> validations;
    hcl::SourceRange range; // the block header (or the attribute in `variables {}`)

    bool isSet() const { return !values.isEmpty(); }
    // The effective value, carrying the "sensitive" mark when the variable is
    // sensitive so that anything printing it can scrub it.
    hcl::Value value() const
    {
        hcl::Value v = values.isEmpty() ? hcl::Value::unknown(type) : values.last().value;
        return sensitive ? v.mark(hcl::Value::sensitiveMark()) : v;
    }
    // The same without the mark, for evaluation contexts that must behave as
    // Packer's (which keeps sensitivity out of cty).
    hcl::Value rawValue() const
    {
        return values.isEmpty() ? hcl::Value::unknown(type) : values.last().value;
    }
};

// A local value: an entry of `locals {}` or a `local "x" {}` block.
struct LocalBlock
{
    QString name;
    hcl::ExprPtr expr;
    bool sensitive = false;
    hcl::SourceRange range; // the attribute, or the block header
};

} // namespace kiln::tmpl

#pragma once

// Decoding an attribute's expression into a plain C++ value the way gohcl's
// DecodeExpression does for Packer's fixed-schema blocks (build, provisioner,
// post-processor, variable): evaluate, convert to the target's cty type, then
// refuse null and unknown results. Failures are "Unsuitable value type"
// diagnostics with cty's wording, pointing at the expression's start.

#include "engine/hcl/Ast.h"
#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/eval/EvalContext.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace kiln::tmpl {

class ExpressionDecoder
{
public:
    // `ctx` may be null (no variables nor functions allowed), as gohcl with a nil context.
    explicit ExpressionDecoder(const hcl::EvalContext *ctx)
        : m_ctx(ctx)
    {
    }

    std::optional<QString> decodeString(const hcl::ExprPtr &expr, hcl::Diagnostics &diags) const;
    std::optional<bool> decodeBool(const hcl::ExprPtr &expr, hcl::Diagnostics &diags) const;
    std::optional<int> decodeInt(const hcl::ExprPtr &expr, hcl::Diagnostics &diags) const;
    // A Go []string target: null decodes to an empty list.
    std::optional<QStringList> decodeStringList(const hcl::ExprPtr &expr, hcl::Diagnostics &diags) const;
    // A cty.Value target: any value, unknown included.
    hcl::Value decodeValue(const hcl::ExprPtr &expr, hcl::Diagnostics &diags) const;

private:
    std::optional<hcl::Value> convertTo(const hcl::ExprPtr &expr, const hcl::Type &type, hcl::Diagnostics &diags) const;
    static hcl::Diagnostic unsuitable(const hcl::ExprPtr &expr, const QString &message);

    const hcl::EvalContext *m_ctx;
};

} // namespace kiln::tmpl

// Out-of-line helpers of the native-syntax tree.

#include "engine/hcl/Ast.h"

namespace kiln::hcl::syntax {

SourceRange Block::defRange() const
{
    const SourceRange &last = labelRanges.isEmpty() ? typeRange : labelRanges.last();
    return SourceRange::between(typeRange, last);
}

} // namespace kiln::hcl::syntax

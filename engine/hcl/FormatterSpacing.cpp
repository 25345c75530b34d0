#include "engine/hcl/Formatter.h"

namespace kiln::hcl {

// hclwrite's spacing rules, in its order: the first rule that applies wins.
// These follow the hclwrite that `packer fmt` 1.6.6 uses, verified against it.
bool Formatter::spaceAfterToken(const Item &subject, const Item *before, const Item &after)
{
    using T = TokenType;
    const T s = subject.type;
    const T a = after.type;
    if (a == T::Newline)
        return false; // never a space before a newline
    if (s == T::Ident && a == T::OParen)
        return false; // function name and its "("
    if (s == T::Dot || a == T::Dot)
        return false; // attribute access
    if (a == T::Comma || a == T::Ellipsis)
        return false;
    if (s == T::Comma)
        return true;
    if (s == T::QuotedLit || s == T::StringLit || s == T::OQuote || s == T::OHeredoc
        || a == T::QuotedLit || a == T::StringLit || a == T::CQuote || a == T::CHeredoc)
        return false; // template text is kept as written
    if (s == T::Ident && subject.bytes == "in" && before && before->type == T::Ident)
        return true; // the "in" keyword of a for expression: [for x in [foo]: x]
    if (a == T::OBrack && (s == T::Ident || s == T::NumberLit || bracketChange(s) < 0))
        return false; // index brackets
    // Newer HCL (2.8+) also drops the space after "!", but the HCL that
    // Packer 1.6.6 links keeps it ("! x"); we match Packer 1.6.6.
    if (s == T::Minus) {
        // Negation has no space after it; guess it is one when the token
        // before cannot end an expression.
        if (!before)
            return false;
        switch (before->type) {
        case T::OParen:
        case T::OBrace:
        case T::OBrack:
        case T::Equal:
        case T::Colon:
        case T::Comma:
        case T::Question:
        case T::Plus:
        case T::Star:
        case T::Slash:
        case T::Percent:
        case T::Minus:
        case T::EqualOp:
        case T::NotEqual:
        case T::GreaterThan:
        case T::GreaterThanEq:
        case T::LessThan:
        case T::LessThanEq:
        case T::And:
        case T::Or:
        case T::Bang:
            return false;
        default:
            return true;
        }
    }
    if (s == T::OBrace || a == T::CBrace)
        return !(s == T::OBrace && a == T::CBrace); // "{ a = b }" but "{}"
    // An interpolation holding just an object constructor: "${ {} }".
    if ((s == T::TemplateInterp || s == T::TemplateControl) && a == T::OBrace)
        return true;
    if (s == T::CBrace && a == T::TemplateSeqEnd)
        return true;
    if (s == T::TemplateSeqEnd && (a == T::TemplateInterp || a == T::TemplateControl))
        return false;
    if (bracketChange(s) > 0)
        return false; // after an opening bracket
    if (bracketChange(a) < 0)
        return false; // before a closing bracket
    return true;
}

} // namespace kiln::hcl

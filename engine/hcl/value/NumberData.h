#pragma once

// Internal to the value layer: the MPFR payload behind kiln::hcl::Number.

#include "engine/hcl/value/Number.h"

#include <mpfr.h>

namespace kiln::hcl {

// Precision is tracked per number because Go's big.Float does and cty relies on it:
// a literal parses at 512 bits, an int64 at 64 and a float64 at 53, arithmetic takes
// the larger operand precision, and the shortest decimal text depends on it.
struct Number::Data
{
    mpfr_t v;
    explicit Data(mpfr_prec_t prec) { mpfr_init2(v, prec); }
    ~Data() { mpfr_clear(v); }
    Data(const Data &) = delete;
    Data &operator=(const Data &) = delete;
};

} // namespace kiln::hcl

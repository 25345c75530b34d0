#include "engine/hcl/value/Number.h"

#include "engine/hcl/value/GoFormat.h"
#include "engine/hcl/value/NumberData.h"

#include <cmath>
#include <mpfr.h>

namespace kiln::hcl {

namespace {

constexpr mpfr_prec_t kParsePrecision = 512;

// Go's big.Float has an int32 binary exponent (MinExp..MaxExp, mantissa in [0.5, 1)
// as MPFR's); beyond it values become infinite or zero. Use the same range so huge
// literals such as 1e700000000 overflow to +Inf exactly as in cty. MPFR keeps the
// range per thread, hence thread_local.
void useGoExponentRange()
{
    thread_local const bool done = [] {
        mpfr_set_emin(-2147483647L - 1);
        mpfr_set_emax(2147483647L);
        return true;
    }();
    (void)done;
}

std::shared_ptr<Number::Data> make(mpfr_prec_t prec)
{
    useGoExponentRange();
    return std::make_shared<Number::Data>(prec);
}

mpfr_prec_t maxPrec(const Number::Data *a, const Number::Data *b)
{
    return std::max(mpfr_get_prec(a->v), mpfr_get_prec(b->v));
}

} // namespace

Number::Number()
    : Number(fromInt(0))
{ }

Number::Number(std::shared_ptr<const Data> data)
    : d(std::move(data))
{ }

Number Number::fromInt(qint64 v)
{
    static const Number zero = [] {
        auto z = make(64);
        mpfr_set_si(z->v, 0, MPFR_RNDN);
        return Number(z);
    }();
    if (v == 0 && zero.d)
        return zero;
    auto r = make(64); // big.Float.SetInt64 uses 64 bits
    mpfr_set_si(r->v, static_cast<long>(v), MPFR_RNDN);
    return Number(r);
}

Number Number::fromDouble(double v)
{
    auto r = make(53); // big.Float.SetFloat64 uses 53 bits
    mpfr_set_d(r->v, v, MPFR_RNDN);
    return Number(r);
}

Number Number::infinity(int sign)
{
    auto r = make(kParsePrecision);
    mpfr_set_inf(r->v, sign < 0 ? -1 : 1);
    return Number(r);
}

std::optional<Number> Number::parse(QStringView text)
{
    const std::optional<ParsedNumberText> p = parseNumberText(text);
    if (!p)
        return std::nullopt;
    auto r = make(kParsePrecision);
    if (p->infinite) {
        mpfr_set_inf(r->v, p->negative ? -1 : 1);
        return Number(r);
    }
    // MPFR rounds the decimal text correctly to nearest-even, as big.ParseFloat does.
    const QByteArray dec = p->decimal.toLatin1();
    mpfr_set_str(r->v, dec.constData(), 10, MPFR_RNDN);
    if (p->binaryExponent != 0)
        mpfr_mul_2si(r->v, r->v, p->binaryExponent, MPFR_RNDN);
    return Number(r);
}

QString Number::toString() const
{
    return formatShortest(d->v);
}

bool Number::isInteger() const
{
    return mpfr_integer_p(d->v) != 0;
}

bool Number::isInfinity() const
{
    return mpfr_inf_p(d->v) != 0;
}

bool Number::isZero() const
{
    return mpfr_zero_p(d->v) != 0;
}

int Number::sign() const
{
    const int s = mpfr_sgn(d->v);
    return s < 0 ? -1 : (s > 0 ? 1 : 0);
}

std::optional<qint64> Number::toInt64() const
{
    if (!mpfr_integer_p(d->v) || !mpfr_fits_slong_p(d->v, MPFR_RNDZ))
        return std::nullopt;
    return static_cast<qint64>(mpfr_get_si(d->v, MPFR_RNDZ));
}

double Number::toDouble() const
{
    return mpfr_get_d(d->v, MPFR_RNDN);
}

Number Number::operator+(const Number &o) const
{
    auto r = make(maxPrec(d.get(), o.d.get()));
    mpfr_add(r->v, d->v, o.d->v, MPFR_RNDN);
    return Number(r);
}

Number Number::operator-(const Number &o) const
{
    // cty subtracts by adding the negation; the result is the same.
    auto r = make(maxPrec(d.get(), o.d.get()));
    mpfr_sub(r->v, d->v, o.d->v, MPFR_RNDN);
    return Number(r);
}

Number Number::operator*(const Number &o) const
{
    // cty multiplies at 512 bits and then keeps max(operand precision, bits the
    // product needs), so that products of integers stay exact.
    auto r = make(kParsePrecision);
    mpfr_mul(r->v, d->v, o.d->v, MPFR_RNDN);
    mpfr_prec_t prec = maxPrec(d.get(), o.d.get());
    if (mpfr_regular_p(r->v))
        prec = std::max(prec, mpfr_min_prec(r->v));
    mpfr_prec_round(r->v, prec, MPFR_RNDN);
    return Number(r);
}

Number Number::operator/(const Number &o) const
{
    auto r = make(maxPrec(d.get(), o.d.get()));
    if (mpfr_zero_p(o.d->v) && mpfr_zero_p(d->v)) {
        // big.Float panics on 0/0; cty callers guard against it. Give +Inf
        // rather than NaN, which has no cty representation.
        mpfr_set_inf(r->v, 1);
        return Number(r);
    }
    mpfr_div(r->v, d->v, o.d->v, MPFR_RNDN);
    return Number(r);
}

Number Number::operator%(const Number &o) const
{
    if (isInfinity() || o.isInfinity())
        return *this * o;
    if (o.isZero())
        return *this;
    // cty: v - other * trunc(v / other), every step at the dividend's precision.
    const mpfr_prec_t p = mpfr_get_prec(d->v);
    const Number ratio = *this / o;
    auto t = make(p);
    mpfr_trunc(t->v, ratio.d->v);
    mpfr_prec_round(t->v, p, MPFR_RNDN);
    auto r = make(p);
    mpfr_mul(r->v, o.d->v, t->v, MPFR_RNDN);
    mpfr_sub(r->v, d->v, r->v, MPFR_RNDN);
    return Number(r);
}

Number Number::operator-() const
{
    auto r = make(mpfr_get_prec(d->v));
    mpfr_neg(r->v, d->v, MPFR_RNDN);
    return Number(r);
}

Number Number::abs() const
{
    auto r = make(mpfr_get_prec(d->v));
    mpfr_abs(r->v, d->v, MPFR_RNDN);
    return Number(r);
}

// stdlib floor/ceil build the result from a big.Int (SetInt: at least 64 bits).
Number Number::floor() const
{
    if (isInfinity())
        return *this;
    auto r = make(std::max<mpfr_prec_t>(64, mpfr_get_prec(d->v)));
    mpfr_floor(r->v, d->v);
    return Number(r);
}

Number Number::ceil() const
{
    if (isInfinity())
        return *this;
    auto r = make(std::max<mpfr_prec_t>(64, mpfr_get_prec(d->v)));
    mpfr_ceil(r->v, d->v);
    return Number(r);
}

// cty's stdlib computes pow and log with float64 math (math.Pow, math.Log) and wraps
// the result with NumberFloatVal; doing the same keeps printed results identical.
Number Number::pow(const Number &exponent) const
{
    return fromDouble(std::pow(toDouble(), exponent.toDouble()));
}

Number Number::log(const Number &base) const
{
    return fromDouble(std::log(toDouble()) / std::log(base.toDouble()));
}

int Number::compare(const Number &o) const
{
    const int c = mpfr_cmp(d->v, o.d->v);
    if (c == 0)
        return 0;
    // cty's number equality: two non-integers are equal when they print the same,
    // which matters only when their precisions differ (0.1 from a float64 equals
    // the literal 0.1).
    if (mpfr_get_prec(d->v) != mpfr_get_prec(o.d->v) && !isInteger() && !o.isInteger()
        && sign() == o.sign() && toString() == o.toString())
        return 0;
    return c < 0 ? -1 : 1;
}

} // namespace kiln::hcl

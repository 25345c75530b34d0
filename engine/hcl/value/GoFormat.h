#pragma once

// Internal to the value layer: text conversions that must match Go's standard
// library byte for byte, because cty (and so Packer) uses them for what users see.

#include <QString>
#include <QStringView>
#include <mpfr.h>
#include <optional>

namespace kiln::hcl {

// A number accepted by Go's big.ParseFloat(s, 10, ...): optional sign, decimal
// digits with at most one '.', optional exponent "e"/"E" (decimal) or "p"/"P"
// (binary), or "Inf"/"inf" with optional sign.
struct ParsedNumberText
{
    bool infinite = false;
    bool negative = false;
    QString decimal; // "[-]digits.digitse[+-]exp", acceptable to mpfr_set_str
    long binaryExponent = 0; // from a "p" exponent
};
std::optional<ParsedNumberText> parseNumberText(QStringView text);

// big.Float.Text('f', -1): the shortest decimal that reads back as x at x's own
// precision, no exponent; "+Inf"/"-Inf"; negative zero is "-0".
QString formatShortest(const mpfr_t x);

// big.Float.Text('g', digits), e.g. big.Float.String() is digits == 10.
QString formatBigG(const mpfr_t x, int digits);

// fmt.Sprintf("%g", f) for a float64: shortest digits, exponent form when the
// decimal exponent is < -4 or >= 6.
QString formatGoFloatG(double f);

// fmt.Sprintf("%q", s): Go's strconv.Quote.
QString quoteGo(const QString &s);

// Go's string ordering (byte-wise UTF-8, i.e. by code point), unlike QString's
// UTF-16 ordering.
int compareCodePoints(const QString &a, const QString &b);

} // namespace kiln::hcl

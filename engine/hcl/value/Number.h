#pragma once

#include <QString>
#include <QStringView>

#include <memory>
#include <optional>

namespace kiln::hcl {

// An arbitrary-precision number as cty.Number: a binary floating-point value with
// 512 bits of mantissa (cty uses big.Float with that precision), plus +/-infinity.
// Backed by MPFR. Immutable, cheap to copy.
class Number
{
public:
    Number(); // 0
    static Number fromInt(qint64 v);
    static Number fromDouble(double v);
    static Number infinity(int sign);
    // Parses decimal and exponent notation as cty.ParseNumberVal does
    // ("12", "-1.5", "1e3", "0.1"). Returns nullopt for anything else.
    static std::optional<Number> parse(QStringView text);

    // The canonical text cty prints (big.Float.Text('f', -1)): shortest decimal that
    // reads back to the same value, no exponent, no trailing zeros: "1", "0.1", "1e+21"
    // is printed as "1000000000000000000000".
    QString toString() const;

    bool isInteger() const;
    bool isInfinity() const;
    bool isZero() const;
    int sign() const; // -1, 0, 1
    // Exact int64 value, or nullopt if not an integer or out of range.
    std::optional<qint64> toInt64() const;
    double toDouble() const;

    Number operator+(const Number &o) const;
    Number operator-(const Number &o) const;
    Number operator*(const Number &o) const;
    // Division by zero yields infinity with the right sign, as cty.
    Number operator/(const Number &o) const;
    // cty's Modulo: sign of the dividend; x % 0 is an error reported by the caller.
    Number operator%(const Number &o) const;
    Number operator-() const;
    Number abs() const;
    Number floor() const;
    Number ceil() const;
    Number pow(const Number &exponent) const;
    Number log(const Number &base) const;

    int compare(const Number &o) const; // -1, 0, 1
    friend bool operator==(const Number &a, const Number &b) { return a.compare(b) == 0; }
    friend bool operator!=(const Number &a, const Number &b) { return a.compare(b) != 0; }
    friend bool operator<(const Number &a, const Number &b) { return a.compare(b) < 0; }

    struct Data;
    const Data *data() const { return d.get(); }

private:
    explicit Number(std::shared_ptr<const Data> d);
    std::shared_ptr<const Data> d;
};

} // namespace kiln::hcl

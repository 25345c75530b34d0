// abs ceil floor log max min parseint pow signum sum, as cty's stdlib number.go
// and Packer's sum.go.

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

#include <cmath>

namespace kiln::hcl::functions {

namespace {

    Value floatResult(double d, FunctionError &err)
    {
        // cty.NumberFloatVal panics on NaN; the panic becomes this call error.
        if (std::isnan(d))
            return fail(err, -1, QStringLiteral("panic in function implementation: value is NaN"));
        if (std::isinf(d))
            return Value::number(Number::infinity(d > 0 ? 1 : -1));
        return Value::number(Number::fromDouble(d));
    }

    // Digits of big.Int.SetString for bases up to 62: 0-9, a-z, A-Z; for bases
    // <= 36 letters are case-insensitive. Underscores are not accepted with an
    // explicit base, as Go does.
    std::optional<Number> parseInteger(const QString &text, int base)
    {
        QString s = text;
        bool negative = false;
        if (s.startsWith(QLatin1Char('+')) || s.startsWith(QLatin1Char('-'))) {
            negative = s.startsWith(QLatin1Char('-'));
            s = s.mid(1);
        }
        if (s.isEmpty())
            return std::nullopt;
        // Exact big-integer accumulation in decimal digits (least significant
        // first), then one exact parse into a Number.
        QList<int> dec {0};
        for (const QChar c : s) {
            int d;
            const ushort u = c.unicode();
            if (u >= '0' && u <= '9')
                d = u - '0';
            else if (u >= 'a' && u <= 'z')
                d = u - 'a' + 10;
            else if (u >= 'A' && u <= 'Z')
                d = base <= 36 ? u - 'A' + 10 : u - 'A' + 36;
            else
                return std::nullopt;
            if (d >= base)
                return std::nullopt;
            int carry = d;
            for (int &digit : dec) {
                const int v = digit * base + carry;
                digit = v % 10;
                carry = v / 10;
            }
            while (carry > 0) {
                dec.append(carry % 10);
                carry /= 10;
            }
        }
        QString decimal = negative ? QStringLiteral("-") : QString();
        for (qsizetype i = dec.size() - 1; i >= 0; --i)
            decimal += QChar(u'0' + dec[i]);
        return Number::parse(decimal);
    }

} // namespace

void addNumericFunctions(FunctionTable &t)
{
    const Type num = Type::number();
    add(t, simpleFunction(QStringLiteral("abs"), QStringLiteral("Returns the absolute value of the given number."),
                          {param(QStringLiteral("num"), num, AllowMarked)}, num,
                          [](const QList<Value> &a, const Type &, FunctionError &) {
                              return Value::number(a[0].unmarked().asNumber().abs()).withMarks(a[0].marks());
                          }));
    add(t, simpleFunction(QStringLiteral("ceil"),
                          QStringLiteral("Returns the smallest whole number that is greater than or equal to the given value."),
                          {param(QStringLiteral("num"), num)}, num, [](const QList<Value> &a, const Type &, FunctionError &) {
                              return Value::number(a[0].asNumber().ceil());
                          }));
    add(t, simpleFunction(QStringLiteral("floor"),
                          QStringLiteral("Returns the greatest whole number that is less than or equal to the given value."),
                          {param(QStringLiteral("num"), num)}, num, [](const QList<Value> &a, const Type &, FunctionError &) {
                              return Value::number(a[0].asNumber().floor());
                          }));
    add(t, simpleFunction(QStringLiteral("log"), QStringLiteral("Returns the logarithm of the given number in the given base."),
                          {param(QStringLiteral("num"), num), param(QStringLiteral("base"), num)}, num,
                          [](const QList<Value> &a, const Type &, FunctionError &err) {
                              return floatResult(std::log(a[0].asNumber().toDouble()) / std::log(a[1].asNumber().toDouble()), err);
                          }));
    add(t, simpleFunction(QStringLiteral("pow"), QStringLiteral("Returns the given number raised to the given power (exponentiation)."),
                          {param(QStringLiteral("num"), num), param(QStringLiteral("power"), num)}, num,
                          [](const QList<Value> &a, const Type &, FunctionError &err) {
                              return floatResult(std::pow(a[0].asNumber().toDouble(), a[1].asNumber().toDouble()), err);
                          }));
    add(t, simpleFunction(QStringLiteral("signum"),
                          QStringLiteral("Returns 0 if the given number is zero, 1 if the given number is positive, or -1 if the given number is negative."),
                          {param(QStringLiteral("num"), num)}, num, [](const QList<Value> &a, const Type &, FunctionError &err) {
                              // cty reads the number into a Go int first, so fractions are rejected.
                              QString why;
                              std::optional<qint64> i = toInt(a[0], &why);
                              if (!i)
                                  return fail(err, -1, why);
                              return Value::number(*i < 0 ? -1 : (*i > 0 ? 1 : 0));
                          }));

    auto extremum = [num](const QString &name, const QString &desc, bool wantMax) {
        Function f = simpleFunction(name, desc, {}, num, [wantMax](const QList<Value> &a, const Type &, FunctionError &err) {
            if (a.isEmpty())
                return fail(err, -1, QStringLiteral("must pass at least one number"));
            Number best = Number::infinity(wantMax ? -1 : 1);
            for (const Value &v : a) {
                const int c = v.asNumber().compare(best);
                if (wantMax ? c > 0 : c < 0)
                    best = v.asNumber();
            }
            return Value::number(best);
        });
        f.varParam = param(QStringLiteral("numbers"), num, AllowDynamic);
        return f;
    };
    add(t, extremum(QStringLiteral("max"), QStringLiteral("Returns the numerically greatest of all of the given numbers."), true));
    add(t, extremum(QStringLiteral("min"), QStringLiteral("Returns the numerically smallest of all of the given numbers."), false));

    add(t, typedFunction(
               QStringLiteral("parseint"),
               QStringLiteral("Parses the given string as a number of the given base, or raises an error if the string contains invalid characters."),
               {param(QStringLiteral("number"), Type::dynamic()), param(QStringLiteral("base"), num)},
               [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
                   if (a[0].type() != Type::string())
                       return failType(err, 0, QStringLiteral("first argument must be a string, not %1").arg(a[0].type().friendlyName()));
                   return Type::number();
               },
               [](const QList<Value> &a, const Type &, FunctionError &err) {
                   QString why;
                   std::optional<qint64> base = toInt(a[1], &why);
                   if (!base)
                       return fail(err, 1, why);
                   if (*base < 2 || *base > 62)
                       return fail(err, 1, QStringLiteral("base must be a whole number between 2 and 62 inclusive"));
                   std::optional<Number> n = parseInteger(a[0].asString(), int(*base));
                   if (!n)
                       return fail(err, 0, QStringLiteral("cannot parse %1 as a base %2 integer").arg(goQuote(a[0].asString())).arg(*base));
                   return Value::number(*n);
               }));

    add(t, simpleFunction(QStringLiteral("sum"), QStringLiteral("Returns the total sum of the elements of the given list."),
                          {param(QStringLiteral("list"), Type::dynamic())}, num,
                          [](const QList<Value> &a, const Type &, FunctionError &err) {
                              const Value &list = a[0];
                              const Type::Kind k = list.type().kind();
                              const bool iterable = list.type().isCollection() || list.type().isStructural();
                              if (!iterable)
                                  return fail(err, 0, QStringLiteral("cannot sum noniterable"));
                              if (list.length() == 0)
                                  return fail(err, 0, QStringLiteral("cannot sum an empty list"));
                              if (k != Type::Kind::List && k != Type::Kind::Set && k != Type::Kind::Tuple)
                                  return fail(err, 0, QStringLiteral("argument must be list, set, or tuple. Received %1").arg(list.type().friendlyName()));
                              if (!list.isWhollyKnown())
                                  return Value::unknown(Type::number());
                              const QString notNumbers = QStringLiteral("argument must be list, set, or tuple of number values");
                              std::optional<Number> total;
                              for (const Value &e : list.elements()) {
                                  if (e.isNull())
                                      return fail(err, 0, notNumbers);
                                  std::optional<Value> n = convert(e, Type::number());
                                  if (!n)
                                      return fail(err, 0, notNumbers);
                                  const Number x = n->asNumber();
                                  if (total && total->isInfinity() && x.isInfinity() && total->sign() != x.sign())
                                      return fail(err, -1, QStringLiteral("can't compute sum of opposing infinities"));
                                  total = total ? *total + x : x;
                              }
                              return Value::number(*total);
                          }));
}

} // namespace kiln::hcl::functions

#include "engine/hcl/value/GoFormat.h"

#include <QByteArray>
#include <QList>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <gmp.h>
#include <string>

namespace kiln::hcl {

namespace {

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// A decimal in Go's math/big form: value = 0.mant * 10^exp, mant without leading or
// trailing zeros (empty for zero).
struct Decimal
{
    std::string mant;
    long exp = 0;

    char at(size_t i) const { return i < mant.size() ? mant[i] : '0'; }

    void trim()
    {
        while (!mant.empty() && mant.back() == '0')
            mant.pop_back();
        if (mant.empty())
            exp = 0;
    }

    // m * 2^shift, exactly.
    void init(const mpz_t m, long shift)
    {
        mpz_t n;
        mpz_init(n);
        long fracDigits = 0;
        if (shift >= 0) {
            mpz_mul_2exp(n, m, static_cast<mp_bitcnt_t>(shift));
        } else {
            // m / 2^k == m * 5^k / 10^k
            mpz_t five;
            mpz_init(five);
            mpz_ui_pow_ui(five, 5, static_cast<unsigned long>(-shift));
            mpz_mul(n, m, five);
            mpz_clear(five);
            fracDigits = -shift;
        }
        if (mpz_sgn(n) == 0) {
            mant.clear();
            exp = 0;
        } else {
            std::string s(mpz_sizeinbase(n, 10) + 2, '\0');
            mpz_get_str(s.data(), 10, n);
            s.resize(std::char_traits<char>::length(s.c_str()));
            mant = s;
            exp = static_cast<long>(s.size()) - fracDigits;
        }
        mpz_clear(n);
        trim();
    }

    void roundUp(size_t n)
    {
        if (n >= mant.size())
            return;
        while (n > 0 && mant[n - 1] >= '9')
            --n;
        if (n == 0) {
            mant = "1";
            ++exp;
            return;
        }
        ++mant[n - 1];
        mant.resize(n);
    }

    void roundDown(size_t n)
    {
        if (n >= mant.size())
            return;
        mant.resize(n);
        trim();
    }

    void round(size_t n)
    {
        if (n >= mant.size())
            return;
        bool up;
        if (mant[n] == '5' && n + 1 == mant.size())
            up = n > 0 && ((mant[n - 1] - '0') & 1) != 0; // exactly half: to even
        else
            up = mant[n] >= '5';
        if (up)
            roundUp(n);
        else
            roundDown(n);
    }
};

// Go's math/big roundShortest: the shortest decimal inside the interval of values
// that round to x at x's precision (bounds included only for an even mantissa).
void roundShortest(Decimal &d, const mpfr_t x)
{
    if (d.mant.empty())
        return;
    mpz_t mant, tmp;
    mpz_init(mant);
    mpz_init(tmp);
    long exp = static_cast<long>(mpfr_get_z_2exp(mant, x));
    mpz_abs(mant, mant);
    // Rescale so that the mantissa has prec+1 bits: its lsb is then half an ulp.
    const long bits = static_cast<long>(mpz_sizeinbase(mant, 2));
    const long s = bits - static_cast<long>(mpfr_get_prec(x) + 1);
    if (s < 0)
        mpz_mul_2exp(mant, mant, static_cast<mp_bitcnt_t>(-s));
    else if (s > 0)
        mpz_fdiv_q_2exp(mant, mant, static_cast<mp_bitcnt_t>(s));
    exp += s;

    Decimal lower, upper;
    mpz_sub_ui(tmp, mant, 1);
    lower.init(tmp, exp);
    mpz_add_ui(tmp, mant, 1);
    upper.init(tmp, exp);
    const bool inclusive = mpz_tstbit(mant, 1) == 0;
    mpz_clear(mant);
    mpz_clear(tmp);

    for (size_t i = 0; i < d.mant.size(); ++i) {
        const char l = lower.at(i);
        const char m = d.mant[i];
        const char u = upper.at(i);
        const bool okDown = l != m || (inclusive && i + 1 == lower.mant.size());
        const bool okUp = m != u && (inclusive || m + 1 < u || i + 1 < upper.mant.size());
        if (okDown && okUp) {
            d.round(i + 1);
            return;
        }
        if (okDown) {
            d.roundDown(i + 1);
            return;
        }
        if (okUp) {
            d.roundUp(i + 1);
            return;
        }
    }
}

} // namespace

std::optional<ParsedNumberText> parseNumberText(QStringView text)
{
    ParsedNumberText r;
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (i < n && (text[i] == QLatin1Char('+') || text[i] == QLatin1Char('-'))) {
        r.negative = text[i] == QLatin1Char('-');
        ++i;
    }
    const QStringView rest = text.mid(i);
    if (rest == QLatin1String("Inf") || rest == QLatin1String("inf")) {
        r.infinite = true;
        return r;
    }
    QString intPart, fracPart;
    bool seenDot = false;
    for (; i < n; ++i) {
        const QChar c = text[i];
        if (isDigit(c)) {
            (seenDot ? fracPart : intPart).append(c);
        } else if (c == QLatin1Char('.') && !seenDot) {
            seenDot = true;
        } else {
            break;
        }
    }
    if (intPart.isEmpty() && fracPart.isEmpty())
        return std::nullopt;
    QString exponent = QStringLiteral("0");
    if (i < n) {
        const QChar e = text[i];
        const bool decimalExp = e == QLatin1Char('e') || e == QLatin1Char('E');
        const bool binaryExp = e == QLatin1Char('p') || e == QLatin1Char('P');
        if (!decimalExp && !binaryExp)
            return std::nullopt;
        ++i;
        QString digits;
        if (i < n && (text[i] == QLatin1Char('+') || text[i] == QLatin1Char('-')))
            digits.append(text[i++]);
        const qsizetype start = i;
        while (i < n && isDigit(text[i]))
            digits.append(text[i++]);
        if (i == start || i != n)
            return std::nullopt;
        bool ok = false;
        const qint64 value = digits.toLongLong(&ok);
        if (!ok)
            return std::nullopt; // exponent overflows int64, as strconv.ParseInt refuses
        if (binaryExp)
            r.binaryExponent = static_cast<long>(value);
        else
            exponent = QString::number(value);
    }
    if (intPart.isEmpty())
        intPart = QStringLiteral("0");
    r.decimal = (r.negative ? QStringLiteral("-") : QString()) + intPart;
    if (!fracPart.isEmpty())
        r.decimal += QLatin1Char('.') + fracPart;
    r.decimal += QLatin1Char('e') + exponent;
    return r;
}

QString formatShortest(const mpfr_t x)
{
    // Integers of small magnitude (counts, lengths, ports, sizes: nearly every number
    // a template prints) skip the decimal conversion. While |x| < 2^prec every integer
    // nearby is representable, so no shorter digit string rounds back to x and the
    // shortest text is the integer itself; 2^62 keeps it inside a long.
    if (mpfr_regular_p(x) && mpfr_integer_p(x)
        && mpfr_get_exp(x) <= std::min<mpfr_exp_t>(static_cast<mpfr_exp_t>(mpfr_get_prec(x)), 62))
        return QString::number(static_cast<qint64>(mpfr_get_si(x, MPFR_RNDZ)));
    QString out;
    if (mpfr_signbit(x))
        out += QLatin1Char('-');
    if (mpfr_inf_p(x)) {
        if (!mpfr_signbit(x))
            out += QLatin1Char('+');
        return out + QStringLiteral("Inf");
    }
    Decimal d;
    if (mpfr_regular_p(x)) {
        mpz_t m;
        mpz_init(m);
        const long e = static_cast<long>(mpfr_get_z_2exp(m, x));
        mpz_abs(m, m);
        d.init(m, e);
        mpz_clear(m);
        roundShortest(d, x);
    }
    const long prec = std::max<long>(static_cast<long>(d.mant.size()) - d.exp, 0);
    std::string buf;
    if (d.exp > 0) {
        const size_t m = std::min(d.mant.size(), static_cast<size_t>(d.exp));
        buf.append(d.mant, 0, m);
        buf.append(static_cast<size_t>(d.exp) - m, '0');
    } else {
        buf.push_back('0');
    }
    if (prec > 0) {
        buf.push_back('.');
        for (long i = 0; i < prec; ++i) {
            const long pos = d.exp + i;
            buf.push_back(pos < 0 ? '0' : d.at(static_cast<size_t>(pos)));
        }
    }
    return out + QString::fromLatin1(buf.data(), static_cast<qsizetype>(buf.size()));
}

QString formatBigG(const mpfr_t x, int digits)
{
    QString out;
    if (mpfr_signbit(x))
        out += QLatin1Char('-');
    if (mpfr_inf_p(x)) {
        if (!mpfr_signbit(x))
            out += QLatin1Char('+');
        return out + QStringLiteral("Inf");
    }
    Decimal d;
    if (mpfr_regular_p(x)) {
        mpz_t m;
        mpz_init(m);
        const long e = static_cast<long>(mpfr_get_z_2exp(m, x));
        mpz_abs(m, m);
        d.init(m, e);
        mpz_clear(m);
    }
    long prec = std::max(digits, 1);
    d.round(static_cast<size_t>(prec));
    const long nd = static_cast<long>(d.mant.size());
    long eprec = prec;
    if (eprec > nd && nd >= d.exp)
        eprec = nd;
    const long exp = d.exp - 1;
    std::string buf;
    if (exp < -4 || exp >= eprec) {
        prec = std::min(prec, nd) - 1;
        buf.push_back(d.mant.empty() ? '0' : d.mant[0]);
        if (prec > 0) {
            buf.push_back('.');
            for (long i = 1; i <= prec; ++i)
                buf.push_back(d.at(static_cast<size_t>(i)));
        }
        const long e = d.mant.empty() ? 0 : d.exp - 1;
        buf += e < 0 ? "e-" : "e+";
        if (std::abs(e) < 10)
            buf.push_back('0');
        buf += std::to_string(std::abs(e));
    } else {
        if (prec > d.exp)
            prec = nd;
        const long frac = std::max(prec - d.exp, 0L);
        if (d.exp > 0) {
            const size_t m = std::min(d.mant.size(), static_cast<size_t>(d.exp));
            buf.append(d.mant, 0, m);
            buf.append(static_cast<size_t>(d.exp) - m, '0');
        } else {
            buf.push_back('0');
        }
        if (frac > 0) {
            buf.push_back('.');
            for (long i = 0; i < frac; ++i) {
                const long pos = d.exp + i;
                buf.push_back(pos < 0 ? '0' : d.at(static_cast<size_t>(pos)));
            }
        }
    }
    return out + QString::fromLatin1(buf.data(), static_cast<qsizetype>(buf.size()));
}

QString formatGoFloatG(double f)
{
    if (std::isnan(f))
        return QStringLiteral("NaN");
    if (std::isinf(f))
        return f < 0 ? QStringLiteral("-Inf") : QStringLiteral("+Inf");
    // Shortest round-trip digits, as strconv does with precision -1.
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
    const std::string sci(buf, res.ptr);
    const bool neg = sci[0] == '-';
    const size_t ePos = sci.find('e');
    std::string digits;
    for (size_t i = neg ? 1 : 0; i < ePos; ++i) {
        if (sci[i] != '.')
            digits.push_back(sci[i]);
    }
    const int exp10 = std::stoi(sci.substr(ePos + 1));
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    std::string out = neg ? "-" : "";
    if (exp10 < -4 || exp10 >= 6) { // strconv: shortest %g decides with precision 6
        out += digits[0];
        if (digits.size() > 1)
            out += '.' + digits.substr(1);
        out += exp10 < 0 ? "e-" : "e+";
        const int a = std::abs(exp10);
        if (a < 10)
            out += '0';
        out += std::to_string(a);
    } else {
        const int dp = exp10 + 1; // digits before the decimal point
        if (dp <= 0) {
            out += "0." + std::string(static_cast<size_t>(-dp), '0') + digits;
        } else if (static_cast<size_t>(dp) >= digits.size()) {
            out += digits + std::string(static_cast<size_t>(dp) - digits.size(), '0');
        } else {
            out += digits.substr(0, static_cast<size_t>(dp)) + '.'
                + digits.substr(static_cast<size_t>(dp));
        }
    }
    return QString::fromLatin1(out.data(), static_cast<qsizetype>(out.size()));
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space.
static bool goIsPrint(char32_t c)
{
    if (c == U' ')
        return true;
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
        return true;
    default:
        return false;
    }
}

QString quoteGo(const QString &s)
{
    static const char hex[] = "0123456789abcdef";
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    const QList<uint> cps = s.toUcs4();
    for (const uint c : cps) {
        switch (c) {
        case '"':
            out += QStringLiteral("\\\"");
            continue;
        case '\\':
            out += QStringLiteral("\\\\");
            continue;
        case '\a':
            out += QStringLiteral("\\a");
            continue;
        case '\b':
            out += QStringLiteral("\\b");
            continue;
        case '\f':
            out += QStringLiteral("\\f");
            continue;
        case '\n':
            out += QStringLiteral("\\n");
            continue;
        case '\r':
            out += QStringLiteral("\\r");
            continue;
        case '\t':
            out += QStringLiteral("\\t");
            continue;
        case '\v':
            out += QStringLiteral("\\v");
            continue;
        default:
            break;
        }
        if (goIsPrint(c)) {
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&c), 1);
            continue;
        }
        QString esc;
        int width;
        if (c < 0x20 || c == 0x7f) {
            esc = QStringLiteral("\\x");
            width = 2;
        } else if (c < 0x10000) {
            esc = QStringLiteral("\\u");
            width = 4;
        } else {
            esc = QStringLiteral("\\U");
            width = 8;
        }
        for (int shift = (width - 1) * 4; shift >= 0; shift -= 4)
            esc += QLatin1Char(hex[(c >> shift) & 0xf]);
        out += esc;
    }
    out += QLatin1Char('"');
    return out;
}

int compareCodePoints(const QString &a, const QString &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t x = a[i].unicode();
        const char16_t y = b[i].unicode();
        if (x == y)
            continue;
        // Surrogates (astral code points) sort above every BMP code point.
        const bool xs = QChar::isSurrogate(x);
        const bool ys = QChar::isSurrogate(y);
        if (xs != ys)
            return xs ? 1 : -1;
        return x < y ? -1 : 1;
    }
    if (a.size() == b.size())
        return 0;
    return a.size() < b.size() ? -1 : 1;
}

} // namespace kiln::hcl

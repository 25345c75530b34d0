#include "engine/hcl/functions/GoFormat.h"

#include "engine/hcl/functions/CtyJson.h"
#include "engine/hcl/functions/FunctionSupport.h"

namespace kiln::hcl::functions {

namespace {

    struct Verb
    {
        QString raw;
        int offset = 0;
        int argNum = 0;
        char mode = 0;
        bool zero = false, sharp = false, plus = false, minus = false, space = false;
        bool hasPrec = false;
        int prec = -1;
        bool hasWidth = false;
        int width = -1;
    };

    // A number as Go's big decimal: 0.<mant> × 10^exp, mant without leading or
    // trailing zeros (empty for zero).
    struct Decimal
    {
        bool negative = false;
        QByteArray mant;
        int exp = 0;

        static Decimal of(const Number &n)
        {
            Decimal d;
            QString t = n.toString();
            if (t.startsWith(QLatin1Char('-'))) {
                d.negative = true;
                t = t.mid(1);
            }
            const qsizetype dot = t.indexOf(QLatin1Char('.'));
            QByteArray intPart = (dot < 0 ? t : t.left(dot)).toLatin1();
            QByteArray frac = dot < 0 ? QByteArray() : t.mid(dot + 1).toLatin1();
            QByteArray all = intPart + frac;
            int exp = int(intPart.size());
            qsizetype lead = 0;
            while (lead < all.size() && all[lead] == '0')
                ++lead;
            all = all.mid(lead);
            exp -= int(lead);
            while (!all.isEmpty() && all.endsWith('0'))
                all.chop(1);
            d.mant = all;
            d.exp = all.isEmpty() ? 0 : exp;
            return d;
        }

        // Rounds to n significant digits as math/big's decimal.round.
        void round(int n)
        {
            if (n < 0 || n >= mant.size())
                return;
            bool up;
            if (mant[n] == '5' && n + 1 == mant.size())
                up = n > 0 && ((mant[n - 1] - '0') & 1);
            else
                up = mant[n] >= '5';
            if (!up) {
                mant.truncate(n);
            } else {
                int i = n - 1;
                while (i >= 0 && mant[i] == '9')
                    --i;
                if (i < 0) {
                    mant = "1";
                    ++exp;
                } else {
                    mant[i] = char(mant[i] + 1);
                    mant.truncate(i + 1);
                }
            }
            while (!mant.isEmpty() && mant.endsWith('0'))
                mant.chop(1);
            if (mant.isEmpty())
                exp = 0;
        }
    };

    QByteArray fmtE(const Decimal &d, char e, int prec)
    {
        QByteArray out;
        out += d.mant.isEmpty() ? '0' : d.mant[0];
        if (prec > 0) {
            out += '.';
            QByteArray rest = d.mant.mid(1);
            const int m = std::min<int>(int(rest.size()), prec);
            out += rest.left(m);
            out += QByteArray(prec - m, '0');
        }
        out += e;
        int exp = d.mant.isEmpty() ? 0 : d.exp - 1;
        out += exp < 0 ? '-' : '+';
        if (exp < 0)
            exp = -exp;
        if (exp < 10)
            out += '0';
        out += QByteArray::number(exp);
        return out;
    }

    QByteArray fmtF(const Decimal &d, int prec)
    {
        QByteArray out;
        if (d.exp > 0) {
            const int m = std::min<int>(int(d.mant.size()), d.exp);
            out += d.mant.left(m);
            out += QByteArray(d.exp - m, '0');
        } else {
            out += '0';
        }
        if (prec > 0) {
            out += '.';
            for (int i = 1; i <= prec; ++i) {
                const int j = d.exp + i - 1;
                out += (j >= 0 && j < d.mant.size()) ? d.mant[j] : '0';
            }
        }
        return out;
    }

    // big.Float.Append(fmt, prec) for e, E, f, g, G, without the sign.
    QByteArray floatDigits(Decimal d, char verb, int prec)
    {
        const bool shortest = prec < 0;
        switch (verb) {
        case 'e':
        case 'E':
            if (shortest)
                prec = std::max<int>(int(d.mant.size()) - 1, 0);
            else
                d.round(1 + prec);
            return fmtE(d, verb, prec);
        case 'f':
            if (shortest)
                prec = std::max<int>(int(d.mant.size()) - d.exp, 0);
            else
                d.round(d.exp + prec);
            return fmtF(d, prec);
        default: { // g, G
            int eprec = prec;
            if (shortest) {
                prec = int(d.mant.size());
                eprec = 6;
            } else {
                if (prec == 0)
                    prec = 1;
                d.round(prec);
                eprec = prec;
                if (eprec > d.mant.size() && d.mant.size() >= d.exp)
                    eprec = int(d.mant.size());
            }
            const int exp = d.exp - 1;
            if (!d.mant.isEmpty() && (exp < -4 || exp >= eprec)) {
                if (prec > d.mant.size())
                    prec = int(d.mant.size());
                return fmtE(d, verb == 'g' ? 'e' : 'E', std::max(prec - 1, 0));
            }
            if (prec > d.exp)
                prec = int(d.mant.size());
            return fmtF(d, std::max(prec - d.exp, 0));
        }
        }
    }

    QString padWidth(const Verb &v, const QString &s)
    {
        if (v.width < 0)
            return s;
        const qsizetype have = graphemeCount(s);
        if (have >= v.width)
            return s;
        const QString pad(v.width - have, v.zero ? QLatin1Char('0') : QLatin1Char(' '));
        return v.minus ? s + pad : pad + s;
    }

    QString formatFloat(const Verb &v, const Number &n)
    {
        QByteArray sign;
        QByteArray body;
        if (n.isInfinity()) {
            body = "Inf";
            sign = n.sign() < 0 ? "-" : (v.space ? " " : "+");
        } else {
            const Decimal d = Decimal::of(n);
            // big.Float.Format: without a precision, %e and %f show 6 digits and
            // %g the shortest exact representation.
            const bool shortestForm = v.mode == 'g' || v.mode == 'G';
            body = floatDigits(d, v.mode, v.hasPrec ? v.prec : (shortestForm ? -1 : 6));
            if (d.negative)
                sign = "-";
            else if (v.plus)
                sign = "+";
            else if (v.space)
                sign = " ";
        }
        int padding = 0;
        if (v.hasWidth && v.width > sign.size() + body.size())
            padding = v.width - int(sign.size() + body.size());
        QByteArray out;
        if (v.zero && !n.isInfinity())
            out = sign + QByteArray(padding, '0') + body;
        else if (v.minus)
            out = sign + body + QByteArray(padding, ' ');
        else
            out = QByteArray(padding, ' ') + sign + body;
        return QString::fromLatin1(out);
    }

    // Digits of a non-negative decimal integer string in another base.
    QByteArray toBase(QByteArray dec, int base)
    {
        if (base == 10)
            return dec;
        QByteArray out;
        static const char digits[] = "0123456789abcdef";
        while (!(dec.size() == 1 && dec[0] == '0') && !dec.isEmpty()) {
            QByteArray q;
            int rem = 0;
            for (char c : dec) {
                const int cur = rem * 10 + (c - '0');
                const int qd = cur / base;
                rem = cur % base;
                if (!q.isEmpty() || qd != 0)
                    q += char('0' + qd);
            }
            out.prepend(digits[rem]);
            dec = q.isEmpty() ? QByteArray("0") : q;
        }
        return out.isEmpty() ? QByteArray("0") : out;
    }

    QString formatInteger(const Verb &v, const Number &n)
    {
        QString t = n.toString();
        const bool neg = t.startsWith(QLatin1Char('-'));
        if (neg)
            t = t.mid(1);
        const int base = v.mode == 'b' ? 2 : v.mode == 'o' ? 8 : (v.mode == 'x' || v.mode == 'X') ? 16 : 10;
        QByteArray digits = toBase(t.toLatin1(), base);
        if (v.mode == 'X')
            digits = digits.toUpper();
        QByteArray sign = neg ? "-" : v.plus ? "+" : v.space ? " " : "";
        QByteArray prefix;
        if (v.sharp) {
            if (v.mode == 'b')
                prefix = "0b";
            else if (v.mode == 'o')
                prefix = "0";
            else if (v.mode == 'x')
                prefix = "0x";
            else if (v.mode == 'X')
                prefix = "0X";
        }
        int left = 0, zeros = 0, right = 0;
        if (v.hasPrec) {
            if (digits.size() < v.prec)
                zeros = v.prec - int(digits.size());
            else if (digits == "0" && v.prec == 0)
                return QString();
        }
        const int length = int(sign.size() + prefix.size() + zeros + digits.size());
        if (v.hasWidth && length < v.width) {
            const int d = v.width - length;
            if (v.minus)
                right = d;
            else if (v.zero && !v.hasPrec)
                zeros = d;
            else
                left = d;
        }
        return QString::fromLatin1(QByteArray(left, ' ') + sign + prefix + QByteArray(zeros, '0') + digits + QByteArray(right, ' '));
    }

    std::optional<QString> appendVerb(Verb &v, const QList<Value> &args, QString *error)
    {
        const int argIdx = v.argNum - 1;
        if (argIdx >= args.size() || argIdx < 0) {
            *error = QStringLiteral("not enough arguments for %1 at %2: need index %3 but have %4 total")
                         .arg(goQuote(v.raw)).arg(v.offset).arg(v.argNum).arg(args.size());
            return std::nullopt;
        }
        const Value &arg = args[argIdx];
        if (v.mode != 'v' && arg.isNull()) {
            *error = QStringLiteral("unsupported value for %1 at %2: null value cannot be formatted").arg(goQuote(v.raw)).arg(v.offset);
            return std::nullopt;
        }
        if (!v.hasWidth)
            v.width = -1;
        if (!v.hasPrec)
            v.prec = -1;
        const QString where = QStringLiteral("unsupported value for %1 at %2: ").arg(goQuote(v.raw)).arg(v.offset);
        QString why;
        switch (v.mode) {
        case 'v': {
            if (!v.sharp && !arg.isNull()) {
                if (arg.type() == Type::string())
                    return padWidth(v, arg.asString());
                if (arg.type() == Type::number())
                    return padWidth(v, arg.asNumber().isInfinity() ? (arg.asNumber().sign() < 0 ? QStringLiteral("-Inf") : QStringLiteral("+Inf"))
                                                                    : QString::fromLatin1(floatDigits(Decimal::of(arg.asNumber()), 'g', -1)).prepend(arg.asNumber().sign() < 0 ? QStringLiteral("-") : QString()));
            }
            std::optional<QByteArray> j = ctyjson::marshal(arg, &why);
            if (!j) {
                *error = where + why;
                return std::nullopt;
            }
            return padWidth(v, QString::fromUtf8(*j));
        }
        case 't': {
            std::optional<Value> b = convert(arg, Type::boolean(), &why);
            if (!b) {
                *error = where + why;
                return std::nullopt;
            }
            return b->asBool() ? QStringLiteral("true") : QStringLiteral("false");
        }
        case 'b': case 'd': case 'o': case 'x': case 'X': case 'e': case 'E': case 'f': case 'g': case 'G': {
            std::optional<Value> n = convert(arg, Type::number(), &why);
            if (!n) {
                *error = where + why;
                return std::nullopt;
            }
            if (v.mode == 'e' || v.mode == 'E' || v.mode == 'f' || v.mode == 'g' || v.mode == 'G')
                return formatFloat(v, n->asNumber());
            if (!n->asNumber().isInteger()) {
                *error = where + QStringLiteral("an integer is required");
                return std::nullopt;
            }
            return formatInteger(v, n->asNumber());
        }
        case 's': case 'q': {
            std::optional<Value> sv = convert(arg, Type::string(), &why);
            if (!sv) {
                *error = where + why;
                return std::nullopt;
            }
            QString s = sv->asString();
            if (v.prec > 0) {
                const QList<QString> g = graphemes(s);
                s = QStringList(g.mid(0, std::min<qsizetype>(v.prec, g.size()))).join(QString());
            }
            if (v.mode == 'q')
                s = QString::fromUtf8(ctyjson::quoteString(s));
            return padWidth(v, s);
        }
        default: {
            const QChar m = QLatin1Char(v.mode);
            *error = QStringLiteral("unsupported format verb '%1' in %2 at offset %3").arg(m).arg(goQuote(v.raw)).arg(v.offset);
            return std::nullopt;
        }
        }
    }

    bool isDigit(char c) { return c >= '0' && c <= '9'; }

} // namespace

QString formatNumberText(const Number &n, char verb, int precision)
{
    Verb v;
    v.mode = verb;
    v.prec = precision;
    v.hasPrec = precision >= 0;
    return formatFloat(v, n);
}

std::optional<QString> goFormat(const QString &format, const QList<Value> &args, FunctionError &err)
{
    const QByteArray b = format.toUtf8();
    const int n = int(b.size());
    QByteArray out;
    int nextArg = 1;
    int highest = 0;
    auto errChar = [&](int p) {
        const QString rest = QString::fromUtf8(b.mid(p, 4));
        QString r;
        if (!rest.isEmpty()) {
            const char32_t first = rest.toUcs4().first();
            r = QString::fromUcs4(&first, 1);
        }
        QString q = goQuote(r);
        q = q.mid(1, q.size() - 2).replace(QLatin1String("\\\""), QLatin1String("\""));
        if (r == QLatin1String("'"))
            q = QStringLiteral("\\'");
        err = {-1, QStringLiteral("unrecognized format character '%1' at offset %2").arg(q).arg(p)};
        return std::nullopt;
    };
    int i = 0;
    while (i < n) {
        const char c = b[i];
        if (c != '%') {
            out += c;
            ++i;
            continue;
        }
        if (i + 1 < n && b[i + 1] == '%') {
            out += '%';
            i += 2;
            continue;
        }
        Verb v;
        v.argNum = nextArg;
        const int ts = i++;
        for (; i < n; ++i) {
            const char f = b[i];
            if (f == '0') v.zero = true;
            else if (f == '#') v.sharp = true;
            else if (f == '-') v.minus = true;
            else if (f == '+') v.plus = true;
            else if (f == ' ') v.space = true;
            else break;
        }
        if (i < n && b[i] >= '1' && b[i] <= '9') {
            v.width = 0;
            v.hasWidth = true;
            while (i < n && isDigit(b[i]))
                v.width = v.width * 10 + (b[i++] - '0');
        }
        if (i < n && b[i] == '.') {
            v.prec = 0;
            v.hasPrec = true;
            ++i;
            while (i < n && isDigit(b[i]))
                v.prec = v.prec * 10 + (b[i++] - '0');
        }
        if (i < n && b[i] == '[') {
            v.argNum = 0;
            ++i;
            if (i < n && !(b[i] >= '1' && b[i] <= '9'))
                return errChar(i);
            while (i < n && isDigit(b[i]))
                v.argNum = v.argNum * 10 + (b[i++] - '0');
            if (i < n && b[i] != ']')
                return errChar(i);
            ++i;
        }
        if (i >= n) {
            err = {-1, QStringLiteral("invalid format string starting at offset %1").arg(n)};
            return std::nullopt;
        }
        const char m = b[i];
        if (!((m >= 'a' && m <= 'z') || (m >= 'A' && m <= 'Z')))
            return errChar(i);
        v.mode = m;
        v.raw = QString::fromUtf8(b.mid(ts, i + 1 - ts));
        v.offset = ts;
        ++i;
        highest = std::max(highest, v.argNum);
        QString why;
        std::optional<QString> piece = appendVerb(v, args, &why);
        if (!piece) {
            err = {-1, why};
            return std::nullopt;
        }
        out += piece->toUtf8();
        nextArg = v.argNum + 1;
    }
    if (highest < args.size()) {
        const int firstBad = highest + 1;
        if (highest == 0)
            err = {firstBad, QStringLiteral("too many arguments; no verbs in format string")};
        else
            err = {firstBad, QStringLiteral("too many arguments; only %1 used by format string").arg(highest)};
        return std::nullopt;
    }
    return QString::fromUtf8(out);
}

} // namespace kiln::hcl::functions

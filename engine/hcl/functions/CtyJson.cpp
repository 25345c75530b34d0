#include "engine/hcl/functions/CtyJson.h"

#include "engine/hcl/functions/FunctionSupport.h"

namespace kiln::hcl::functions::ctyjson {

QByteArray quoteString(const QString &s)
{
    QByteArray out = "\"";
    for (const char32_t c : s.toUcs4()) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            // Go escapes other control characters, the HTML-sensitive <, > and &,
            // and the JavaScript line separators.
            if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029)
                out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0')).toLatin1();
            else
                out += QString::fromUcs4(&c, 1).toUtf8();
        }
    }
    out += '"';
    return out;
}

static bool marshalInto(const Value &v, QByteArray &out, QString *error)
{
    if (v.isMarked()) {
        *error = QStringLiteral("value has marks, so it cannot be serialized as JSON");
        return false;
    }
    if (!v.isKnown()) {
        *error = QStringLiteral("value is not known");
        return false;
    }
    if (v.isNull()) {
        out += "null";
        return true;
    }
    switch (v.type().kind()) {
    case Type::Kind::String:
        out += quoteString(v.asString());
        return true;
    case Type::Kind::Number:
        if (v.asNumber().isInfinity()) {
            *error = QStringLiteral("cannot serialize infinity as JSON");
            return false;
        }
        out += v.asNumber().toString().toLatin1();
        return true;
    case Type::Kind::Bool:
        out += v.asBool() ? "true" : "false";
        return true;
    case Type::Kind::List:
    case Type::Kind::Set:
    case Type::Kind::Tuple: {
        out += '[';
        bool first = true;
        for (const Value &e : v.elements()) {
            if (!first)
                out += ',';
            first = false;
            if (!marshalInto(e, out, error))
                return false;
        }
        out += ']';
        return true;
    }
    case Type::Kind::Map:
    case Type::Kind::Object: {
        out += '{';
        bool first = true;
        const QMap<QString, Value> &attrs = v.attributes();
        for (auto it = attrs.constBegin(); it != attrs.constEnd(); ++it) {
            if (!first)
                out += ',';
            first = false;
            out += quoteString(it.key());
            out += ':';
            if (!marshalInto(it.value(), out, error))
                return false;
        }
        out += '}';
        return true;
    }
    case Type::Kind::Dynamic:
        break;
    }
    *error = QStringLiteral("cannot JSON-serialize %1").arg(v.type().friendlyName());
    return false;
}

std::optional<QByteArray> marshal(const Value &v, QString *error)
{
    QByteArray out;
    if (!marshalInto(v, out, error))
        return std::nullopt;
    return out;
}

namespace {

    // A JSON reader with Go's json.Decoder messages and exact numbers.
    class Reader
    {
    public:
        explicit Reader(const QByteArray &b)
            : s(b)
        {
        }

        std::optional<Value> document(QString *error)
        {
            skipWs();
            if (p >= s.size()) {
                *error = QStringLiteral("EOF");
                return std::nullopt;
            }
            std::optional<Value> v = value(QStringLiteral(" looking for beginning of value"));
            if (!v) {
                *error = err;
                return std::nullopt;
            }
            skipWs();
            if (p < s.size()) {
                *error = QStringLiteral("extraneous data after JSON object");
                return std::nullopt;
            }
            return v;
        }

    private:
        static QString quoteChar(char c)
        {
            if (c == '\'')
                return QStringLiteral("'\\''");
            if (c == '"')
                return QStringLiteral("'\"'");
            QString q = goQuote(QString(QLatin1Char(c)));
            return QLatin1Char('\'') + q.mid(1, q.size() - 2) + QLatin1Char('\'');
        }
        std::nullopt_t invalid(const QString &context)
        {
            if (p >= s.size())
                err = QStringLiteral("unexpected EOF");
            else
                err = QStringLiteral("invalid character ") + quoteChar(s[p]) + context;
            return std::nullopt;
        }
        void skipWs()
        {
            while (p < s.size() && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r'))
                ++p;
        }

        std::optional<Value> value(const QString &context)
        {
            skipWs();
            if (p >= s.size())
                return invalid(context);
            const char c = s[p];
            if (c == '{')
                return object();
            if (c == '[')
                return array();
            if (c == '"') {
                std::optional<QString> str = string();
                if (!str)
                    return std::nullopt;
                return Value::string(*str);
            }
            if (c == '-' || (c >= '0' && c <= '9'))
                return number();
            if (c == 't')
                return literal("true", Value::trueValue());
            if (c == 'f')
                return literal("false", Value::falseValue());
            if (c == 'n')
                return literal("null", Value::dynamicNull());
            return invalid(context);
        }

        std::optional<Value> literal(const char *word, const Value &v)
        {
            const qsizetype n = qsizetype(strlen(word));
            for (qsizetype i = 1; i < n; ++i) {
                if (p + i >= s.size()) {
                    p += i;
                    return invalid(QString());
                }
                if (s[p + i] != word[i]) {
                    p += i;
                    return invalid(QStringLiteral(" in literal %1 (expecting '%2')").arg(QLatin1String(word)).arg(QLatin1Char(word[i])));
                }
            }
            p += n;
            return v;
        }

        std::optional<Value> number()
        {
            const qsizetype start = p;
            auto digits = [&] {
                const qsizetype b = p;
                while (p < s.size() && s[p] >= '0' && s[p] <= '9')
                    ++p;
                return p > b;
            };
            if (s[p] == '-')
                ++p;
            if (p < s.size() && s[p] == '0')
                ++p;
            else if (!digits())
                return invalid(QStringLiteral(" in numeric literal"));
            if (p < s.size() && s[p] == '.') {
                ++p;
                if (!digits())
                    return invalid(QStringLiteral(" after decimal point in numeric literal"));
            }
            if (p < s.size() && (s[p] == 'e' || s[p] == 'E')) {
                ++p;
                if (p < s.size() && (s[p] == '+' || s[p] == '-'))
                    ++p;
                if (!digits())
                    return invalid(QStringLiteral(" in exponent of numeric literal"));
            }
            std::optional<Number> n = Number::parse(QString::fromLatin1(s.mid(start, p - start)));
            if (!n) {
                err = QStringLiteral("invalid number");
                return std::nullopt;
            }
            return Value::number(*n);
        }

        std::optional<QString> string()
        {
            ++p; // opening quote
            QByteArray raw;
            while (true) {
                if (p >= s.size()) {
                    err = QStringLiteral("unexpected EOF");
                    return std::nullopt;
                }
                const char c = s[p];
                if (c == '"') {
                    ++p;
                    return QString::fromUtf8(raw);
                }
                if (uchar(c) < 0x20) {
                    invalid(QStringLiteral(" in string literal"));
                    return std::nullopt;
                }
                if (c != '\\') {
                    raw += c;
                    ++p;
                    continue;
                }
                ++p;
                if (p >= s.size()) {
                    err = QStringLiteral("unexpected EOF");
                    return std::nullopt;
                }
                const char e = s[p++];
                switch (e) {
                case '"': raw += '"'; break;
                case '\\': raw += '\\'; break;
                case '/': raw += '/'; break;
                case 'b': raw += '\b'; break;
                case 'f': raw += '\f'; break;
                case 'n': raw += '\n'; break;
                case 'r': raw += '\r'; break;
                case 't': raw += '\t'; break;
                case 'u': {
                    std::optional<char16_t> u = hex4();
                    if (!u)
                        return std::nullopt;
                    char32_t cp = *u;
                    if (QChar::isHighSurrogate(cp) && p + 1 < s.size() && s[p] == '\\' && s[p + 1] == 'u') {
                        const qsizetype save = p;
                        p += 2;
                        std::optional<char16_t> lo = hex4();
                        if (lo && QChar::isLowSurrogate(*lo))
                            cp = QChar::surrogateToUcs4(char16_t(cp), *lo);
                        else
                            p = save, cp = 0xFFFD;
                    } else if (QChar::isSurrogate(cp)) {
                        cp = 0xFFFD;
                    }
                    raw += QString::fromUcs4(&cp, 1).toUtf8();
                    break;
                }
                default:
                    --p;
                    invalid(QStringLiteral(" in string escape code"));
                    return std::nullopt;
                }
            }
        }

        std::optional<char16_t> hex4()
        {
            char16_t v = 0;
            for (int i = 0; i < 4; ++i) {
                if (p >= s.size()) {
                    err = QStringLiteral("unexpected EOF");
                    return std::nullopt;
                }
                const char c = s[p];
                int d;
                if (c >= '0' && c <= '9')
                    d = c - '0';
                else if (c >= 'a' && c <= 'f')
                    d = c - 'a' + 10;
                else if (c >= 'A' && c <= 'F')
                    d = c - 'A' + 10;
                else {
                    invalid(QStringLiteral(" in \\u hexadecimal character escape"));
                    return std::nullopt;
                }
                v = char16_t(v * 16 + d);
                ++p;
            }
            return v;
        }

        std::optional<Value> array()
        {
            ++p;
            QList<Value> elems;
            skipWs();
            if (p < s.size() && s[p] == ']') {
                ++p;
                return Value::emptyTuple();
            }
            while (true) {
                std::optional<Value> v = value(QStringLiteral(" looking for beginning of value"));
                if (!v)
                    return std::nullopt;
                elems.append(*v);
                skipWs();
                if (p < s.size() && s[p] == ',') {
                    ++p;
                    continue;
                }
                if (p < s.size() && s[p] == ']') {
                    ++p;
                    return Value::tuple(elems);
                }
                if (p >= s.size())
                    return invalid(QString());
                err = QStringLiteral("expected comma after array element");
                return std::nullopt;
            }
        }

        std::optional<Value> object()
        {
            ++p;
            QMap<QString, Value> attrs;
            skipWs();
            if (p < s.size() && s[p] == '}') {
                ++p;
                return Value::emptyObject();
            }
            while (true) {
                skipWs();
                if (p >= s.size() || s[p] != '"')
                    return invalid(QStringLiteral(" looking for beginning of object key string"));
                std::optional<QString> key = string();
                if (!key)
                    return std::nullopt;
                skipWs();
                if (p >= s.size())
                    return invalid(QString());
                if (s[p] != ':') {
                    err = QStringLiteral("expected colon after object key");
                    return std::nullopt;
                }
                ++p;
                std::optional<Value> v = value(QStringLiteral(" looking for beginning of value"));
                if (!v)
                    return std::nullopt;
                if (attrs.contains(*key)) {
                    err = QStringLiteral("duplicate %1 property in JSON object").arg(goQuote(*key));
                    return std::nullopt;
                }
                attrs.insert(*key, *v);
                skipWs();
                if (p < s.size() && s[p] == ',') {
                    ++p;
                    continue;
                }
                if (p < s.size() && s[p] == '}') {
                    ++p;
                    return Value::object(attrs);
                }
                if (p >= s.size())
                    return invalid(QString());
                err = QStringLiteral("expected comma after object key:value pair");
                return std::nullopt;
            }
        }

        const QByteArray &s;
        qsizetype p = 0;
        QString err;
    };

} // namespace

std::optional<Value> decodeImplied(const QByteArray &json, QString *error)
{
    return Reader(json).document(error);
}

} // namespace kiln::hcl::functions::ctyjson

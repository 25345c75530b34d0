#include "engine/hcl/json/JsonParser.h"

#include "engine/hcl/NameSuggestion.h"

#include "engine/hcl/LexerUnicode.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace kiln::hcl::json {

namespace {

struct JsonToken
{
    // Equals is only produced to give "JSON uses a colon" advice.
    enum Type { BraceO, BraceC, BrackO, BrackC, Comma, Colon, Equals, Keyword, String, Number, Eof, Invalid };
    Type type = Eof;
    int offset = 0; // into the source buffer
    int length = 0;
    SourceRange range;
};

// Consumes one grapheme cluster (approximated as lexer::extendsCluster does)
// starting at i and returns its length in bytes. Invalid UTF-8 is one byte.
int clusterLength(const char *d, int n, int i)
{
    int len = lexer::utf8Length(d, n, i);
    if (len == 0)
        return 1;
    char32_t prev = lexer::utf8Decode(d, i, len);
    int regionalRun = (prev >= 0x1F1E6 && prev <= 0x1F1FF) ? 1 : 0;
    int j = i + len;
    while (j < n && static_cast<unsigned char>(d[j]) >= 0x80) {
        const int l = lexer::utf8Length(d, n, j);
        if (l == 0)
            break;
        const char32_t cp = lexer::utf8Decode(d, j, l);
        if (!lexer::extendsCluster(prev, cp, regionalRun))
            break;
        regionalRun = (cp >= 0x1F1E6 && cp <= 0x1F1FF) ? regionalRun + 1 : 0;
        prev = cp;
        j += l;
    }
    return j - i;
}

// Fast path: an ASCII byte not followed by a possible combining sequence.
inline bool isSingleColumnByte(const char *d, int n, int i)
{
    return static_cast<unsigned char>(d[i]) < 0x80
        && (i + 1 >= n || static_cast<unsigned char>(d[i + 1]) < 0x80);
}

// The position after `bytes` (which hold no line breaks) starting at `pos`.
SourcePos advancePosition(SourcePos pos, QByteArrayView bytes)
{
    const char *d = bytes.data();
    const int n = int(bytes.size());
    for (int i = 0; i < n;) {
        const int len = isSingleColumnByte(d, n, i) ? 1 : clusterLength(d, n, i);
        i += len;
        pos.byte += len;
        pos.column += 1;
    }
    return pos;
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// HCL's scanner: lax about the content of numbers, keywords and strings so
// that the parser can say precisely what is wrong with them. Stops at the
// first byte that cannot start any token.
std::vector<JsonToken> scanJson(const QByteArray &source, const QString &filename, SourcePos p)
{
    std::vector<JsonToken> tokens;
    // Real templates average one token per three to five bytes.
    tokens.reserve(size_t(source.size() / 4) + 2);
    const char *d = source.constData();
    const int n = int(source.size());
    int i = 0;
    auto push = [&](JsonToken::Type type, int start, SourcePos startPos) {
        tokens.push_back(JsonToken{type, start, i - start, SourceRange{filename, startPos, p}});
    };
    for (;;) {
        for (; i < n; ++i) {
            const char c = d[i];
            if (c == ' ') {
                ++p.byte;
                ++p.column;
            } else if (c == '\n') {
                ++p.byte;
                ++p.line;
                p.column = 1;
            } else if (c == '\r') {
                // Takes no column: it is assumed to pair with a newline.
                ++p.byte;
            } else if (c == '\t') {
                // HCL counts a tab as two columns.
                ++p.byte;
                p.column += 2;
            } else {
                break;
            }
        }
        if (i >= n) {
            tokens.push_back(JsonToken{JsonToken::Eof, i, 0, SourceRange{filename, p, p}});
            return tokens;
        }
        const int start = i;
        const SourcePos startPos = p;
        const char c = d[i];
        switch (c) {
        case '{':
        case '}':
        case '[':
        case ']':
        case ',':
        case ':':
        case '=': {
            ++i;
            ++p.byte;
            ++p.column;
            const JsonToken::Type t = c == '{' ? JsonToken::BraceO
                : c == '}'                     ? JsonToken::BraceC
                : c == '['                     ? JsonToken::BrackO
                : c == ']'                     ? JsonToken::BrackC
                : c == ','                     ? JsonToken::Comma
                : c == ':'                     ? JsonToken::Colon
                                               : JsonToken::Equals;
            push(t, start, startPos);
            continue;
        }
        case '"': {
            ++i;
            ++p.byte;
            ++p.column;
            bool escaping = false;
            while (i < n) {
                const unsigned char b = static_cast<unsigned char>(d[i]);
                if (b == '\\') {
                    escaping = !escaping;
                    ++i;
                    ++p.byte;
                    ++p.column;
                } else if (b == '"') {
                    ++i;
                    ++p.byte;
                    ++p.column;
                    if (!escaping)
                        break;
                    escaping = false;
                } else if (b < 32) {
                    break;
                } else {
                    const int len = isSingleColumnByte(d, n, i) ? 1 : clusterLength(d, n, i);
                    i += len;
                    p.byte += len;
                    ++p.column;
                    escaping = false;
                }
            }
            push(JsonToken::String, start, startPos);
            continue;
        }
        default:
            break;
        }
        if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
            // 'e' and 'E' may continue but not start a number, so that "e5"
            // reads as a (bad) keyword.
            while (i < n
                   && (d[i] == '-' || d[i] == '+' || d[i] == '.' || d[i] == 'e' || d[i] == 'E'
                       || (d[i] >= '0' && d[i] <= '9'))) {
                ++i;
                ++p.byte;
                ++p.column;
            }
            push(JsonToken::Number, start, startPos);
            continue;
        }
        if (isAlpha(c)) {
            while (i < n && (isAlpha(d[i]) || d[i] == '_')) {
                ++i;
                ++p.byte;
                ++p.column;
            }
            push(JsonToken::Keyword, start, startPos);
            continue;
        }
        // Nothing can follow an invalid byte usefully: end the stream here.
        ++i;
        ++p.byte;
        ++p.column;
        push(JsonToken::Invalid, start, startPos);
        tokens.push_back(JsonToken{JsonToken::Eof, i, 0, SourceRange{filename, p, p}});
        return tokens;
    }
}

// RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isValidJsonNumber(QByteArrayView t)
{
    qsizetype i = 0;
    const qsizetype n = t.size();
    auto digit = [&](qsizetype k) { return k < n && t[k] >= '0' && t[k] <= '9'; };
    if (i < n && t[i] == '-')
        ++i;
    if (!digit(i))
        return false;
    if (t[i] == '0') {
        ++i;
    } else {
        while (digit(i))
            ++i;
    }
    if (i < n && t[i] == '.') {
        ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < n && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    return i == n;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The four hex digits of a \u escape at t[k..k+3], or -1.
int readU4(QByteArrayView t, qsizetype k)
{
    if (k + 4 > t.size())
        return -1;
    int v = 0;
    for (int j = 0; j < 4; ++j) {
        const int h = hexValue(t[k + j]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

void appendCodePoint(QString &out, char32_t cp)
{
    if (cp >= 0x10000) {
        out.append(QChar(QChar::highSurrogate(cp)));
        out.append(QChar(QChar::lowSurrogate(cp)));
    } else {
        out.append(QChar(char16_t(cp)));
    }
}

// Validates and decodes a string token (quotes included) as encoding/json
// does: returns -1 on success, otherwise the byte offset encoding/json's
// SyntaxError would report (one past the offending byte, or the token length
// when the string is unterminated). Lone surrogates and invalid UTF-8 become
// U+FFFD, as Go does.
int decodeJsonString(QByteArrayView t, QString &out)
{
    const int n = int(t.size());
    out.reserve(n);
    int i = 1;
    for (;;) {
        if (i >= n)
            return n;
        int run = i;
        while (run < n) {
            const unsigned char b = static_cast<unsigned char>(t[run]);
            if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\')
                break;
            ++run;
        }
        if (run > i) {
            out.append(QLatin1StringView(t.data() + i, run - i));
            i = run;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(t[i]);
        if (c == '"')
            return i + 1 == n ? -1 : i + 1;
        if (c < 0x20)
            return i + 1;
        if (c >= 0x80) {
            const int len = lexer::utf8Length(t.data(), n, i);
            char32_t cp = len ? lexer::utf8Decode(t.data(), i, len) : 0xFFFD;
            const char32_t minimum = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
            if (len == 0 || cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append(QChar(0xFFFD));
                ++i;
            } else {
                appendCodePoint(out, cp);
                i += len;
            }
            continue;
        }
        // An escape.
        if (i + 1 >= n)
            return n;
        const char e = t[i + 1];
        switch (e) {
        case '"':
        case '\\':
        case '/':
            out.append(QChar(e));
            i += 2;
            continue;
        case 'b':
            out.append(QChar(u'\b'));
            i += 2;
            continue;
        case 'f':
            out.append(QChar(u'\f'));
            i += 2;
            continue;
        case 'n':
            out.append(QChar(u'\n'));
            i += 2;
            continue;
        case 'r':
            out.append(QChar(u'\r'));
            i += 2;
            continue;
        case 't':
            out.append(QChar(u'\t'));
            i += 2;
            continue;
        case 'u':
            break;
        default:
            return i + 2;
        }
        for (int k = 0; k < 4; ++k) {
            if (i + 2 + k >= n)
                return n;
            if (hexValue(t[i + 2 + k]) < 0)
                return i + 3 + k;
        }
        const int unit = readU4(t, i + 2);
        i += 6;
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < n && t[i] == '\\' && t[i + 1] == 'u') {
            const int low = readU4(t, i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                appendCodePoint(out, 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (char32_t(low) - 0xDC00));
                i += 6;
                continue;
            }
        }
        // Unpaired surrogates decode to the replacement character; a
        // following escape is then read on its own (Go's unquote).
        appendCodePoint(out, (unit >= 0xD800 && unit <= 0xDFFF) ? char32_t(0xFFFD) : char32_t(unit));
    }
}

QString keywordSuggestion(const QString &given)
{
    return nameSuggestion(given, {QStringLiteral("false"), QStringLiteral("true"), QStringLiteral("null")});
}

// Recursive descent over the token list, mirroring hcl/json/parser.go step by
// step: the first error aborts the whole parse (every caller propagates the
// missing value), and the "recover" walks reproduce where HCL points its
// subject ranges after a mismatch, so messages and positions agree with HCL.
class Parser
{
public:
    Parser(const std::vector<JsonToken> &tokens, const QByteArray &source)
        : m_tokens(tokens)
        , m_source(source)
    {
    }

    std::optional<JsonValue> parseValue(Diagnostics &diags);
    const JsonToken &peek() const { return m_tokens[m_pos]; }

private:
    const JsonToken &read()
    {
        const JsonToken &t = m_tokens[m_pos];
        if (t.type != JsonToken::Eof)
            ++m_pos;
        return t;
    }
    std::optional<JsonValue> parseObject(Diagnostics &diags);
    std::optional<JsonValue> parseArray(Diagnostics &diags);
    std::optional<JsonValue> parseNumber(Diagnostics &diags);
    std::optional<JsonValue> parseString(Diagnostics &diags);
    std::optional<JsonValue> parseKeyword(Diagnostics &diags);
    void recover(JsonToken::Type open, JsonToken::Type close, JsonToken tok);
    bool enter(Diagnostics &diags, const SourceRange &at);

    const std::vector<JsonToken> &m_tokens;
    const QByteArray &m_source;
    size_t m_pos = 0;
    int m_depth = 0;
};

Diagnostic err(const char *summary, QString detail, const SourceRange &subject)
{
    return Diagnostic::error(QString::fromLatin1(summary), std::move(detail), subject);
}

std::optional<JsonValue> Parser::parseValue(Diagnostics &diags)
{
    const JsonToken &tok = peek();
    switch (tok.type) {
    case JsonToken::BraceO:
        return parseObject(diags);
    case JsonToken::BrackO:
        return parseArray(diags);
    case JsonToken::Number:
        return parseNumber(diags);
    case JsonToken::String:
        return parseString(diags);
    case JsonToken::Keyword:
        return parseKeyword(diags);
    case JsonToken::BraceC:
        diags += err("Missing JSON value",
                     QStringLiteral("A JSON value must start with a brace, a bracket, a number, "
                                    "a string, or a keyword."),
                     tok.range);
        return std::nullopt;
    case JsonToken::BrackC:
        diags += err("Missing array element value",
                     QStringLiteral("A JSON value must start with a brace, a bracket, a number, "
                                    "a string, or a keyword."),
                     tok.range);
        return std::nullopt;
    case JsonToken::Eof:
        diags += err("Missing value", QStringLiteral("The JSON data ends prematurely."), tok.range);
        return std::nullopt;
    default:
        diags += err("Invalid start of value",
                     QStringLiteral("A JSON value must start with a brace, a bracket, a number, "
                                    "a string, or a keyword."),
                     tok.range);
        return std::nullopt;
    }
}

bool Parser::enter(Diagnostics &diags, const SourceRange &at)
{
    if (m_depth >= JsonParser::maxDepth) {
        diags += err("Nesting too deep",
                     QStringLiteral("JSON arrays and objects may be nested at most %1 levels deep.")
                         .arg(JsonParser::maxDepth),
                     at);
        return false;
    }
    ++m_depth;
    return true;
}

// HCL's recover: skip to what looks like the end of the current container,
// starting from an already-read token.
void Parser::recover(JsonToken::Type open, JsonToken::Type close, JsonToken tok)
{
    int depth = 1;
    for (;;) {
        if (tok.type == open) {
            ++depth;
        } else if (tok.type == close) {
            --depth;
            if (depth <= 1)
                return;
        } else if (tok.type == JsonToken::Eof) {
            return;
        }
        tok = read();
    }
}

std::optional<JsonValue> Parser::parseObject(Diagnostics &diags)
{
    const JsonToken open = read();
    if (!enter(diags, open.range))
        return std::nullopt;
    struct Leave
    {
        int &d;
        ~Leave() { --d; }
    } leave{m_depth};

    std::vector<JsonMember> members;
    for (;;) {
        if (peek().type == JsonToken::BraceC)
            break;

        std::optional<JsonValue> key = parseValue(diags);
        if (!key)
            return std::nullopt;
        if (!key->isString()) {
            SourceRange start = key->isObject() || key->isArray() ? key->openRange() : key->range();
            diags += err("Invalid object property name",
                         QStringLiteral("A JSON object property name must be a string"), start);
            return std::nullopt;
        }

        const JsonToken colon = read();
        if (colon.type != JsonToken::Colon) {
            recover(JsonToken::BraceO, JsonToken::BraceC, colon);
            if (colon.type == JsonToken::BraceC || colon.type == JsonToken::Comma) {
                diags += err("Missing object value",
                             QStringLiteral("A JSON object attribute must have a value, "
                                            "introduced by a colon."),
                             colon.range);
            } else if (colon.type == JsonToken::Equals) {
                diags += err("Missing property value colon",
                             QStringLiteral("JSON uses a colon as its name/value delimiter, not "
                                            "an equals sign."),
                             colon.range);
            } else {
                diags += err("Missing property value colon",
                             QStringLiteral("A colon must appear between an object property's "
                                            "name and its value."),
                             colon.range);
            }
            return std::nullopt;
        }

        std::optional<JsonValue> value = parseValue(diags);
        if (!value)
            return std::nullopt;
        QString name = key->text();
        SourceRange nameRange = key->range();
        members.push_back(JsonMember{std::move(name), std::move(nameRange), std::move(*value)});

        switch (peek().type) {
        case JsonToken::Comma: {
            const JsonToken comma = read();
            if (peek().type == JsonToken::BraceC) {
                diags += err("Trailing comma in object",
                             QStringLiteral("JSON does not permit a trailing comma after the "
                                            "final property in an object."),
                             comma.range);
                return std::nullopt;
            }
            continue;
        }
        case JsonToken::Eof:
            diags += err("Unclosed object",
                         QStringLiteral("No closing brace was found for this JSON object."),
                         open.range);
            return std::nullopt;
        case JsonToken::BrackC:
            read();
            diags += err("Mismatched braces",
                         QStringLiteral("A JSON object must be closed with a brace, not a bracket."),
                         peek().range);
            return std::nullopt;
        case JsonToken::BraceC:
            break;
        default:
            recover(JsonToken::BraceO, JsonToken::BraceC, read());
            diags += err("Missing attribute seperator comma",
                         QStringLiteral("A comma must appear between each property definition "
                                        "in an object."),
                         peek().range);
            return std::nullopt;
        }
        break;
    }

    const JsonToken close = read();
    return JsonValue::makeObject(std::move(members), SourceRange::between(open.range, close.range));
}

std::optional<JsonValue> Parser::parseArray(Diagnostics &diags)
{
    const JsonToken open = read();
    if (!enter(diags, open.range))
        return std::nullopt;
    struct Leave
    {
        int &d;
        ~Leave() { --d; }
    } leave{m_depth};

    std::vector<JsonValue> values;
    for (;;) {
        if (peek().type == JsonToken::BrackC)
            break;

        std::optional<JsonValue> value = parseValue(diags);
        if (!value)
            return std::nullopt;
        values.push_back(std::move(*value));

        switch (peek().type) {
        case JsonToken::Comma: {
            const JsonToken comma = read();
            if (peek().type == JsonToken::BrackC) {
                diags += err("Trailing comma in array",
                             QStringLiteral("JSON does not permit a trailing comma after the "
                                            "final value in an array."),
                             comma.range);
                return std::nullopt;
            }
            continue;
        }
        case JsonToken::Colon:
            recover(JsonToken::BrackO, JsonToken::BrackC, read());
            diags += err("Invalid array value",
                         QStringLiteral("A colon is not used to introduce values in a JSON array."),
                         peek().range);
            return std::nullopt;
        case JsonToken::Eof:
            recover(JsonToken::BrackO, JsonToken::BrackC, read());
            // HCL says "object" here although it is an array; kept for fidelity.
            diags += err("Unclosed object",
                         QStringLiteral("No closing bracket was found for this JSON array."),
                         open.range);
            return std::nullopt;
        case JsonToken::BraceC:
            recover(JsonToken::BrackO, JsonToken::BrackC, read());
            diags += err("Mismatched brackets",
                         QStringLiteral("A JSON array must be closed with a bracket, not a brace."),
                         peek().range);
            return std::nullopt;
        case JsonToken::BrackC:
            break;
        default:
            recover(JsonToken::BrackO, JsonToken::BrackC, read());
            diags += err("Missing attribute seperator comma",
                         QStringLiteral("A comma must appear between each value in an array."),
                         peek().range);
            return std::nullopt;
        }
        break;
    }

    const JsonToken close = read();
    return JsonValue::makeArray(std::move(values), SourceRange::between(open.range, close.range));
}

std::optional<JsonValue> Parser::parseNumber(Diagnostics &diags)
{
    const JsonToken tok = read();
    const QByteArrayView text(m_source.constData() + tok.offset, tok.length);
    if (!isValidJsonNumber(text)) {
        diags += err("Invalid JSON number",
                     QStringLiteral("There is a syntax error in the given JSON number."),
                     tok.range);
        return std::nullopt;
    }
    return JsonValue::makeNumber(QString::fromLatin1(text), tok.range);
}

std::optional<JsonValue> Parser::parseString(Diagnostics &diags)
{
    const JsonToken tok = read();
    const QByteArrayView text(m_source.constData() + tok.offset, tok.length);
    QString decoded;
    const int errorOffset = decodeJsonString(text, decoded);
    if (errorOffset >= 0) {
        // Like HCL: point at the byte offset encoding/json reports, and give
        // the whole string as context when that is a narrower range.
        SourceRange at = tok.range;
        at.start = advancePosition(tok.range.start, text.first(errorOffset));
        at.end = at.start;
        at.end.byte += 1;
        at.end.column += 1;
        Diagnostic d = err("Invalid JSON string",
                           QStringLiteral("There is a syntax error in the given JSON string."), at);
        if (!(at == tok.range))
            d.context = tok.range;
        diags += d;
        return std::nullopt;
    }
    return JsonValue::makeString(std::move(decoded), tok.range);
}

std::optional<JsonValue> Parser::parseKeyword(Diagnostics &diags)
{
    const JsonToken tok = read();
    const QByteArrayView text(m_source.constData() + tok.offset, tok.length);
    if (text == "true")
        return JsonValue::makeBool(true, tok.range);
    if (text == "false")
        return JsonValue::makeBool(false, tok.range);
    if (text == "null")
        return JsonValue::makeNull(tok.range);

    const QString word = QString::fromLatin1(text);
    if (word == u"undefined" || word == u"NaN" || word == u"Infinity") {
        diags += err("Invalid JSON keyword",
                     QStringLiteral("The JavaScript identifier \"%1\" cannot be used in JSON.")
                         .arg(word),
                     tok.range);
        return std::nullopt;
    }
    QString detail = QStringLiteral("\"%1\" is not a valid JSON keyword.").arg(word);
    const QString suggestion = keywordSuggestion(word);
    if (!suggestion.isEmpty())
        detail += QStringLiteral(" Did you mean \"%1\"?").arg(suggestion);
    diags += err("Invalid JSON keyword", detail, tok.range);
    return std::nullopt;
}

} // namespace

JsonParseResult JsonParser::parse(const QByteArray &source, const QString &filename,
                                  SourcePos start)
{
    const std::vector<JsonToken> tokens = scanJson(source, filename, start);
    Parser p(tokens, source);
    JsonParseResult result;
    std::optional<JsonValue> value = p.parseValue(result.diagnostics);
    if (value) {
        result.value = std::move(*value);
    } else {
        result.value = JsonValue::makeInvalid(tokens.front().range);
    }
    if (result.diagnostics.isEmpty() && p.peek().type != JsonToken::Eof) {
        result.diagnostics += err("Extraneous data after value",
                                  QStringLiteral("Extra characters appear after the JSON value."),
                                  p.peek().range);
        result.value = JsonValue::makeInvalid(tokens.front().range);
    }
    return result;
}

} // namespace kiln::hcl::json

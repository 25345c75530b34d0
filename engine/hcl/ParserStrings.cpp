// String literal decoding (hclsyntax ParseStringLiteralToken and its scanner
// scan_string_lit.rl) and quoted labels (parseQuotedStringLiteral).

#include "engine/hcl/ParserImpl.h"

#include <algorithm>

namespace kiln::hcl::detail {

namespace {

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Moves `pos` over bytes [from, to) of `data`, counting characters as columns
// and treating \r\n, \r and \n as line ends.
void advance(SourcePos &pos, const QByteArray &data, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i) {
        const char c = data[i];
        ++pos.byte;
        if (c == '\n' || (c == '\r' && !(i + 1 < to && data[i + 1] == '\n'))) {
            ++pos.line;
            pos.column = 1;
        } else if (c == '\r') {
            // first half of \r\n: the \n ends the line
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++pos.column;
        }
    }
}

void appendUtf8(QByteArray &out, uint cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

// Go's %q of a short byte string, as used in the escape-selector message.
QString goQuote(const QByteArray &bytes)
{
    QString out = QStringLiteral("\"");
    const QString s = QString::fromUtf8(bytes);
    for (QChar ch : s) {
        switch (ch.unicode()) {
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        default:
            out += ch;
        }
    }
    return out + QLatin1Char('"');
}

Diagnostic escapeError(
    const QString &detail, const QString &filename, SourcePos start, SourcePos end)
{
    return Diagnostic::error(
        QStringLiteral("Invalid escape sequence"), detail, SourceRange{filename, start, end});
}

} // namespace

QString parseStringLiteralToken(const Token &tok, Diagnostics &diags)
{
    const QByteArray &data = tok.bytes;
    const bool quoted = tok.type == TokenType::QuotedLit;
    // Fast path: nothing to decode. One pass finds whether any byte could start an
    // escape; only then are the escape sequences themselves looked for.
    const bool maybeEscapes = std::any_of(data.begin(), data.end(),
        [quoted](char c) { return (quoted && c == '\\') || c == '$' || c == '%'; });
    if (!maybeEscapes
        || (!(quoted && data.contains('\\')) && !data.contains("$${") && !data.contains("%%{")))
        return QString::fromUtf8(data);

    QByteArray out;
    out.reserve(data.size());
    SourcePos pos = tok.range.start;
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = data[i];
        if (quoted && c == '\\') {
            // A slice: backslash plus its selector (and hex digits for \u, \U).
            qsizetype j = i + 1;
            if (j < n && (data[j] == 'u' || data[j] == 'U')) {
                const int maxHex = data[j] == 'u' ? 4 : 8;
                ++j;
                int digits = 0;
                while (j < n && digits < maxHex && isHex(data[j])) {
                    ++j;
                    ++digits;
                }
            } else if (j < n) {
                // one UTF-8 character
                const unsigned char lead = static_cast<unsigned char>(data[j]);
                const int len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
                j = std::min(n, j + len);
            }
            const QByteArray slice = data.mid(i, j - i);
            const SourcePos start = pos;
            advance(pos, data, i, j);
            i = j;
            if (slice.size() < 2) {
                diags += escapeError(
                    QStringLiteral(
                        "Backslash must be followed by an escape sequence selector character."),
                    tok.range.filename, start, pos);
                out.append(slice);
                continue;
            }
            switch (slice[1]) {
            case 'n':
                out.append('\n');
                continue;
            case 'r':
                out.append('\r');
                continue;
            case 't':
                out.append('\t');
                continue;
            case '"':
                out.append('"');
                continue;
            case '\\':
                out.append('\\');
                continue;
            case 'u':
            case 'U': {
                if (slice[1] == 'u' && slice.size() != 6) {
                    diags += escapeError(
                        QStringLiteral(
                            "The \\u escape sequence must be followed by four hexadecimal digits."),
                        tok.range.filename, start, pos);
                    out.append(slice);
                    continue;
                }
                if (slice[1] == 'U' && slice.size() != 10) {
                    diags += escapeError(QStringLiteral("The \\U escape sequence must be followed "
                                                        "by eight hexadecimal digits."),
                        tok.range.filename, start, pos);
                    out.append(slice);
                    continue;
                }
                const uint cp = slice.mid(2).toUInt(nullptr, 16);
                if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    diags += escapeError(QStringLiteral("Cannot encode character U+%1 in UTF-8.")
                                             .arg(cp, 4, 16, QLatin1Char('0')),
                        tok.range.filename, start, pos);
                    out.append(slice);
                    continue;
                }
                appendUtf8(out, cp);
                continue;
            }
            default:
                diags += escapeError(
                    QStringLiteral("The symbol %1 is not a valid escape sequence selector.")
                        .arg(goQuote(slice.mid(1))),
                    tok.range.filename, start, pos);
                out.append(slice.mid(1));
                continue;
            }
        }
        if ((c == '$' || c == '%') && i + 2 < n && data[i + 1] == c && data[i + 2] == '{') {
            // `$${` and `%%{` stand for a literal `${` / `%{`.
            out.append(c);
            out.append('{');
            advance(pos, data, i, i + 3);
            i += 3;
            continue;
        }
        // A run of plain bytes up to the next character of interest.
        qsizetype j = i + 1;
        while (j < n && data[j] != '$' && data[j] != '%' && !(quoted && data[j] == '\\'))
            ++j;
        out.append(data.constData() + i, j - i);
        advance(pos, data, i, j);
        i = j;
    }
    return QString::fromUtf8(out);
}

QString ParserImpl::parseQuotedStringLiteral(SourceRange *range, Diagnostics &diags)
{
    const Token &oQuote = read();
    if (oQuote.type != TokenType::OQuote) {
        *range = oQuote.range;
        diags += Diagnostic::error(QStringLiteral("Invalid string literal"),
            QStringLiteral("A quoted string is required here."), oQuote.range);
        return {};
    }

    QString ret;
    SourceRange endRange;
    for (;;) {
        const Token &tok = read();
        if (tok.type == TokenType::CQuote) {
            endRange = tok.range;
            break;
        }
        if (tok.type == TokenType::QuotedLit) {
            ret += parseStringLiteralToken(tok, diags);
            continue;
        }
        if (tok.type == TokenType::TemplateControl || tok.type == TokenType::TemplateInterp) {
            const QString which = tok.type == TokenType::TemplateControl ? QStringLiteral("%")
                                                                         : QStringLiteral("$");
            Diagnostic d = Diagnostic::error(QStringLiteral("Invalid string literal"),
                QStringLiteral("Template sequences are not allowed in this string. To include a "
                               "literal \"%1\", double it (as \"%1%1\") to escape it.")
                    .arg(which),
                tok.range);
            d.context = SourceRange::between(oQuote.range, tok.range);
            diags += d;
            // Leave a visible marker so a partial result is not mistaken for the real label.
            ret += which + QStringLiteral("{ ... }");
            recover(TokenType::TemplateSeqEnd);
            continue;
        }
        if (tok.type == TokenType::EndOfFile) {
            Diagnostic d = Diagnostic::error(QStringLiteral("Unterminated string literal"),
                QStringLiteral("Unable to find the closing quote mark before the end of the file."),
                tok.range);
            d.context = SourceRange::between(oQuote.range, tok.range);
            diags += d;
            endRange = tok.range;
            break;
        }
        Diagnostic d = Diagnostic::error(QStringLiteral("Invalid string literal"),
            QStringLiteral("This item is not valid in a string literal."), tok.range);
        d.context = SourceRange::between(oQuote.range, tok.range);
        diags += d;
        recover(TokenType::CQuote);
        endRange = tok.range;
        break;
    }
    *range = SourceRange::between(oQuote.range, endRange);
    return ret;
}

} // namespace kiln::hcl::detail

#include "engine/hcl/functions/YamlEmitter.h"

namespace kiln::hcl::functions {

namespace {

    bool isBreak(char32_t c) { return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029; }
    bool isSpace(char32_t c) { return c == ' '; }
    // libyaml's is_printable: tab is not printable, so tabs force double quotes.
    bool isPrintable(char32_t c)
    {
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF)
            || (c >= 0x10000 && c <= 0x10FFFF);
    }

    // libyaml's yaml_emitter_analyze_scalar, reduced to "may this be a literal block".
    bool blockAllowed(const QList<uint> &cps)
    {
        bool trailingSpace = false, spaceBreak = false, special = false;
        bool prevSpace = false;
        for (qsizetype i = 0; i < cps.size(); ++i) {
            const char32_t c = cps[i];
            if (!isPrintable(c) || c == 0xFEFF)
                special = true;
            if (isBreak(c) && prevSpace)
                spaceBreak = true;
            prevSpace = isSpace(c);
            if (i == cps.size() - 1 && isSpace(c))
                trailingSpace = true;
        }
        return !trailingSpace && !spaceBreak && !special;
    }

} // namespace

void YamlEmitter::put(char c)
{
    out += c;
    ++column;
}

void YamlEmitter::write(const QByteArray &utf8Char)
{
    out += utf8Char;
    ++column;
}

void YamlEmitter::putBreak()
{
    out += '\n';
    column = 0;
}

void YamlEmitter::writeIndent(int indent)
{
    if (indent < 0)
        indent = 0;
    if (!indention || column > indent || (column == indent && !whitespace))
        putBreak();
    while (column < indent)
        put(' ');
    whitespace = true;
    indention = true;
}

void YamlEmitter::writeIndicator(const QByteArray &ind, bool needWhitespace, bool isWhitespace, bool isIndention)
{
    if (needWhitespace && !whitespace)
        put(' ');
    out += ind;
    column += int(ind.size());
    whitespace = isWhitespace;
    indention = indention && isIndention;
    openEnded = false;
}

void YamlEmitter::doubleQuoted(const QString &s, int indent, bool allowBreaks)
{
    writeIndicator("\"", true, false, false);
    const QList<uint> cps = s.toUcs4();
    bool spaces = false;
    for (qsizetype i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        if (!isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\') {
            put('\\');
            switch (c) {
            case 0x00: put('0'); break;
            case 0x07: put('a'); break;
            case 0x08: put('b'); break;
            case 0x09: put('t'); break;
            case 0x0A: put('n'); break;
            case 0x0B: put('v'); break;
            case 0x0C: put('f'); break;
            case 0x0D: put('r'); break;
            case 0x1B: put('e'); break;
            case '"': put('"'); break;
            case '\\': put('\\'); break;
            case 0x85: put('N'); break;
            case 0xA0: put('_'); break;
            case 0x2028: put('L'); break;
            case 0x2029: put('P'); break;
            default: {
                QByteArray hex;
                if (c <= 0xFF)
                    hex = "x" + QByteArray::number(uint(c), 16).toUpper().rightJustified(2, '0');
                else if (c <= 0xFFFF)
                    hex = "u" + QByteArray::number(uint(c), 16).toUpper().rightJustified(4, '0');
                else
                    hex = "U" + QByteArray::number(uint(c), 16).toUpper().rightJustified(8, '0');
                out += hex;
                column += int(hex.size());
            }
            }
            spaces = false;
        } else if (isSpace(c)) {
            // libyaml folds long double-quoted lines at a space past column 80.
            if (allowBreaks && !spaces && column > 80 && i != 0 && i != cps.size() - 1) {
                writeIndent(indent);
                if (i + 1 < cps.size() && isSpace(cps[i + 1]))
                    put('\\');
            } else {
                put(' ');
            }
            spaces = true;
        } else {
            write(QString::fromUcs4(&c, 1).toUtf8());
            spaces = false;
        }
    }
    writeIndicator("\"", false, false, false);
}

void YamlEmitter::literal(const QString &s, int indent)
{
    writeIndicator("|", true, false, false);
    const QList<uint> cps = s.toUcs4();
    if (!cps.isEmpty() && (isSpace(cps[0]) || isBreak(cps[0])))
        writeIndicator("2", false, false, false);
    openEnded = false;
    QByteArray chomp;
    if (cps.isEmpty() || !isBreak(cps.last()))
        chomp = "-";
    else if (cps.size() == 1 || isBreak(cps[cps.size() - 2]))
        chomp = "+";
    if (!chomp.isEmpty())
        writeIndicator(chomp, false, false, false);
    if (chomp == "+")
        openEnded = true;
    whitespace = true;
    bool breaks = true;
    for (const char32_t c : cps) {
        if (isBreak(c)) {
            putBreak();
            breaks = true;
        } else {
            if (breaks) {
                writeIndent(indent);
                breaks = false;
            }
            write(QString::fromUcs4(&c, 1).toUtf8());
        }
    }
}

void YamlEmitter::plain(const QByteArray &text, Ctx ctx)
{
    if (!whitespace)
        put(' ');
    out += text;
    column += int(text.size());
    whitespace = false;
    indention = false;
    if (ctx == Ctx::Root)
        openEnded = true;
}

void YamlEmitter::scalar(const Value &v, int indent, Ctx ctx)
{
    if (v.isNull()) {
        plain("null", ctx);
        return;
    }
    if (v.type() == Type::number()) {
        plain(v.asNumber().toString().toLatin1(), ctx);
        return;
    }
    if (v.type() == Type::boolean()) {
        plain(v.asBool() ? "true" : "false", ctx);
        return;
    }
    const QString s = v.asString();
    const bool simpleKey = ctx == Ctx::MappingKey;
    if (s.contains(QLatin1Char('\n')) && !simpleKey && blockAllowed(s.toUcs4()))
        literal(s, indent);
    else
        doubleQuoted(s, indent, !simpleKey);
}

bool YamlEmitter::node(const Value &v, int parentIndent, Ctx ctx, QString *error)
{
    if (!v.isNull() && !v.isKnown()) {
        *error = QStringLiteral("cannot serialize unknown value as YAML");
        return false;
    }
    const Type &t = v.type();
    if (v.isNull() || t.isPrimitive()) {
        // emit_scalar raises the indent: to 2 at the root, else by 2.
        scalar(v, ctx == Ctx::Root ? 2 : parentIndent + 2, ctx);
        return true;
    }
    if (t.isListLike()) {
        if (v.length() == 0) {
            writeIndicator("[", true, true, false);
            writeIndicator("]", false, false, false);
            return true;
        }
        const int indent = ctx == Ctx::Root ? 0 : ctx == Ctx::MappingValue && !indention ? parentIndent : parentIndent + 2;
        for (const Value &e : v.elements()) {
            writeIndent(indent);
            writeIndicator("-", true, false, true);
            if (!node(e, indent, Ctx::SequenceItem, error))
                return false;
        }
        return true;
    }
    if (t.isMapLike()) {
        if (v.length() == 0) {
            writeIndicator("{", true, true, false);
            writeIndicator("}", false, false, false);
            return true;
        }
        const int indent = ctx == Ctx::Root ? 0 : parentIndent + 2;
        const QMap<QString, Value> &attrs = v.attributes();
        for (auto it = attrs.constBegin(); it != attrs.constEnd(); ++it) {
            writeIndent(indent);
            scalar(Value::string(it.key()), indent, Ctx::MappingKey);
            writeIndicator(":", false, false, false);
            if (!node(it.value(), indent, Ctx::MappingValue, error))
                return false;
        }
        return true;
    }
    *error = QStringLiteral("can't marshal %1 as YAML").arg(t.friendlyName());
    return false;
}

std::optional<QByteArray> YamlEmitter::encode(const Value &v, QString *error)
{
    YamlEmitter e;
    if (!e.node(v, -1, Ctx::Root, error))
        return std::nullopt;
    // Document end (implicit): a final line break; then "..." after an
    // open-ended root scalar, as libyaml's stream end does.
    e.writeIndent(0);
    if (e.openEnded) {
        e.writeIndicator("...", true, false, false);
        e.writeIndent(0);
    }
    return e.out;
}

} // namespace kiln::hcl::functions

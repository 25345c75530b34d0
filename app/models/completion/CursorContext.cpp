#include "app/models/completion/CursorContext.h"

#include "engine/hcl/Lexer.h"

namespace kiln::models {

using hcl::TokenType;

namespace {

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || c == '-' || c == '.'
        || static_cast<unsigned char>(c) >= 0x80; // HCL names may be Unicode
}

bool inComment(const hcl::Tokens &tokens, int pos)
{
    for (const auto &t : tokens) {
        if (t.range.start.byte >= pos)
            break;
        if (t.type == TokenType::Comment && pos < t.range.end.byte)
            return true;
    }
    return false;
}

// Whether `pos` inside an argument's value is in literal string text: walks the value's
// tokens keeping the stack of open quotes, heredocs, interpolations and brackets.
bool inStringText(const hcl::Tokens &tokens, ByteSpan value, int pos)
{
    QByteArray stack;
    for (const auto &t : tokens) {
        if (t.range.start.byte < value.start)
            continue;
        if (t.range.start.byte >= pos)
            break;
        switch (t.type) {
        case TokenType::OQuote:
        case TokenType::OHeredoc:
            stack.append('s');
            break;
        case TokenType::TemplateInterp:
        case TokenType::TemplateControl:
        case TokenType::OBrace:
        case TokenType::OBrack:
        case TokenType::OParen:
            stack.append('e');
            break;
        case TokenType::CQuote:
        case TokenType::CHeredoc:
        case TokenType::TemplateSeqEnd:
        case TokenType::CBrace:
        case TokenType::CBrack:
        case TokenType::CParen:
            if (!stack.isEmpty())
                stack.chop(1);
            break;
        default:
            break;
        }
    }
    return !stack.isEmpty() && stack.back() == 's';
}

} // namespace

CursorContext CursorContext::analyse(const HclOutline &outline, const QByteArray &utf8, int pos)
{
    CursorContext ctx;
    pos = std::clamp(pos, 0, int(utf8.size()));
    const hcl::Tokens tokens = hcl::lexConfig(utf8, QString());
    if (inComment(tokens, pos))
        return ctx;

    int start = pos;
    while (start > 0 && isWordChar(utf8[start - 1]))
        --start;
    ctx.word = utf8.mid(start, pos - start);
    ctx.wordStart = start;
    ctx.path = outline.blockPathAt(pos);

    const auto &blocks = outline.blocks();
    const QList<int> siblings
        = ctx.path.isEmpty() ? outline.topLevel() : blocks[ctx.path.last()].children;
    const QList<OutlineAttribute> &attributes
        = ctx.path.isEmpty() ? outline.rootAttributes() : blocks[ctx.path.last()].attributes;
    for (const auto &a : attributes)
        ctx.presentAttributes.append(a.name);
    for (int index : siblings) {
        if (!blocks[index].typeSpan.contains(pos))
            ctx.presentBlocks.append(blocks[index].type);
    }

    for (int index : siblings) {
        const OutlineBlock &b = blocks[index];
        if (b.typeSpan.contains(pos)) {
            ctx.kind = Kind::BodyItem;
            ctx.typedName = b.type;
            return ctx;
        }
        for (int k = 0; k < b.labelSpans.size(); ++k) {
            if (b.labelSpans[k].contains(pos)) {
                ctx.kind = Kind::BlockLabel;
                ctx.block = index;
                ctx.labelIndex = k;
                ctx.labelStart = b.labelSpans[k].start;
                return ctx;
            }
        }
    }
    for (const auto &a : attributes) {
        if (a.nameSpan.contains(pos)) {
            ctx.kind = Kind::BodyItem;
            ctx.typedName = a.name;
            ctx.presentAttributes.removeOne(a.name);
            return ctx;
        }
        if (pos >= a.valueSpan.start && pos <= a.valueSpan.end) {
            ctx.kind = Kind::Expression;
            ctx.attribute = a.name;
            ctx.inString = inStringText(tokens, a.valueSpan, pos);
            return ctx;
        }
    }
    int lineStart = start;
    while (lineStart > 0 && utf8[lineStart - 1] != '\n')
        --lineStart;
    const bool onlySpaces = utf8.mid(lineStart, start - lineStart).trimmed().isEmpty();
    if (onlySpaces && !ctx.word.contains('.'))
        ctx.kind = Kind::BodyItem;
    return ctx;
}

} // namespace kiln::models

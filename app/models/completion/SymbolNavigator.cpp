#include "app/models/completion/SymbolNavigator.h"

#include "app/models/completion/FunctionCatalog.h"
#include "app/models/completion/HclOutline.h"
#include "app/models/completion/TemplateSymbols.h"
#include "app/models/completion/TextOffsets.h"
#include "engine/hcl/Lexer.h"

#include <QList>
#include <QStringList>

namespace kiln::models {

using hcl::TokenType;

namespace {

bool isReferenceChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || c == '-' || c == '.'
        || static_cast<unsigned char>(c) >= 0x80; // HCL names may be Unicode
}

const TemplateSymbol *resolve(const TemplateSymbols &symbols, const QStringList &parts)
{
    const QString root = parts.value(0);
    if (root == QLatin1String("var") && parts.size() >= 2)
        return symbols.find(TemplateSymbol::Kind::Variable, {}, parts[1]);
    if (root == QLatin1String("local") && parts.size() >= 2)
        return symbols.find(TemplateSymbol::Kind::Local, {}, parts[1]);
    if (root == QLatin1String("source") && parts.size() >= 3)
        return symbols.find(TemplateSymbol::Kind::Source, parts[1], parts[2]);
    if (root == QLatin1String("data") && parts.size() >= 3)
        return symbols.find(TemplateSymbol::Kind::DataSource, parts[1], parts[2]);
    return nullptr;
}

} // namespace

std::optional<TextSpan> SymbolNavigator::definitionAt(const QString &text, qsizetype offset)
{
    const auto found = definitionIn({text}, 0, offset);
    return found ? std::optional(found->span) : std::nullopt;
}

std::optional<Definition> SymbolNavigator::definitionIn(
    const QStringList &texts, int current, qsizetype offset)
{
    if (current < 0 || current >= texts.size())
        return std::nullopt;
    const QString &text = texts.at(current);
    const TextOffsets offsets(text);
    const QByteArray &utf8 = offsets.utf8();
    const int pos = offsets.byteFromOffset(offset);
    int start = pos;
    while (start > 0 && isReferenceChar(utf8[start - 1]))
        --start;
    int end = pos;
    while (end < utf8.size() && isReferenceChar(utf8[end]))
        ++end;
    if (start == end)
        return std::nullopt;
    QStringList parts = QString::fromUtf8(utf8.mid(start, end - start)).split(u'.');

    const HclOutline outline = HclOutline::build(utf8);
    const TemplateSymbols symbols = TemplateSymbols::collect(outline, utf8);
    // A build's source "TYPE.NAME" block names its source without the "source." root.
    const QList<int> path = outline.blockPathAt(pos);
    const QList<int> siblings
        = path.isEmpty() ? QList<int>() : outline.blocks()[path.last()].children;
    for (int index : siblings) {
        const OutlineBlock &b = outline.blocks()[index];
        if (b.type == QLatin1String("source") && !b.labelSpans.isEmpty()
            && b.labelSpans[0].contains(pos))
            parts.prepend(QStringLiteral("source"));
    }
    if (const TemplateSymbol *symbol = resolve(symbols, parts))
        return Definition{current,
            {offsets.offsetFromByte(symbol->span.start), offsets.offsetFromByte(symbol->span.end)}};
    for (int i = 0; i < texts.size(); ++i) {
        if (i == current)
            continue;
        const TextOffsets other(texts.at(i));
        const HclOutline otherOutline = HclOutline::build(other.utf8());
        const TemplateSymbols declared = TemplateSymbols::collect(otherOutline, other.utf8());
        if (const TemplateSymbol *symbol = resolve(declared, parts))
            return Definition{i,
                {other.offsetFromByte(symbol->span.start), other.offsetFromByte(symbol->span.end)}};
    }
    return std::nullopt;
}

QString SymbolNavigator::describeAt(const QString &text, qsizetype offset)
{
    const TextOffsets offsets(text);
    const QByteArray &utf8 = offsets.utf8();
    const int pos = offsets.byteFromOffset(offset);
    int start = pos;
    while (start > 0 && isReferenceChar(utf8[start - 1]))
        --start;
    int end = pos;
    while (end < utf8.size() && isReferenceChar(utf8[end]))
        ++end;
    const QString word = QString::fromUtf8(utf8.mid(start, end - start));
    const QStringList parts = word.split(u'.');
    if (parts.size() == 1 && end < utf8.size() && utf8[end] == '(') {
        if (const FunctionSignature *f = FunctionCatalog::instance().find(word))
            return f->text() + (f->description.isEmpty() ? QString() : u'\n' + f->description);
        return {};
    }
    if (parts.size() < 2 || parts[0] != QLatin1String("var"))
        return {};
    const HclOutline outline = HclOutline::build(utf8);
    const TemplateSymbols symbols = TemplateSymbols::collect(outline, utf8);
    const TemplateSymbol *v = symbols.find(TemplateSymbol::Kind::Variable, {}, parts[1]);
    if (!v)
        return {};
    QString description = QStringLiteral("variable \"%1\"").arg(v->name);
    if (!v->typeText.isEmpty())
        description += QStringLiteral(": ") + v->typeText;
    if (!v->description.isEmpty())
        description += u'\n' + v->description;
    return description;
}

std::optional<CallSite> SymbolNavigator::callAt(const QString &text, qsizetype offset)
{
    const TextOffsets offsets(text);
    const int pos = offsets.byteFromOffset(offset);
    const hcl::Tokens tokens = hcl::lexConfig(offsets.utf8(), QString());
    struct Frame
    {
        bool call = false;
        QString function;
        int argument = 0;
        int openByte = 0;
    };
    QList<Frame> stack;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const hcl::Token &t = tokens[i];
        if (t.range.start.byte >= pos || t.type == TokenType::EndOfFile)
            break;
        switch (t.type) {
        case TokenType::OParen: {
            Frame f;
            f.openByte = t.range.start.byte;
            if (i > 0 && tokens[i - 1].type == TokenType::Ident) {
                f.call = true;
                f.function = QString::fromUtf8(tokens[i - 1].bytes);
            }
            stack.append(f);
            break;
        }
        case TokenType::OBrace:
        case TokenType::OBrack:
        case TokenType::OQuote:
        case TokenType::OHeredoc:
        case TokenType::TemplateInterp:
        case TokenType::TemplateControl:
            stack.append(Frame{});
            break;
        case TokenType::CParen:
        case TokenType::CBrace:
        case TokenType::CBrack:
        case TokenType::CQuote:
        case TokenType::CHeredoc:
        case TokenType::TemplateSeqEnd:
            if (!stack.isEmpty())
                stack.removeLast();
            break;
        case TokenType::Comma:
            if (!stack.isEmpty())
                ++stack.last().argument;
            break;
        default:
            break;
        }
    }
    for (qsizetype i = stack.size() - 1; i >= 0; --i) {
        if (stack[i].call)
            return CallSite{
                stack[i].function, stack[i].argument, offsets.offsetFromByte(stack[i].openByte)};
    }
    return std::nullopt;
}

} // namespace kiln::models

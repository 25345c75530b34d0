// Bodies, attributes and blocks (hclsyntax parser.go: ParseBody and friends).

#include "engine/hcl/ParserImpl.h"

#include <QHash>

namespace kiln::hcl::detail {

namespace {

SourceRange endOf(const SourceRange &r)
{
    SourceRange e = r;
    e.start = r.end;
    return e;
}

QString rangeString(const SourceRange &r)
{
    // hcl.Range.String(): "file:line,col-col" on one line, "file:l,c-l,c" across lines.
    if (r.start.line == r.end.line)
        return QStringLiteral("%1:%2,%3-%4")
            .arg(r.filename)
            .arg(r.start.line)
            .arg(r.start.column)
            .arg(r.end.column);
    return QStringLiteral("%1:%2,%3-%4,%5")
        .arg(r.filename)
        .arg(r.start.line)
        .arg(r.start.column)
        .arg(r.end.line)
        .arg(r.end.column);
}

Diagnostic diag(const QString &summary, const QString &detail, const SourceRange &subject,
    std::optional<SourceRange> context = std::nullopt)
{
    Diagnostic d = Diagnostic::error(summary, detail, subject);
    d.context = context;
    return d;
}

const QString kArgOrBlockRequired = QStringLiteral("Argument or block definition required");

} // namespace

// An unclosed block runs to the end of the file and so swallows everything
// after it. Items indented no deeper than the block's own header were almost
// certainly meant to follow it, so move them (and everything after them) out
// to the enclosing body, where the designer expects to find them.
void ParserImpl::spillMisnestedItems(syntax::Body &body, int ownerColumn)
{
    int splitByte = -1;
    for (const auto &a : body.attributes)
        if (a.nameRange.start.column <= ownerColumn
            && (splitByte < 0 || a.nameRange.start.byte < splitByte))
            splitByte = a.nameRange.start.byte;
    for (const auto &b : body.blocks)
        if (b.typeRange.start.column <= ownerColumn
            && (splitByte < 0 || b.typeRange.start.byte < splitByte))
            splitByte = b.typeRange.start.byte;
    if (splitByte < 0)
        return;
    // Spilled items go before any spilled earlier by a deeper body: they come first in the source.
    syntax::Body moved;
    for (qsizetype i = 0; i < body.attributes.size();) {
        if (body.attributes[i].nameRange.start.byte >= splitByte)
            moved.attributes.append(body.attributes.takeAt(i));
        else
            ++i;
    }
    for (qsizetype i = 0; i < body.blocks.size();) {
        if (body.blocks[i].typeRange.start.byte >= splitByte)
            moved.blocks.append(body.blocks.takeAt(i));
        else
            ++i;
    }
    moved.attributes += m_spilled.attributes;
    moved.blocks += m_spilled.blocks;
    m_spilled.attributes = std::move(moved.attributes);
    m_spilled.blocks = std::move(moved.blocks);
}

void ParserImpl::adoptSpilledItems(syntax::Body &body, Diagnostics &diags)
{
    if (m_spilled.attributes.isEmpty() && m_spilled.blocks.isEmpty())
        return;
    for (auto &attr : m_spilled.attributes) {
        if (const syntax::Attribute *existing = body.attribute(attr.name)) {
            diags += diag(QStringLiteral("Attribute redefined"),
                QStringLiteral("The argument \"%1\" was already set at %2. Each argument may be "
                               "set only once.")
                    .arg(attr.name, rangeString(existing->nameRange)),
                attr.nameRange);
            continue;
        }
        body.attributes.append(std::move(attr));
    }
    body.blocks += std::move(m_spilled.blocks);
    m_spilled.attributes.clear();
    m_spilled.blocks.clear();
}

std::shared_ptr<syntax::Body> ParserImpl::parseBody(
    TokenType end, Diagnostics &diags, int ownerColumn)
{
    auto body = std::make_shared<syntax::Body>();
    // A block body usually holds a few arguments: room for them up front spares
    // the list two or three regrowths (each moving every argument so far).
    if (end == TokenType::CBrace)
        body->attributes.reserve(4);
    // Name -> position in body->attributes: the redefinition check stays linear in
    // the body's size (a generated locals block has thousands of arguments). Most
    // bodies hold a handful of arguments, where scanning them is cheaper than a
    // hash table per body, so the index is only built once a body grows large.
    constexpr qsizetype kIndexFrom = 16;
    QHash<QString, qsizetype> attrIndex;
    const auto findAttribute = [&](const QString &name) -> qsizetype {
        if (body->attributes.size() < kIndexFrom) {
            for (qsizetype i = 0; i < body->attributes.size(); ++i)
                if (body->attributes[i].name == name)
                    return i;
            return -1;
        }
        if (attrIndex.isEmpty()) {
            attrIndex.reserve(body->attributes.size() * 2);
            for (qsizetype i = 0; i < body->attributes.size(); ++i)
                attrIndex.insert(body->attributes[i].name, i);
        }
        return attrIndex.value(name, -1);
    };
    // Keeps the index current once it exists; the first lookup in a large body builds it.
    const auto indexFrom = [&](qsizetype first) {
        if (attrIndex.isEmpty())
            return;
        for (qsizetype i = first; i < body->attributes.size(); ++i)
            attrIndex.insert(body->attributes[i].name, i);
    };
    const SourceRange startRange = prevRange();
    SourceRange endRange;

    for (;;) {
        const Token &next = peek();
        if (next.type == end) {
            endRange = next.range;
            read();
            break;
        }
        if (next.type == TokenType::Newline) {
            read();
            continue;
        }
        if (next.type == TokenType::Ident) {
            syntax::Attribute attr;
            syntax::Block block;
            const int kind = parseBodyItem(*body, diags, &attr, &block);
            if (kind == 1) {
                const qsizetype existing = findAttribute(attr.name);
                if (existing >= 0) {
                    diags += diag(QStringLiteral("Attribute redefined"),
                        QStringLiteral("The argument \"%1\" was already set at %2. Each argument "
                                       "may be set only once.")
                            .arg(attr.name, rangeString(body->attributes[existing].nameRange)),
                        attr.nameRange);
                } else {
                    body->attributes.append(std::move(attr));
                    indexFrom(body->attributes.size() - 1);
                }
            } else if (kind == 2) {
                body->blocks.append(std::move(block));
                const qsizetype before = body->attributes.size();
                adoptSpilledItems(*body, diags);
                indexFrom(before);
            }
            continue;
        }

        const Token &bad = read();
        if (!recovery) {
            if (bad.type == TokenType::OQuote) {
                diags += diag(QStringLiteral("Invalid argument name"),
                    QStringLiteral("Argument names must not be quoted."), bad.range);
            } else if (bad.type == TokenType::EndOfFile) {
                if (end == TokenType::CBrace)
                    diags += diag(QStringLiteral("Unclosed configuration block"),
                        QStringLiteral(
                            "There is no closing brace for this block before the end of the file. "
                            "This may be caused by incorrect brace nesting elsewhere in this "
                            "file."),
                        startRange);
                else
                    diags += diag(QStringLiteral("Unclosed configuration body"),
                        QStringLiteral(
                            "Found end of file before the end of this configuration body."),
                        startRange);
            } else {
                diags += diag(kArgOrBlockRequired,
                    QStringLiteral("An argument or block definition is required here."), bad.range);
            }
        }
        if (bad.type == TokenType::EndOfFile) {
            endRange = prevRange();
            if (end == TokenType::CBrace)
                spillMisnestedItems(*body, ownerColumn);
            break;
        }
        // hcl gives up on the whole body here (recover(end)), losing every item
        // after the stray token. The designer needs those items, so skip just
        // the rest of this line (brackets balanced) and carry on; recovery mode
        // keeps the skipped text from producing further diagnostics.
        recoverToNextItem(end);
    }

    body->range = SourceRange::between(startRange, endRange);
    body->endRange = endOf(endRange);
    return body;
}

// Returns 0 when nothing usable was parsed, 1 for an attribute, 2 for a block.
int ParserImpl::parseBodyItem(
    syntax::Body &, Diagnostics &diags, syntax::Attribute *attr, syntax::Block *block)
{
    const Token &ident = read();
    if (ident.type != TokenType::Ident) {
        recoverAfterBodyItem();
        diags += diag(kArgOrBlockRequired,
            QStringLiteral("An argument or block definition is required here."), ident.range);
        return 0;
    }
    switch (peek().type) {
    case TokenType::Equal:
        *attr = finishParsingBodyAttribute(ident, false, diags);
        return 1;
    case TokenType::OQuote:
    case TokenType::OBrace:
    case TokenType::Ident:
        *block = finishParsingBodyBlock(ident, diags);
        return 2;
    default:
        recoverAfterBodyItem();
        diags += diag(kArgOrBlockRequired,
            QStringLiteral("An argument or block definition is required here. To set an argument, "
                           "use the equals sign \"=\" to introduce the argument value."),
            ident.range);
        return 0;
    }
}

// The body of `foo { bar = baz }`: one attribute, then the closing brace on the same line.
std::shared_ptr<syntax::Body> ParserImpl::parseSingleAttrBody(Diagnostics &diags)
{
    const Token &ident = read();
    if (ident.type != TokenType::Ident) {
        recoverAfterBodyItem();
        diags += diag(kArgOrBlockRequired,
            QStringLiteral("An argument or block definition is required here."), ident.range);
        return nullptr;
    }
    const Token &next = peek();
    switch (next.type) {
    case TokenType::Equal: {
        auto body = std::make_shared<syntax::Body>();
        syntax::Attribute attr = finishParsingBodyAttribute(ident, true, diags);
        body->range = attr.range;
        body->endRange = endOf(attr.range);
        body->attributes.append(std::move(attr));
        return body;
    }
    case TokenType::OQuote:
    case TokenType::OBrace:
    case TokenType::Ident: {
        const SourceRange subject = SourceRange::between(ident.range, next.range);
        recoverAfterBodyItem();
        diags += diag(QStringLiteral("Argument definition required"),
            QStringLiteral("A single-line block definition can contain only a single argument. If "
                           "you meant to define "
                           "argument \"%1\", use an equals sign to assign it a value. To define a "
                           "nested block, place it "
                           "on a line of its own within its parent block.")
                .arg(identifier(ident)),
            subject);
        return nullptr;
    }
    default:
        recoverAfterBodyItem();
        diags += diag(kArgOrBlockRequired,
            QStringLiteral("An argument or block definition is required here. To set an argument, "
                           "use the equals sign \"=\" to introduce the argument value."),
            ident.range);
        return nullptr;
    }
}

syntax::Attribute ParserImpl::finishParsingBodyAttribute(
    const Token &ident, bool singleLine, Diagnostics &diags)
{
    const Token &eq = read();
    SourceRange endRange;
    Diagnostics exprDiags;
    ExprPtr expr = parseExpression(exprDiags);
    if (recovery && exprDiags.hasErrors()) {
        // Recovery inside expressions may have left us anywhere: resync at
        // the start of the next body item.
        endRange = prevRange();
        recoverAfterBodyItem();
    } else {
        endRange = prevRange();
        if (!singleLine) {
            const Token &end = peek();
            if (end.type != TokenType::Newline && end.type != TokenType::EndOfFile) {
                if (!recovery) {
                    QString summary = QStringLiteral("Missing newline after argument");
                    QString detail
                        = QStringLiteral("An argument definition must end with a newline.");
                    if (end.type == TokenType::Comma) {
                        summary = QStringLiteral("Unexpected comma after argument");
                        detail = QStringLiteral("Argument definitions must be separated by "
                                                "newlines, not commas. ")
                            + detail;
                    }
                    exprDiags += diag(
                        summary, detail, end.range, SourceRange::between(ident.range, end.range));
                }
                endRange = prevRange();
                recoverAfterBodyItem();
            } else {
                endRange = prevRange();
                read(); // the newline
            }
        }
    }
    if (!exprDiags.isEmpty())
        diags += exprDiags;

    syntax::Attribute attr;
    attr.name = identifier(ident);
    attr.expr = std::move(expr);
    attr.range = SourceRange::between(ident.range, endRange);
    attr.nameRange = ident.range;
    attr.equalsRange = eq.range;
    return attr;
}

syntax::Block ParserImpl::finishParsingBodyBlock(const Token &ident, Diagnostics &diags)
{
    syntax::Block block;
    block.type = identifier(ident);
    block.typeRange = ident.range;
    Token oBrace;

    for (bool header = true; header;) {
        const Token &tok = peek();
        switch (tok.type) {
        case TokenType::OBrace:
            oBrace = read();
            header = false;
            break;
        case TokenType::OQuote: {
            SourceRange labelRange;
            // Recovers up to the closing quote on problems, so more labels and
            // the body can still follow.
            block.labels.append(parseQuotedStringLiteral(&labelRange, diags));
            block.labelRanges.append(labelRange);
            break;
        }
        case TokenType::Ident: {
            const Token &label = read();
            block.labels.append(identifier(label));
            block.labelRanges.append(label.range);
            break;
        }
        default: {
            const SourceRange context = SourceRange::between(ident.range, tok.range);
            if (tok.type == TokenType::Equal) {
                diags += diag(QStringLiteral("Invalid block definition"),
                    QStringLiteral("The equals sign \"=\" indicates an argument definition, and "
                                   "must not be used when defining a block."),
                    tok.range, context);
            } else if (tok.type == TokenType::Newline) {
                diags += diag(QStringLiteral("Invalid block definition"),
                    QStringLiteral("A block definition must have block content delimited by \"{\" "
                                   "and \"}\", starting on the same line as the block header."),
                    tok.range, context);
            } else if (!recovery) {
                diags += diag(QStringLiteral("Invalid block definition"),
                    QStringLiteral("Either a quoted string block label or an opening brace (\"{\") "
                                   "is expected here."),
                    tok.range, context);
            }
            recoverAfterBodyItem();
            auto body = std::make_shared<syntax::Body>();
            body->range = ident.range;
            body->endRange = ident.range;
            block.body = body;
            block.openBraceRange = ident.range; // placeholders, as hcl
            block.closeBraceRange = ident.range;
            block.range = ident.range;
            return block;
        }
        }
    }

    std::shared_ptr<syntax::Body> body;
    Diagnostics bodyDiags;
    bool lineConsumed = false;
    const TokenType first = peek().type;
    if (first == TokenType::Newline || first == TokenType::EndOfFile
        || first == TokenType::CBrace) {
        body = parseBody(TokenType::CBrace, bodyDiags, ident.range.start.column);
    } else {
        body = parseSingleAttrBody(bodyDiags);
        // A failed single-line body has already skipped the rest of its line,
        // closing brace included; looking for another brace (as hcl does)
        // would swallow the following items.
        lineConsumed = !body;
        const Token &after = peek();
        switch (lineConsumed ? TokenType::CBrace : after.type) {
        case TokenType::CBrace:
            if (!lineConsumed)
                read();
            break;
        case TokenType::Comma:
            diags += diag(QStringLiteral("Invalid single-argument block definition"),
                QStringLiteral("Single-line block syntax can include only one argument definition. "
                               "To define multiple "
                               "arguments, use the multi-line block syntax with one argument "
                               "definition per line."),
                after.range);
            recover(TokenType::CBrace);
            break;
        case TokenType::Newline:
            diags += diag(QStringLiteral("Invalid single-argument block definition"),
                QStringLiteral("An argument definition on the same line as its containing block "
                               "creates a single-line "
                               "block definition, which must also be closed on the same line. "
                               "Place the block's closing "
                               "brace immediately after the argument definition."),
                after.range);
            recover(TokenType::CBrace);
            break;
        default:
            if (!recovery) {
                if (after.type == TokenType::EndOfFile)
                    diags += diag(QStringLiteral("Unclosed configuration block"),
                        QStringLiteral(
                            "There is no closing brace for this block before the end of the file. "
                            "This may be caused by incorrect brace nesting elsewhere in this "
                            "file."),
                        oBrace.range, SourceRange::between(ident.range, oBrace.range));
                else
                    diags += diag(QStringLiteral("Invalid single-argument block definition"),
                        QStringLiteral("A single-line block definition must end with a closing "
                                       "brace immediately after its single argument definition."),
                        after.range);
            }
            recover(TokenType::CBrace);
            break;
        }
    }
    diags += bodyDiags;
    const SourceRange cBraceRange = prevRange();

    const Token &eol = peek();
    if (lineConsumed) {
        // already past the end of this block's line
    } else if (eol.type == TokenType::Newline || eol.type == TokenType::EndOfFile) {
        read();
    } else {
        if (!recovery)
            diags += diag(QStringLiteral("Missing newline after block definition"),
                QStringLiteral("A block definition must end with a newline."), eol.range,
                SourceRange::between(ident.range, eol.range));
        recoverAfterBodyItem();
    }

    if (!body) {
        // Never hand out a null body: callers analyse partial results.
        body = std::make_shared<syntax::Body>();
        body->range = SourceRange::between(oBrace.range, cBraceRange);
        body->endRange = cBraceRange;
    }
    block.body = body;
    block.openBraceRange = oBrace.range;
    block.closeBraceRange = cBraceRange;
    block.range = SourceRange::between(block.typeRange, cBraceRange);
    return block;
}

} // namespace kiln::hcl::detail

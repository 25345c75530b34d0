// Templates: quoted strings, heredocs and bare templates (hclsyntax
// parser_template.go). Parsing is two passes, as in hcl: the token stream is
// first raised to template "parts" (literals with strip markers applied,
// interpolations, directive markers), then the parts are folded into a tree.

#include "engine/hcl/Parser.h"
#include "engine/hcl/ParserImpl.h"
#include "engine/hcl/ParserTemplateParts.h"

#include <algorithm>
#include <limits>

namespace kiln::hcl::detail {

namespace {

Diagnostic diag(const QString &summary, const QString &detail, const SourceRange &subject,
    std::optional<SourceRange> context = std::nullopt)
{
    Diagnostic d = Diagnostic::error(summary, detail, subject);
    d.context = context;
    return d;
}

bool isSpace(QChar c)
{
    return c.isSpace();
}

QString trimLeft(const QString &s)
{
    qsizetype i = 0;
    while (i < s.size() && isSpace(s[i]))
        ++i;
    return s.mid(i);
}

QString trimRight(const QString &s)
{
    qsizetype i = s.size();
    while (i > 0 && isSpace(s[i - 1]))
        --i;
    return s.left(i);
}

// `<<-` heredocs: remove from every line the smallest indentation found at the
// start of any line. Only literal text counts, so interpolated values cannot
// change the indentation chosen.
void flushHeredoc(std::vector<Part> &parts)
{
    constexpr int maxInt = std::numeric_limits<int>::max();
    int minSpaces = maxInt;
    bool newline = true;
    std::vector<Part *> adjust;
    for (Part &p : parts) {
        if (newline) {
            newline = false;
            // A line that starts with an interpolation or directive has no
            // indentation of its own, so nothing can be removed anywhere.
            int spaces = 0;
            if (p.kind == PartKind::Literal) {
                const QString trimmed = trimLeft(p.text);
                // A line of only spaces does not count towards the minimum.
                if (trimmed.isEmpty() && p.text.endsWith(QLatin1Char('\n'))) {
                    spaces = maxInt;
                } else {
                    spaces = int(p.text.size() - trimmed.size());
                    adjust.push_back(&p);
                }
            } else if (p.kind == PartKind::End) {
                break;
            }
            minSpaces = std::min(minSpaces, spaces);
        }
        if (p.kind == PartKind::Literal && p.text.endsWith(QLatin1Char('\n')))
            newline = true;
    }
    if (minSpaces == maxInt)
        return;
    for (Part *p : adjust) {
        const QString prefix = p->text.left(minSpaces);
        p->text = p->text.mid(minSpaces);
        p->range.start.column += int(prefix.size());
        p->range.start.byte += int(prefix.toUtf8().size());
    }
}

// Joins neighbouring literals; must run after all whitespace trimming.
void meldLiterals(std::vector<Part> &parts)
{
    // Most templates have no two literals in a row ("text", "a${b}c"): then
    // there is nothing to join and no reason to rebuild the list.
    const auto adjacent = std::adjacent_find(parts.cbegin(), parts.cend(), [](const Part &a, const Part &b) {
        return a.kind == PartKind::Literal && b.kind == PartKind::Literal;
    });
    if (adjacent == parts.cend())
        return;
    std::vector<Part> out;
    out.reserve(parts.size());
    for (Part &p : parts) {
        if (!out.empty() && p.kind == PartKind::Literal && out.back().kind == PartKind::Literal) {
            out.back().text += p.text;
            out.back().range.end = p.range.end;
            continue;
        }
        out.push_back(std::move(p));
    }
    parts = std::move(out);
}

} // namespace

struct ParserImpl::TemplateParts
{
    std::vector<Part> parts;
    SourceRange range;
};

ExprPtr ParserImpl::parseTemplate(TokenType end, bool flushHeredocParts, Diagnostics &diags)
{
    TemplateResult t = parseTemplateInner(end, flushHeredocParts, diags);
    if (t.passthru) {
        auto e = std::make_shared<TemplateWrapExpr>();
        e->wrapped = t.exprs.first();
        e->range = t.range;
        e->startRange = t.range;
        return e;
    }
    auto e = std::make_shared<TemplateExpr>();
    e->range = t.range;
    e->startRange = t.exprs.isEmpty() ? t.range : t.exprs.first()->startRange;
    e->parts = std::move(t.exprs);
    return e;
}

ParserImpl::TemplateResult ParserImpl::parseTemplateInner(
    TokenType end, bool flush, Diagnostics &diags)
{
    TemplateParts parts;
    if (!m_spareParts.empty()) {
        parts.parts = std::move(m_spareParts.back());
        m_spareParts.pop_back();
    }
    Diagnostics partDiags;
    parseTemplateParts(end, parts, partDiags);
    const bool partsBroken = partDiags.hasErrors();
    if (!partDiags.isEmpty())
        diags += partDiags;
    if (flush)
        flushHeredoc(parts.parts);
    meldLiterals(parts.parts);

    TemplateResult result;
    result.exprs = buildTemplateTree(parts.parts, partsBroken, diags);
    // "${x}" alone (one real part plus the end marker) yields x's value unconverted.
    result.passthru = parts.parts.size() == 2 && parts.parts.front().kind == PartKind::Interp;
    result.range = parts.range;
    parts.parts.clear();
    m_spareParts.push_back(std::move(parts.parts));
    return result;
}

void ParserImpl::parseTemplateParts(TokenType end, TemplateParts &out, Diagnostics &diags)
{
    std::vector<Part> &parts = out.parts;
    parts.reserve(4);
    const SourceRange startRange = nextRange();
    bool ltrimNext = false;
    bool nextCanTrimPrev = false;
    SourceRange endRange;

    auto trimPrevLiteral = [&](const Token &opener, bool canTrimPrev) {
        if (canTrimPrev && opener.bytes.size() == 3 && opener.bytes[2] == '~' && !parts.empty()
            && parts.back().kind == PartKind::Literal)
            parts.back().text = trimRight(parts.back().text);
    };

    for (;;) {
        const Token &next = read();
        if (next.type == end) {
            endRange = next.range;
            break;
        }
        const bool ltrim = ltrimNext;
        ltrimNext = false;
        const bool canTrimPrev = nextCanTrimPrev;
        nextCanTrimPrev = false;

        if (next.type == TokenType::StringLit || next.type == TokenType::QuotedLit) {
            QString str = parseStringLiteralToken(next, diags);
            if (ltrim)
                str = trimLeft(str);
            // Parts are filled in place: a Part is large, and building one aside
            // only to move it into the list doubled the work for each.
            Part &p = parts.emplace_back();
            p.kind = PartKind::Literal;
            p.text = std::move(str);
            p.range = next.range;
            nextCanTrimPrev = true;
            continue;
        }

        if (next.type == TokenType::TemplateInterp) {
            trimPrevLiteral(next, canTrimPrev);
            pushNewlines(false);
            Diagnostics exprDiags;
            ExprPtr expr = parseExpression(exprDiags);
            if (!exprDiags.isEmpty())
                diags += exprDiags;
            const Token &close = peek();
            if (close.type != TokenType::TemplateSeqEnd) {
                if (!recovery) {
                    if (close.type == TokenType::EndOfFile) {
                        diags += diag(QStringLiteral("Unclosed template interpolation sequence"),
                            QStringLiteral("There is no closing brace for this interpolation "
                                           "sequence before the end of the file. "
                                           "This might be caused by incorrect nesting inside the "
                                           "given expression."),
                            startRange);
                    } else if (close.type == TokenType::Colon) {
                        diags += diag(
                            QStringLiteral("Extra characters after interpolation expression"),
                            QStringLiteral(
                                "Template interpolation doesn't expect a colon at this location. "
                                "Did you intend this "
                                "to be a literal sequence to be processed as part of another "
                                "language? If so, you "
                                "can escape it by starting with \"$${\" instead of just \"${\"."),
                            close.range, SourceRange::between(startRange, close.range));
                    } else if ((close.type == TokenType::CQuote || close.type == TokenType::OQuote)
                        && end == TokenType::CQuote) {
                        // An errant quote inside the sequence: the closing brace is probably
                        // missing.
                        diags += diag(QStringLiteral("Unclosed template interpolation sequence"),
                            QStringLiteral("There is no closing brace for this interpolation "
                                           "sequence before the end of the quoted "
                                           "template. This might be caused by incorrect nesting "
                                           "inside the given expression."),
                            startRange);
                    } else {
                        diags += diag(
                            QStringLiteral("Extra characters after interpolation expression"),
                            QStringLiteral("Expected a closing brace to end the interpolation "
                                           "expression, but found extra "
                                           "characters.\n\nThis can happen when you include "
                                           "interpolation syntax for another "
                                           "language, such as shell scripting, but forget to "
                                           "escape the interpolation start "
                                           "token. If this is an embedded sequence for another "
                                           "language, escape it by starting "
                                           "with \"$${\" instead of just \"${\"."),
                            close.range, SourceRange::between(startRange, close.range));
                    }
                }
                recover(TokenType::TemplateSeqEnd);
            } else {
                read();
                if (close.bytes.size() == 2 && close.bytes[0] == '~')
                    ltrimNext = true;
            }
            popNewlines();
            Part &p = parts.emplace_back();
            p.kind = PartKind::Interp;
            p.expr = std::move(expr);
            p.range = SourceRange::between(next.range, close.range);
            continue;
        }

        if (next.type == TokenType::TemplateControl) {
            trimPrevLiteral(next, canTrimPrev);
            pushNewlines(false);
            const Token &kw = peek();
            if (kw.type != TokenType::Ident) {
                if (!recovery)
                    diags += diag(QStringLiteral("Invalid template directive"),
                        QStringLiteral("A template directive keyword (\"if\", \"for\", etc) is "
                                       "expected at the beginning of a %{ sequence."),
                        kw.range, SourceRange::between(next.range, kw.range));
                recover(TokenType::TemplateSeqEnd);
                popNewlines();
                continue;
            }
            read();

            Part p;
            bool ok = true;
            if (kw.bytes == "if") {
                Diagnostics condDiags;
                p.kind = PartKind::If;
                p.expr = parseExpression(condDiags);
                diags += condDiags;
            } else if (kw.bytes == "else") {
                p.kind = PartKind::Else;
            } else if (kw.bytes == "endif") {
                p.kind = PartKind::EndIf;
            } else if (kw.bytes == "endfor") {
                p.kind = PartKind::EndFor;
            } else if (kw.bytes == "for") {
                p.kind = PartKind::For;
                auto fail = [&](const QString &detail) {
                    if (!recovery)
                        diags += diag(
                            QStringLiteral("Invalid 'for' directive"), detail, peek().range);
                    recover(TokenType::TemplateSeqEnd);
                    popNewlines();
                    ok = false;
                };
                if (peek().type != TokenType::Ident) {
                    fail(QStringLiteral("For directive requires variable name after 'for'."));
                } else {
                    const Token &v = read();
                    p.valVar = QString::fromUtf8(v.bytes);
                    p.valVarRange = v.range;
                    if (peek().type == TokenType::Comma) {
                        p.keyVar = p.valVar;
                        p.keyVarRange = p.valVarRange;
                        read();
                        if (peek().type != TokenType::Ident) {
                            fail(QStringLiteral(
                                "For directive requires value variable name after comma."));
                        } else {
                            const Token &v2 = read();
                            p.valVar = QString::fromUtf8(v2.bytes);
                            p.valVarRange = v2.range;
                        }
                    }
                    if (ok && !(peek().type == TokenType::Ident && peek().bytes == "in"))
                        fail(QStringLiteral("For directive requires 'in' keyword after names."));
                    if (ok) {
                        read();
                        Diagnostics collDiags;
                        p.expr = parseExpression(collDiags);
                        diags += collDiags;
                    }
                }
            } else {
                if (!recovery) {
                    const QString given = QString::fromUtf8(kw.bytes);
                    QString suggestion = nameSuggestion(given,
                        {QStringLiteral("if"), QStringLiteral("for"), QStringLiteral("else"),
                            QStringLiteral("endif"), QStringLiteral("endfor")});
                    if (!suggestion.isEmpty())
                        suggestion = QStringLiteral(" Did you mean \"%1\"?").arg(suggestion);
                    diags += diag(QStringLiteral("Invalid template control keyword"),
                        QStringLiteral("\"%1\" is not a valid template control keyword.%2")
                            .arg(given, suggestion),
                        kw.range, SourceRange::between(next.range, kw.range));
                }
                recover(TokenType::TemplateSeqEnd);
                popNewlines();
                continue;
            }
            if (!ok)
                continue;
            p.range = SourceRange::between(next.range, nextRange());
            parts.push_back(std::move(p));

            const Token &close = peek();
            if (close.type != TokenType::TemplateSeqEnd) {
                if (!recovery)
                    diags += diag(QStringLiteral("Extra characters in %1 marker")
                                      .arg(QString::fromUtf8(kw.bytes)),
                        QStringLiteral("Expected a closing brace to end the sequence, but found "
                                       "extra characters."),
                        close.range, SourceRange::between(startRange, close.range));
                recover(TokenType::TemplateSeqEnd);
            } else {
                read();
                if (close.bytes.size() == 2 && close.bytes[0] == '~')
                    ltrimNext = true;
            }
            popNewlines();
            continue;
        }

        if (!recovery)
            diags += diag(QStringLiteral("Unterminated template string"),
                QStringLiteral("No closing marker was found for the string."), next.range,
                SourceRange::between(startRange, next.range));
        const Token &final = recover(end);
        endRange = final.range;
        break;
    }

    if (parts.empty()) {
        // "" is an empty string: a zero-width literal just after the opening quote.
        Part p;
        p.kind = PartKind::Literal;
        p.range = SourceRange{startRange.filename, startRange.end, startRange.end};
        parts.push_back(std::move(p));
    }
    Part &endPart = parts.emplace_back();
    endPart.kind = PartKind::End;
    endPart.range = endRange;
    out.range = SourceRange::between(startRange, endRange);
}

} // namespace kiln::hcl::detail

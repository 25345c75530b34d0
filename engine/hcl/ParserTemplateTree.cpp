// The second pass of template parsing: folding template parts into a tree
// (hclsyntax parser_template.go's templateParser).

#include "engine/hcl/ParserImpl.h"
#include "engine/hcl/ParserTemplateParts.h"

namespace kiln::hcl::detail {

namespace {

Diagnostic diag(const QString &summary, const QString &detail, const SourceRange &subject,
    std::optional<SourceRange> context = std::nullopt)
{
    Diagnostic d = Diagnostic::error(summary, detail, subject);
    d.context = context;
    return d;
}

QString rangeString(const SourceRange &r)
{
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

QString endCtrlName(PartKind k)
{
    switch (k) {
    case PartKind::Else:
        return QStringLiteral("else");
    case PartKind::EndIf:
        return QStringLiteral("endif");
    default:
        return QStringLiteral("endfor");
    }
}

bool isEndCtrl(PartKind k)
{
    return k == PartKind::Else || k == PartKind::EndIf || k == PartKind::EndFor;
}

ExprPtr stringLiteral(const QString &s, const SourceRange &range)
{
    auto lit = std::make_shared<LiteralExpr>();
    lit->value = Value::string(s);
    lit->range = range;
    lit->startRange = range;
    return lit;
}

SourceRange emptyAt(const SourcePos &pos, const QString &filename)
{
    return SourceRange{filename, pos, pos};
}

std::shared_ptr<TemplateExpr> templateOf(QList<ExprPtr> parts)
{
    auto t = std::make_shared<TemplateExpr>();
    t->range = SourceRange::between(parts.first()->range, parts.last()->range);
    t->startRange = parts.first()->startRange;
    t->parts = std::move(parts);
    return t;
}

// The second pass: folds the flat parts into literals, interpolations,
// conditionals (%{if}) and joins over for expressions (%{for}).

class TemplateTreeBuilder
{
public:
    // `quiet`: the parts already carry an error (a broken directive), so the
    // imbalance it causes must not be reported a second time.
    TemplateTreeBuilder(const std::vector<Part> &parts, bool quiet)
        : m_parts(parts)
        , m_quiet(quiet)
    { }

    QList<ExprPtr> parseRoot(Diagnostics &diags)
    {
        QList<ExprPtr> exprs;
        // At most one expression per part: reserving spares the list's regrowth.
        exprs.reserve(qsizetype(m_parts.size()));
        while (peek().kind != PartKind::End)
            exprs.append(parseExpr(diags));
        return exprs;
    }

private:
    const Part &peek() const { return m_parts[m_pos]; }
    const Part &read()
    {
        const Part &p = m_parts[m_pos];
        if (p.kind != PartKind::End)
            ++m_pos;
        return p;
    }

    ExprPtr parseExpr(Diagnostics &diags)
    {
        const Part &next = peek();
        switch (next.kind) {
        case PartKind::Literal:
            read();
            return stringLiteral(next.text, next.range);
        case PartKind::Interp:
            read();
            return next.expr;
        case PartKind::If:
            return parseIf(diags);
        case PartKind::For:
            return parseFor(diags);
        case PartKind::End:
            read();
            report(diags,
                diag(QStringLiteral("Unexpected end of template"),
                    QStringLiteral("The control directives within this template are unbalanced."),
                    next.range));
            return errorPlaceholder(next.range);
        default:
            read();
            report(diags,
                diag(QStringLiteral("Unexpected %1 directive").arg(endCtrlName(next.kind)),
                    QStringLiteral("The control directives within this template are unbalanced."),
                    next.range));
            return errorPlaceholder(next.range);
        }
    }

    ExprPtr parseIf(Diagnostics &diags)
    {
        const Part &openIf = read();
        QList<ExprPtr> ifExprs, elseExprs;
        QList<ExprPtr> *current = &ifExprs;
        SourceRange endifRange;
        for (;;) {
            const Part &next = peek();
            if (next.kind == PartKind::End) {
                report(diags,
                    diag(QStringLiteral("Unexpected end of template"),
                        QStringLiteral(
                            "The if directive at %1 is missing its corresponding endif directive.")
                            .arg(rangeString(openIf.range)),
                        next.range));
                return errorPlaceholder(next.range);
            }
            if (isEndCtrl(next.kind)) {
                read();
                if (next.kind == PartKind::Else && current == &ifExprs) {
                    current = &elseExprs;
                    continue;
                }
                if (next.kind == PartKind::EndIf) {
                    endifRange = next.range;
                    break;
                }
                if (next.kind == PartKind::Else)
                    report(diags,
                        diag(QStringLiteral("Unexpected else directive"),
                            QStringLiteral("Already in the else clause for the if started at %1.")
                                .arg(rangeString(openIf.range)),
                            next.range));
                else
                    report(diags,
                        diag(QStringLiteral("Unexpected %1 directive").arg(endCtrlName(next.kind)),
                            QStringLiteral("Expecting an endif directive for the if started at %1.")
                                .arg(rangeString(openIf.range)),
                            next.range));
                return errorPlaceholder(next.range);
            }
            current->append(parseExpr(diags));
        }

        if (ifExprs.isEmpty())
            ifExprs.append(
                stringLiteral(QString(), emptyAt(openIf.range.end, openIf.range.filename)));
        if (elseExprs.isEmpty())
            elseExprs.append(
                stringLiteral(QString(), emptyAt(endifRange.start, endifRange.filename)));

        auto cond = std::make_shared<ConditionalExpr>();
        cond->condition = openIf.expr;
        cond->trueResult = templateOf(ifExprs);
        cond->falseResult = templateOf(elseExprs);
        cond->range = SourceRange::between(openIf.range, endifRange);
        cond->startRange = openIf.expr ? openIf.expr->startRange : openIf.range;
        return cond;
    }

    ExprPtr parseFor(Diagnostics &diags)
    {
        const Part &openFor = read();
        QList<ExprPtr> content;
        SourceRange endforRange;
        for (;;) {
            const Part &next = peek();
            if (next.kind == PartKind::End) {
                report(diags,
                    diag(QStringLiteral("Unexpected end of template"),
                        QStringLiteral("The for directive at %1 is missing its corresponding "
                                       "endfor directive.")
                            .arg(rangeString(openFor.range)),
                        next.range));
                return errorPlaceholder(next.range);
            }
            if (isEndCtrl(next.kind)) {
                read();
                if (next.kind == PartKind::EndFor) {
                    endforRange = next.range;
                    break;
                }
                if (next.kind == PartKind::Else)
                    report(diags,
                        diag(QStringLiteral("Unexpected else directive"),
                            QStringLiteral("An else clause is not expected for a for directive."),
                            next.range));
                else
                    report(diags,
                        diag(QStringLiteral("Unexpected %1 directive").arg(endCtrlName(next.kind)),
                            QStringLiteral("Expecting an endfor directive corresponding to the for "
                                           "directive at %1.")
                                .arg(rangeString(openFor.range)),
                            next.range));
                return errorPlaceholder(next.range);
            }
            content.append(parseExpr(diags));
        }
        if (content.isEmpty())
            content.append(
                stringLiteral(QString(), emptyAt(openFor.range.end, openFor.range.filename)));

        auto forExpr = std::make_shared<ForExpr>();
        forExpr->keyVar = openFor.keyVar;
        forExpr->valVar = openFor.valVar;
        forExpr->keyVarRange = openFor.keyVarRange;
        forExpr->valVarRange = openFor.valVarRange;
        forExpr->collection = openFor.expr;
        forExpr->valExpr = templateOf(content);
        forExpr->range = SourceRange::between(openFor.range, endforRange);
        forExpr->startRange = openFor.range;
        forExpr->openRange = openFor.range;
        forExpr->closeRange = endforRange;

        auto join = std::make_shared<TemplateJoinExpr>();
        join->range = forExpr->range;
        join->startRange = forExpr->startRange;
        join->tuple = forExpr;
        return join;
    }

    // One unbalanced directive makes every later one look wrong too; report
    // only the first (hcl reports them all).
    void report(Diagnostics &diags, Diagnostic d)
    {
        if (!m_quiet)
            diags += std::move(d);
        m_quiet = true;
    }

    const std::vector<Part> &m_parts;
    size_t m_pos = 0;
    bool m_quiet = false;
};

} // namespace

QList<ExprPtr> buildTemplateTree(const std::vector<Part> &parts, bool quiet, Diagnostics &diags)
{
    TemplateTreeBuilder builder(parts, quiet);
    return builder.parseRoot(diags);
}

} // namespace kiln::hcl::detail

// templatefile, as Packer's hcl2template/function/templatefile.go: the file is
// parsed as a bare template and evaluated with only the given vars and with every
// function except templatefile itself.

#include "engine/hcl/Lexer.h"
#include "engine/hcl/Parser.h"
#include "engine/hcl/eval/EvalContext.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/functions/FileReading.h"
#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

namespace kiln::hcl::functions {

namespace {

    // hcl.Range.String()
    QString rangeText(const SourceRange &r)
    {
        if (r.start.line == r.end.line)
            return QStringLiteral("%1:%2,%3-%4").arg(r.filename).arg(r.start.line).arg(r.start.column).arg(r.end.column);
        return QStringLiteral("%1:%2,%3-%4,%5").arg(r.filename).arg(r.start.line).arg(r.start.column).arg(r.end.line).arg(r.end.column);
    }

    // hcl.Diagnostics.Error(), which is how a template's own errors reach the
    // templatefile call's message.
    QString diagnosticsText(const Diagnostics &diags)
    {
        Diagnostics errors;
        for (const Diagnostic &d : diags)
            errors.append(d);
        auto one = [](const Diagnostic &d) {
            return QStringLiteral("%1: %2; %3").arg(d.subject ? rangeText(*d.subject) : QStringLiteral("<nil>"), d.summary, d.detail);
        };
        if (errors.isEmpty())
            return QStringLiteral("no diagnostics");
        if (errors.size() == 1)
            return one(errors.first());
        return QStringLiteral("%1, and %2 other diagnostic(s)").arg(one(errors.first())).arg(errors.size() - 1);
    }

    struct Renderer
    {
        QString baseDir;
        std::shared_ptr<const FunctionTable> functions;

        std::optional<ExprPtr> load(const QString &fn, FunctionError &err) const
        {
            QString why;
            std::optional<QByteArray> src = readFileBytes(baseDir, fn, &why);
            if (!src) {
                err = {-1, why};
                return std::nullopt;
            }
            Diagnostics diags;
            ExprPtr expr = parseTemplate(*src, fn, diags);
            if (diags.hasErrors()) {
                err = {-1, diagnosticsText(diags)};
                return std::nullopt;
            }
            return expr;
        }

        std::optional<Value> render(const ExprPtr &expr, const Value &vars, FunctionError &err) const
        {
            if (!vars.type().isMapLike()) {
                err = {1, QStringLiteral("invalid vars value: must be a map")};
                return std::nullopt;
            }
            EvalContext ctx;
            const QMap<QString, Value> attrs = vars.attributes();
            for (auto it = attrs.constBegin(); it != attrs.constEnd(); ++it) {
                if (!isValidIdentifier(it.key().toUtf8())) {
                    err = {1, QStringLiteral("invalid template variable name %1: must start with a letter, followed by zero or more letters, digits, and underscores").arg(goQuote(it.key()))};
                    return std::nullopt;
                }
                ctx.variables.insert(it.key(), it.value());
            }
            for (const Traversal &t : referencedVariables(expr)) {
                if (!ctx.variables.contains(t.rootName())) {
                    err = {1, QStringLiteral("vars map does not contain key %1, referenced at %2").arg(goQuote(t.rootName()), rangeText(t.steps.first().range))};
                    return std::nullopt;
                }
            }
            ctx.functions = functions;
            Diagnostics diags;
            const Value v = evaluate(expr, &ctx, diags);
            if (diags.hasErrors()) {
                err = {-1, diagnosticsText(diags)};
                return std::nullopt;
            }
            return v;
        }
    };

} // namespace

void addTemplateFileFunction(FunctionTable &table, const QString &baseDir)
{
    const QList<FunctionParam> params {param(QStringLiteral("path"), Type::string()), param(QStringLiteral("vars"), Type::dynamic())};

    // Inside a template, templatefile exists but refuses to run.
    FunctionTable inner = table;
    inner.remove(QStringLiteral("templatefile"));
    add(inner, typedFunction(QStringLiteral("templatefile"), QString(), params,
                             [](const QList<Value> &, FunctionError &err) -> std::optional<Type> {
                                 return failType(err, -1, QStringLiteral("cannot recursively call templatefile from inside templatefile call"));
                             },
                             [](const QList<Value> &, const Type &, FunctionError &) { return Value::dynamicUnknown(); }));
    auto renderer = std::make_shared<Renderer>(Renderer {baseDir, std::make_shared<const FunctionTable>(std::move(inner))});

    add(table, typedFunction(
                   QStringLiteral("templatefile"),
                   QStringLiteral("Reads the file at the given path and renders it as a template using the supplied variables."), params,
                   [renderer](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
                       if (!a[0].isKnown() || !a[1].isKnown())
                           return Type::dynamic();
                       std::optional<ExprPtr> expr = renderer->load(a[0].asString(), err);
                       if (!expr)
                           return std::nullopt;
                       std::optional<Value> v = renderer->render(*expr, a[1], err);
                       if (!v)
                           return std::nullopt;
                       return v->type();
                   },
                   [renderer](const QList<Value> &a, const Type &, FunctionError &err) {
                       std::optional<ExprPtr> expr = renderer->load(a[0].asString(), err);
                       if (!expr)
                           return Value::dynamicUnknown();
                       std::optional<Value> v = renderer->render(*expr, a[1], err);
                       return v ? *v : Value::dynamicUnknown();
                   }));
}

} // namespace kiln::hcl::functions

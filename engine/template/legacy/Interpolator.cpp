#include "engine/template/legacy/Interpolator.h"

#include "engine/template/legacy/GoTemplateBuiltins.h"
#include "engine/template/legacy/GoTemplateExecutor.h"
#include "engine/template/legacy/PackerTemplateFunctions.h"

#include <QUuid>

namespace kiln::tmpl::legacy {

GoTemplateFunctions Interpolator::functions(const InterpolateContext &ctx)
{
    GoTemplateFunctions f = goTemplateBuiltins();
    const GoTemplateFunctions packer = packerTemplateFunctions(ctx);
    for (auto it = packer.begin(); it != packer.end(); ++it)
        f.insert(it.key(), it.value());
    return f;
}

namespace {

QSet<QString> names(const GoTemplateFunctions &f)
{
    QSet<QString> s;
    for (auto it = f.begin(); it != f.end(); ++it)
        s.insert(it.key());
    return s;
}

} // namespace

Interpolator::Result Interpolator::renderOnce(const QString &text, const InterpolateContext &ctx)
{
    Result r;
    // Fast path: no action at all renders to itself.
    if (!text.contains(QLatin1String("{{"))) {
        r.value = text;
        return r;
    }
    const GoTemplateFunctions funcs = functions(ctx);
    GoTemplateParser::Result parsed = GoTemplateParser::parse(text, names(funcs));
    if (parsed.error) {
        r.error = parsed.error;
        return r;
    }
    GoTemplateExecutor::Result exec = GoTemplateExecutor::execute(*parsed.root, text, ctx.data, funcs, ctx.dataStructName);
    r.value = exec.output;
    r.error = exec.error;
    if (r.error)
        r.value.clear();
    return r;
}

Interpolator::Result Interpolator::render(const QString &text, const InterpolateContext &ctx)
{
    QString v = text;
    for (;;) {
        Result r = renderOnce(v, ctx);
        if (!r.ok() || r.value == v)
            return r;
        v = r.value;
    }
}

std::optional<GoTemplateError> Interpolator::validate(const QString &text, const InterpolateContext &)
{
    // Parsing needs the functions' names only, which no context changes; making the
    // functions (closures over the context) for each check was 3% of a small validate.
    static const QSet<QString> known = names(functions(InterpolateContext()));
    return GoTemplateParser::parse(text, known).error;
}

Interpolator::Result Interpolator::renderRegex(const QString &text, const InterpolateContext &ctx,
                                               const QRegularExpression &exclude)
{
    // Excluded spans are swapped for unique placeholders while rendering.
    QString v = text;
    QList<std::pair<QString, QString>> excluded;
    auto it = exclude.globalMatch(text);
    while (it.hasNext()) {
        const QString match = it.next().captured(0);
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        excluded.append({id, match});
        v.replace(match, id);
    }
    Result r = renderOnce(v, ctx);
    if (!r.ok())
        return r;
    for (const auto &[id, match] : excluded)
        r.value.replace(id, match);
    return r;
}

} // namespace kiln::tmpl::legacy

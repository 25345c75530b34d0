#include "engine/template/TemplateInspector.h"

#include "engine/hcl/Parser.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/template/PrintableValue.h"

namespace kiln::tmpl {

QString TemplateInspector::variablesText(const Template &tpl)
{
    QString out = QStringLiteral("> input-variables:\n\n");
    for (const Variable &v : tpl.inputVariables)
        out += QStringLiteral("var.%1: %2\n").arg(v.name, goQuote(printableValue(v.rawValue())));
    out += QStringLiteral("\n> local-variables:\n\n");
    for (const Variable &v : tpl.localVariables)
        out += QStringLiteral("local.%1: %2\n").arg(v.name, goQuote(printableValue(v.rawValue())));
    return out;
}

QString TemplateInspector::buildsText(const Template &tpl)
{
    QString out = QStringLiteral("> builds:\n");
    for (qsizetype i = 0; i < tpl.builds.size(); ++i) {
        const BuildBlock &build = tpl.builds[i];
        const QString name = build.name.isEmpty() ? QStringLiteral("<unnamed build %1>").arg(i) : build.name;
        out += QStringLiteral("\n  > %1:\n").arg(name);
        if (!build.description.isEmpty())
            out += QStringLiteral("\n  > Description: %1\n").arg(build.description);
        out += QStringLiteral("\n    sources:\n");
        if (build.sources.isEmpty())
            out += QStringLiteral("\n      <no source>\n");
        for (const SourceUseBlock &s : build.sources)
            out += QStringLiteral("\n      %1\n").arg(s.toString());
        out += QStringLiteral("\n    provisioners:\n\n");
        if (build.provisioners.isEmpty())
            out += QStringLiteral("      <no provisioner>\n");
        for (const ProvisionerBlock &p : build.provisioners)
            out += QStringLiteral("      %1\n").arg(p.name.isEmpty() ? p.type : p.type + QLatin1Char('.') + p.name);
        out += QStringLiteral("\n    post-processors:\n");
        if (build.postProcessorLists.isEmpty())
            out += QStringLiteral("\n      <no post-processor>\n");
        for (qsizetype j = 0; j < build.postProcessorLists.size(); ++j) {
            out += QStringLiteral("\n      %1:\n").arg(j);
            for (const PostProcessorBlock &pp : build.postProcessorLists[j])
                out += QStringLiteral("        %1\n").arg(pp.name.isEmpty() ? pp.type : pp.type + QLatin1Char('.') + pp.name);
        }
    }
    return out;
}

QString TemplateInspector::consoleHelp()
{
    return QStringLiteral(
        "Packer console HCL2 Mode.\n"
        "The Packer console allows you to experiment with Packer interpolations.\n"
        "You may access variables and functions in the Packer config you called the\n"
        "console with.\n"
        "\n"
        "Type in the interpolation to test and hit <enter> to see the result.\n"
        "\n"
        "\"upper(var.foo.id)\" would evaluate to the ID of \"foo\" and uppercase is, if it\n"
        "exists in your config file.\n"
        "\n"
        "\"variables\" will dump all available variables and their values.\n"
        "\n"
        "To exit the console, type \"exit\" and hit <enter>, or use Control-C.\n"
        "\n"
        "/!\\ It is not possible to use go templating interpolation like \"{{timestamp}}\"\n"
        "with in HCL2 mode.");
}

TemplateInspector::ConsoleResult TemplateInspector::evaluate(const Template &tpl, const QString &line)
{
    ConsoleResult r;
    if (line.isEmpty())
        return r;
    if (line == QLatin1String("exit")) {
        r.exit = true;
        return r;
    }
    if (line == QLatin1String("help")) {
        r.output = consoleHelp();
        return r;
    }
    if (line == QLatin1String("variables")) {
        r.output = variablesText(tpl);
        return r;
    }
    hcl::ExprPtr expr = hcl::parseExpression(line.toUtf8(), QStringLiteral("<console-input>"), r.diagnostics);
    if (r.diagnostics.hasErrors() || !expr)
        return r;
    const hcl::EvalContext ctx = tpl.evalContext(BlockContext::Nil);
    hcl::Diagnostics valueDiags;
    hcl::Value v = hcl::evaluate(expr, &ctx, valueDiags);
    r.diagnostics += valueDiags;
    if (valueDiags.hasErrors())
        return r;
    r.output = printableValue(v);
    return r;
}

} // namespace kiln::tmpl

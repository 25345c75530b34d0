#pragma once

#include "engine/hcl/Diagnostic.h"
#include "engine/template/Template.h"

#include <QString>

namespace kiln::tmpl {

// The text views Packer gives of an HCL2 template: `inspect` and `console`.
class TemplateInspector
{
public:
    // "> input-variables:\n\nvar.x: \"v\"\n...\n> local-variables:\n\n..." (printVariables).
    static QString variablesText(const Template &tpl);
    // "> builds:\n\n  > name:\n..." (printBuilds).
    static QString buildsText(const Template &tpl);

    struct ConsoleResult
    {
        QString output;
        bool exit = false;
        hcl::Diagnostics diagnostics;
    };
    // One console line (EvaluateExpression): "" nothing, "exit", "help",
    // "variables", or an expression evaluated with var, local, data, path, packer.
    static ConsoleResult evaluate(const Template &tpl, const QString &line);

    static QString consoleHelp();
};

} // namespace kiln::tmpl

#include "engine/hcl/Parser.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/value/Convert.h"
#include "engine/template/LoaderInternal.h"
#include "engine/template/TemplateFileParser.h"
#include "engine/template/TemplateFunctions.h"
#include "engine/template/TypeConstraintDecoder.h"

namespace kiln::tmpl::detail {

using hcl::Diagnostic;
using hcl::Diagnostics;
using hcl::Type;
using hcl::Value;

namespace {

// Packer's expressionFromVariableDefinition: for string, number and untyped
// variables the text is taken literally; otherwise it is parsed as an expression.
hcl::ExprPtr expressionFromText(const QString &filename, const QString &text, const Type &type, Diagnostics &diags)
{
    const Type::Kind k = type.kind();
    if (k == Type::Kind::String || k == Type::Kind::Number || k == Type::Kind::Dynamic) {
        auto lit = std::make_shared<hcl::LiteralExpr>();
        lit->value = Value::string(text);
        lit->range.filename = filename;
        lit->startRange = lit->range;
        return lit;
    }
    return hcl::parseExpression(text.toUtf8(), filename, diags);
}

bool convertible(const Variable &var, const Value &val, Value *out, QString *error)
{
    std::optional<Value> converted = hcl::convert(applyTypeDefaults(var, val), var.type, error);
    if (!converted)
        return false;
    *out = *converted;
    return true;
}

void assignFromText(Template &tpl, const QString &name, const QString &text, bool fromCommandLine, Diagnostics &diags)
{
    Variable &variable = tpl.inputVariables[name];
    const QString fakeFilename = fromCommandLine ? QStringLiteral("<value for var.%1 from arguments>").arg(name)
                                                 : QStringLiteral("<value for var.%1 from env>").arg(name);
    Diagnostics exprDiags;
    hcl::ExprPtr expr = expressionFromText(fakeFilename, text, variable.type, exprDiags);
    diags += exprDiags;
    if (exprDiags.hasErrors() || !expr)
        return;
    Value val = hcl::evaluate(expr, nullptr, diags);
    QString error;
    Value converted;
    if (!convertible(variable, val, &converted, &error)) {
        if (fromCommandLine)
            diags += Diagnostic::error(QStringLiteral("Invalid argument value for -var variable"),
                                       QStringLiteral("The received arg value for %1 is not compatible with the "
                                                      "variable's type constraint: %2.")
                                           .arg(name, error));
        else
            diags += Diagnostic::error(QStringLiteral("Invalid value for variable"),
                                       QStringLiteral("The value for %1 is not compatible with the variable's type "
                                                      "constraint: %2.")
                                           .arg(name, error),
                                       expr->range);
        converted = Value::dynamicUnknown();
    }
    variable.values.append({fromCommandLine ? QStringLiteral("cmd") : QStringLiteral("env"), converted, expr});
}

// One .pkrvars file: attributes only; a `variable` block is a common mistake
// that gets its own explanation.
bool assignFromFile(Template &tpl, const hcl::File &file, Diagnostics &diags)
{
    hcl::BodySchema probe;
    probe.blocks = {{QStringLiteral("variable"), {QStringLiteral("name")}}};
    hcl::BodyPtr remain;
    Diagnostics ignored;
    hcl::BodyContent content = file.body->partialContent(probe, &remain, ignored);
    for (const hcl::ContentBlock &block : content.blocks) {
        const QString name = block.labels.value(0);
        diags += Diagnostic::error(
            QStringLiteral("Variable declaration in a .pkrvar file"),
            QStringLiteral("A .pkrvar file is used to assign values to variables that have already been declared in "
                           ".pkr files, not to declare new variables. To declare variable \"%1\", place this block in "
                           "one of your .pkr files, such as variables.pkr.hcl\n\nTo set a value for this variable in "
                           "%2, use the definition syntax instead:\n    %1 = <value>")
                .arg(name, block.typeRange.filename),
            block.typeRange);
    }
    if (diags.hasErrors())
        return false;

    for (const hcl::ContentAttribute &attr : file.body->justAttributes(diags)) {
        auto it = tpl.inputVariables.find(attr.name);
        if (it == tpl.inputVariables.end()) {
            if (!tpl.warnOnUndeclaredVar)
                continue;
            Diagnostic d = Diagnostic::warning(
                QStringLiteral("Undefined variable"),
                QStringLiteral("The variable \"%1\" was set but was not declared as an input variable.\nTo declare "
                               "variable \"%1\" place this block in one of your .pkr.hcl files, such as "
                               "variables.pkr.hcl\n\nvariable \"%1\" {\n  type    = string\n  default = null\n}")
                    .arg(attr.name));
            d.context = attr.range;
            diags += d;
            continue;
        }
        Value val = hcl::evaluate(attr.expr, nullptr, diags);
        QString error;
        Value converted;
        if (!convertible(*it, val, &converted, &error)) {
            diags += Diagnostic::error(QStringLiteral("Invalid value for variable"),
                                       QStringLiteral("The value for %1 is not compatible with the variable's type "
                                                      "constraint: %2.")
                                           .arg(attr.name, error),
                                       attr.expr->range);
            converted = Value::dynamicUnknown();
        }
        it->values.append({QStringLiteral("varfile"), converted, attr.expr});
    }
    return true;
}

} // namespace

Diagnostics collectVariableValues(Template &tpl, const QStringList &environment, const QList<hcl::File> &autoVarFiles,
                                  const QList<VarSetting> &settings)
{
    Diagnostics diags;
    const QString prefix = QStringLiteral("PKR_VAR_");
    for (const QString &raw : environment) {
        if (!raw.startsWith(prefix))
            continue;
        const QString rest = raw.mid(prefix.size());
        const qsizetype eq = rest.indexOf(QLatin1Char('='));
        if (eq < 0)
            continue;
        const QString name = rest.left(eq);
        if (!tpl.inputVariables.contains(name))
            continue;
        assignFromText(tpl, name, rest.mid(eq + 1), false, diags);
    }

    for (const hcl::File &file : autoVarFiles)
        if (!assignFromFile(tpl, file, diags))
            return diags;

    // -var and -var-file, in command-line order.
    for (const VarSetting &setting : settings) {
        if (setting.kind == VarSetting::Kind::File) {
            if (!setting.value.endsWith(QLatin1String(".hcl")) && !setting.value.endsWith(QLatin1String(".json"))) {
                diags += Diagnostic::error(QStringLiteral("Could not guess format of ") + setting.value,
                                           QStringLiteral("A var file must be suffixed with `.hcl` or `.json`."));
                continue;
            }
            Diagnostics fileDiags;
            hcl::File file = TemplateFileParser::parseFile(setting.value, fileDiags);
            diags += fileDiags;
            tpl.files.append(file);
            if (fileDiags.hasErrors())
                continue;
            if (!assignFromFile(tpl, file, diags))
                return diags;
            continue;
        }
        if (!tpl.inputVariables.contains(setting.name)) {
            diags += Diagnostic::error(
                QStringLiteral("Undefined -var variable"),
                QStringLiteral("A \"%1\" variable was passed in the command line but was not found in known "
                               "variables. To declare variable \"%1\", place this block in one of your .pkr files, "
                               "such as variables.pkr.hcl")
                    .arg(setting.name));
            continue;
        }
        assignFromText(tpl, setting.name, setting.value, true, diags);
    }
    return diags;
}

Diagnostics validateVariableValues(const Template &tpl)
{
    Diagnostics diags;
    for (const Variable &v : tpl.inputVariables) {
        if (v.values.isEmpty()) {
            Diagnostic d = Diagnostic::error(QStringLiteral("Unset variable \"%1\"").arg(v.name),
                                             QStringLiteral("A used variable must be set or have a default value; see "
                                                            "https://packer.io/docs/templates/hcl_templates/syntax for "
                                                            "details."));
            d.context = v.range;
            diags += d;
            continue;
        }
        if (v.validations.isEmpty())
            continue;
        const VariableAssignment &assigned = v.values.last();
        hcl::EvalContext ectx;
        ectx.functions = templateFunctions(QString());
        ectx.variables.insert(QStringLiteral("var"), Value::object({{v.name, assigned.value}}));
        for (const VariableValidation &rule : v.validations) {
            if (!rule.condition)
                continue;
            Diagnostics condDiags;
            Value result = hcl::evaluate(rule.condition, &ectx, condDiags);
            diags += condDiags;
            if (!result.isKnown())
                continue;
            const QString invalid = QStringLiteral("Invalid variable validation result");
            if (result.isNull()) {
                diags += Diagnostic::error(
                    invalid, QStringLiteral("Validation condition expression must return either true or false, not null."),
                    rule.condition->range);
                continue;
            }
            QString error;
            std::optional<Value> b = hcl::convert(result.unmarkedDeep(), Type::boolean(), &error);
            if (!b) {
                diags += Diagnostic::error(invalid, QStringLiteral("Invalid validation condition result value: %1.").arg(error),
                                           rule.condition->range);
                continue;
            }
            if (b->isKnown() && !b->isNull() && !b->asBool()) {
                const hcl::SourceRange &r = rule.declRange;
                const QString where = QStringLiteral("%1:%2,%3-%4")
                                          .arg(r.filename)
                                          .arg(r.start.line)
                                          .arg(r.start.column)
                                          .arg(r.end.line == r.start.line ? QString::number(r.end.column)
                                                                          : QStringLiteral("%1,%2").arg(r.end.line).arg(r.end.column));
                diags += Diagnostic::error(QStringLiteral("Invalid value for %1 variable").arg(assigned.from),
                                           QStringLiteral("%1\n\nThis was checked by the validation rule at %2.")
                                               .arg(rule.errorMessage, where),
                                           assigned.expr ? assigned.expr->range : rule.declRange);
            }
        }
    }
    return diags;
}

} // namespace kiln::tmpl::detail

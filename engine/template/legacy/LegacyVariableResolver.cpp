#include "engine/template/legacy/LegacyVariableResolver.h"

#include "engine/template/legacy/Interpolator.h"

#include <QRegularExpression>

#include <algorithm>

namespace kiln::tmpl::legacy {

using hcl::Diagnostic;

namespace {

const SourceRange *rangeOf(const LegacyTemplate &t, const QString &name)
{
    const LegacyVariable *v = t.variable(name);
    return v ? &v->valueRange : nullptr;
}

Diagnostic errorAt(const LegacyTemplate &t, const QString &name, const QString &message)
{
    const SourceRange *r = rangeOf(t, name);
    return Diagnostic::error(message, {}, r ? std::optional<SourceRange>(*r) : std::nullopt);
}

} // namespace

LegacyVariableResolver::Result LegacyVariableResolver::resolve(const LegacyTemplate &t, const QMap<QString, QString> &given,
                                                               InterpolateContext ctx)
{
    Result result;
    // core.validate: required variables first.
    for (const LegacyVariable &v : t.variables)
        if (v.required && !given.contains(v.name))
            result.diagnostics += Diagnostic::error(QStringLiteral("required variable not set: %1").arg(v.name), {}, v.valueRange);
    if (result.diagnostics.hasErrors())
        return result;

    // core.renderVarsRecursively.
    QMap<QString, QString> variables = given;
    ctx.enableEnv = true;
    ctx.userVariables = QMap<QString, QString>();
    QMap<QString, QString> repeat;
    QStringList keys;
    for (const LegacyVariable &v : t.variables) {
        repeat[v.name] = v.defaultValue;
        keys << v.name;
    }
    for (auto it = given.begin(); it != given.end(); ++it) {
        repeat[it.key()] = it.value();
        keys << it.key();
    }
    std::sort(keys.begin(), keys.end());
    QList<std::pair<QString, QString>> sorted;
    for (const QString &k : keys)
        sorted.append({k, repeat[k]});

    static const QRegularExpression buildTimeAction(QStringLiteral("{{(\\s|)\\.(.*?)(\\s|)}}"));
    static const QRegularExpression userCall(QStringLiteral("{{\\s*user\\s*`.*`\\s*}}"));
    bool shouldRetry = true;
    bool changed = false;
    QString failed;
    QString failedKey;
    // Passes are deterministic, so once one leaves the state as it found it
    // the remaining ones (Packer makes up to 100) cannot change anything.
    QMap<QString, QString> previous;
    qsizetype previousRemaining = -1;
    for (int pass = 0; pass < 100; ++pass) {
        shouldRetry = false;
        changed = false;
        QStringList done;
        for (const auto &[key, value] : sorted) {
            Interpolator::Result r = Interpolator::renderRegex(value, ctx, buildTimeAction);
            if (r.ok()) {
                changed = true;
                variables[key] = r.value;
                ctx.userVariables = variables;
                if (userCall.match(value).hasMatch())
                    shouldRetry = true;
                else
                    done << key;
                continue;
            }
            const QString message = r.error->message;
            const bool isExec = message.contains(QLatin1String(": executing \""));
            if (isExec && message.contains(QLatin1String("Error: variable not set:"))) {
                shouldRetry = true;
                failed = QStringLiteral("\"%1\": \"%2\"; error: %3").arg(key, value, message);
                failedKey = key;
            } else if (isExec) {
                result.diagnostics += errorAt(t, key, message);
                return result;
            } else {
                result.diagnostics += errorAt(t, key, QStringLiteral("error interpolating default value for '%1': %2").arg(key, message));
                return result;
            }
        }
        if (!shouldRetry)
            break;
        for (const QString &k : done)
            for (qsizetype i = 0; i < sorted.size(); ++i)
                if (sorted[i].first == k) {
                    sorted.removeAt(i);
                    break;
                }
        if (variables == previous && sorted.size() == previousRemaining)
            break;
        previous = variables;
        previousRemaining = sorted.size();
    }
    if (!changed && shouldRetry) {
        result.diagnostics += errorAt(t, failedKey,
                                      QStringLiteral("Failed to interpolate %1: Please make sure that the variable you're referencing has been "
                                                     "defined; Packer treats all variables used to interpolate other user variables as required.")
                                          .arg(failed));
        return result;
    }
    result.values = variables;
    for (const QString &s : t.sensitiveVariables)
        if (t.variable(s))
            result.secrets << variables.value(s);
    return result;
}

} // namespace kiln::tmpl::legacy

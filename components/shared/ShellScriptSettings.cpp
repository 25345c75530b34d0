#include "components/shared/ShellScriptSettings.h"

#include "components/shared/LocalFileSettings.h"

namespace kiln::components {

QStringList ShellScriptSettings::badScripts(const QStringList &paths)
{
    QStringList errors;
    for (const QString &path : paths) {
        const QString error = LocalFileSettings::statError(path);
        if (!error.isEmpty())
            errors << QStringLiteral("Bad script '%1': %2").arg(path, error);
    }
    return errors;
}

QStringList ShellScriptSettings::environmentVarErrors(const QStringList &keyValues)
{
    QStringList errors;
    for (const QString &kv : keyValues) {
        if (kv.indexOf(QLatin1Char('=')) <= 0)
            errors << QStringLiteral("Environment variable not in format 'key=value': %1").arg(kv);
    }
    return errors;
}

} // namespace kiln::components

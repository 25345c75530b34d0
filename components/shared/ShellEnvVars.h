#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace kiln::components {

// The environment a shell-type provisioner hands its script, as Packer's shell and
// shell-local build it: PACKER_BUILD_NAME and PACKER_BUILDER_TYPE always, PACKER_HTTP_ADDR/
// _IP/_PORT when the builder serves HTTP, then `environment_vars` ("K=V", split at the first
// "="), then `env` (which wins). Values have every ' replaced by '"'"' so that the default
// format `%s='%s' ` yields one shell word per value; keys come out sorted.
class ShellEnvVars
{
public:
    ShellEnvVars(
        const QString &buildName, const QString &builderType, const QVariantMap &generatedData);

    void addVars(const QStringList &keyValues);
    void addEnv(const QMap<QString, QString> &env);

    // The escaped values by name (sorted, as Go's sort.Strings over the keys).
    const QMap<QString, QString> &escaped() const { return m_vars; }
    // Every pair through Go's fmt.Sprintf(format, key, value), concatenated: Packer's
    // {{ .Vars }} and the env var file's content.
    QString flatten(const QString &format) const;

    // ' -> '"'"' (close the quote, a double-quoted quote, reopen).
    static QString escapeSingleQuotes(const QString &value);
    // Go's fmt.Sprintf for a format with string operands: %s %v %q %%, Go's %!v(MISSING) and
    // %!(EXTRA ...) notes for a format that does not take exactly the operands given.
    static QString goSprintf(const QString &format, const QStringList &args);

private:
    QMap<QString, QString> m_vars;
};

} // namespace kiln::components

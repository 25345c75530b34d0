#pragma once

#include "engine/build/BuildUi.h"
#include "engine/build/Builder.h"
#include "engine/build/CancelToken.h"
#include "engine/build/ComponentConfig.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <optional>

namespace kiln::components {

// What the shell-local provisioner and post-processor share (packer-plugin-sdk's
// shell-local Config, Validate and Run): commands and scripts run on the host, through a
// LocalCommunicator, with execute_command as an argument vector.
class ShellLocalRunner
{
public:
    enum class Kind { Provisioner, PostProcessor };

    explicit ShellLocalRunner(Kind kind)
        : m_kind(kind)
    { }

    // Decode and Validate, with Packer's messages (a bad only_on replaces every other error).
    build::PrepareResult prepare(const build::ComponentConfig &config);
    // Run. `generatedData` is what `{{ .Name }}` sees (the build's, or the artifact's
    // "generated_data" for the post-processor). Returns an error message, empty on success.
    QString run(const build::BuildUi &ui, const build::CancelTokenPtr &cancel,
        const QVariantMap &generatedData) const;

private:
    QString render(const QString &text, const QVariantMap &data, QString *error) const;
    QString writeInlineScript(const QVariantMap &data, QString *path) const;

    Kind m_kind;
    build::ComponentConfig m_config;
    std::optional<QStringList> m_inline;
    QStringList m_scripts;
    QStringList m_executeCommand;
    QString m_inlineShebang;
    QStringList m_onlyOn;
    QString m_tempfileExtension;
    QStringList m_vars;
    QMap<QString, QString> m_env;
    QString m_envVarFormat;
    QList<int> m_validExitCodes;
};

} // namespace kiln::components

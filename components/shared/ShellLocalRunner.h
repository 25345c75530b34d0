#pragma once

#include "components/shared/ShellLocalSettings.h"
#include "engine/build/BuildUi.h"
#include "engine/build/CancelToken.h"

#include <QString>
#include <QVariantMap>

namespace kiln::components {

// What the shell-local provisioner and post-processor share when they run (packer-plugin-sdk's
// shell-local Run): commands and scripts run on the host, through a LocalCommunicator, with
// execute_command as an argument vector. Reads the settings the component has read.
class ShellLocalRunner
{
public:
    explicit ShellLocalRunner(const ShellLocalSettings &settings)
        : m_settings(settings)
    { }

    // Run. `generatedData` is what `{{ .Name }}` sees (the build's, or the artifact's
    // "generated_data" for the post-processor). Returns an error message, empty on success.
    QString run(const build::BuildUi &ui, const build::CancelTokenPtr &cancel,
        const QVariantMap &generatedData) const;

private:
    QString render(const QString &text, const QVariantMap &data, QString *error) const;
    QString writeInlineScript(const QVariantMap &data, QString *path) const;

    const ShellLocalSettings &m_settings;
};

} // namespace kiln::components

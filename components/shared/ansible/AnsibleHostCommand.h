#pragma once

#include "engine/build/BuildUi.h"
#include "engine/build/CancelToken.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// Runs ansible-playbook or ansible-galaxy on the host as packer-plugin-ansible does: the
// program with its arguments (no shell), Kiln's environment plus `env` ("NAME=value", later
// entries win), and every line of stdout and stderr said through the build's Ui (Packer's
// `ui.Say(line)` for both streams). Runs in its own process group so cancel stops Ansible and
// the ssh processes it started.
class AnsibleHostCommand
{
public:
    // Empty on success; Packer's "Non-zero exit status: exit status N" (Go's exec error text)
    // for a failure, the start error ("exec: \"x\": executable file not found in $PATH"), or
    // "cancelled".
    static QString run(const QString &program, const QStringList &args, const QStringList &env,
        const build::BuildUi &ui, const build::CancelTokenPtr &cancel);
};

} // namespace kiln::components

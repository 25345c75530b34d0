#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace kiln::components {

// The ansible-playbook command line of the ansible provisioner (Packer's createCmdArgs) and
// the copy of it that is shown (executeAnsible's sanitised "Executing Ansible: ...").
class AnsibleArguments
{
public:
    struct Inputs
    {
        QString buildName; // packer_build_name, left out when empty (as Packer for HCL2)
        QString builderType;
        QVariantMap generatedData; // ConnType, PackerHTTPAddr, Password
        QStringList extraArguments;
        QStringList sshExtraArgs; // ansible_ssh_extra_args
        QStringList envVars;
        bool useProxy = true;
        QString privateKeyFile;
        QString inventory;
        QString playbook; // absolute
    };

    static QStringList build(const Inputs &in);
    // Packer's checkArg: some argument, split at "=", has a part equal to `name`.
    static bool hasArg(const QString &name, const QStringList &args);
    // The command line joined with spaces, with values of extra arguments whose name mentions
    // "password" or "secret", and the communicator's passwords, replaced by "*****".
    static QString sanitized(const QString &program, const QStringList &args,
        const QStringList &extraArguments, const QVariantMap &generatedData);
    // Go's %q of a string: double quotes, with \" \\ and control characters escaped.
    static QString goQuote(const QString &text);
};

} // namespace kiln::components

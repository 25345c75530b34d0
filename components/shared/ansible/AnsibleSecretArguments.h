#pragma once

#include <QStringList>

namespace kiln::components {

// The values of Ansible variables named like a password or a secret in extra_arguments
// ("-e", "db_password=x", or "-e db_password=x" as one argument), so both ansible
// provisioners can register them with the build's SecretFilter: Packer masks them only in its
// own "Executing Ansible" line and leaks them wherever Ansible or a shell echoes them
// (packer#11078). A value quoted for the guest's shell is returned quoted and unquoted.
class AnsibleSecretArguments
{
public:
    static QStringList values(const QStringList &extraArguments);
};

} // namespace kiln::components

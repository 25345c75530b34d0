#pragma once

#include <QString>

namespace kiln::components {

// The path checks both Ansible provisioners make in Prepare, with packer-plugin-ansible's
// messages (validateFileConfig, validateDirConfig, validateInventoryDirectoryConfig).
class AnsiblePathSettings
{
public:
    // "playbook_file: x is invalid: stat x: no such file or directory", "... must point to a
    // file"; with `required`, an empty path is "playbook_file must be specified.".
    static QString file(const QString &path, const QString &option, bool required);
    // "role_paths: x is invalid: ...", "role_paths: x must point to a directory".
    static QString directory(const QString &path, const QString &option);
    // True when `galaxyFile` has a line starting with `roles:` / `collections:`, which decides
    // what ansible-galaxy installs (v1 files are lists of roles).
    static bool galaxyHas(const QString &galaxyFile, const QString &keyword);
};

} // namespace kiln::components

#pragma once

#include "engine/template/legacy/InterpolateContext.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace kiln::components {

// The temporary inventory the ansible provisioner writes (Packer's createInventoryFile):
// one host line rendered from inventory_file_template (or Packer's default for the Ansible
// version), then `[group]` plus the host line for each group, then `[group]` for each empty
// group.
class AnsibleInventory
{
public:
    // Packer's DefaultSSHInventoryFilev2 / v1.
    static QString defaultTemplate(int ansibleMajorVersion);
    // The inventory text; `data` is what the template sees (generated data with HostAlias,
    // User, and Host/Port of the proxy when it is used). Empty with *error when the template
    // does not render ("Error generating inventory file from template: ...").
    static QString render(const QString &hostTemplate, const QVariantMap &data,
        const QStringList &groups, const QStringList &emptyGroups,
        const tmpl::legacy::InterpolateContext &interpolation, QString *error);
    // Writes `text` to a new file in `directory` (the system temp dir when empty), named as
    // Go's os.CreateTemp(dir, "packer-provisioner-ansible"). Returns the path or *error.
    static QString write(const QString &directory, const QString &text, QString *error);
};

} // namespace kiln::components

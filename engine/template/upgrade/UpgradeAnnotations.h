#pragma once

#include <QString>

namespace kiln::tmpl::upgrade {

// The explanatory comments `hcl2_upgrade -with-annotations` writes in front
// of each kind of block, word for word as Packer v1.9.5.
struct UpgradeAnnotations
{
    static QString file();
    static QString inputVariables();
    static QString locals();
    static QString packerBlock();
    static QString sources();
    static QString build();
    static QString amazonAmiData();
    static QString amazonSecretsManagerData();
};

} // namespace kiln::tmpl::upgrade

#pragma once

#include <QString>

namespace kiln::components {

// One entry of salt-masterless `formulas`: a git URL in go-getter's form with a `//subdir`
// naming the formula's state directory ("git::https://host/org/x-formula.git//x?ref=v1").
// Packer fetches it with go-getter into local_state_tree/<subdir>; Kiln runs the host's git.
// (SaltMasterlessProvisionerSettings::isValidFormulaUrl checks the form in Prepare.)
class SaltFormula
{
public:
    explicit SaltFormula(const QString &url);

    // The formula's directory name: the subdirectory after the "//".
    QString name() const { return m_name; }

    // Clones the repository into a temporary directory, checks out `ref` when given and
    // copies the subdirectory's contents into `destination` (which exists). Returns git's
    // error text on failure.
    QString fetch(const QString &destination) const;

private:
    QString m_url;
    QString m_repository;
    QString m_subdir;
    QString m_ref;
    QString m_name;
};

} // namespace kiln::components

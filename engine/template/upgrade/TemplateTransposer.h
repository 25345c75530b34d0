#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>

namespace kiln::tmpl::upgrade {

// One amazon-secretsmanager data source that aws_secretsmanager calls
// turned into.
struct SecretReference
{
    QString name;
    std::optional<QString> key;
};

// transposeTemplatingCalls and its variable flavour: run generated HCL text
// as a Go template whose functions print the HCL2 equivalent of each legacy
// call. The conversion has memory, as Packer's package globals: which
// secrets were met, which variables became locals, which time functions
// need a helper local.
class TemplateTransposer
{
public:
    QString transpose(const QString &block);
    // Returns the transposed text; isLocal tells whether the value uses a
    // template function other than env, which makes the variable a local.
    QString transposeVariable(const QString &block, bool *isLocal);

    // Names passed to `user` anywhere in the raw file, in call order; empty
    // when the file cannot run as a template with only `user` defined.
    static QStringList referencedUserVariables(const QString &raw);

    void markLocal(const QString &variable) { m_locals.insert(variable, true); }

    const std::map<QString, SecretReference> &secrets() const { return m_secrets; }
    bool usesTimestamp() const { return m_timestamp; }
    bool usesIsotime() const { return m_isotime; }
    bool usesStrftime() const { return m_strftime; }

private:
    QString secretReference(const QVariantList &args);

    std::map<QString, SecretReference> m_secrets; // by id, sorted as Go sorts strings
    QHash<QString, bool> m_locals;
    bool m_timestamp = false;
    bool m_isotime = false;
    bool m_strftime = false;
};

} // namespace kiln::tmpl::upgrade

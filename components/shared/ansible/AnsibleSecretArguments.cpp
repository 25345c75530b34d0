#include "components/shared/ansible/AnsibleSecretArguments.h"

namespace kiln::components {

QStringList AnsibleSecretArguments::values(const QStringList &extraArguments)
{
    QStringList secrets;
    for (const QString &arg : extraArguments) {
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString name = arg.left(eq).toLower();
        if (!name.contains(QLatin1String("password")) && !name.contains(QLatin1String("secret")))
            continue;
        const QString value = arg.mid(eq + 1);
        if (value.isEmpty())
            continue;
        secrets << value;
        // ansible-local joins its arguments into a shell command, so users quote them there:
        // the value Ansible sees (and may print) has the quotes removed.
        QString bare = value;
        while (!bare.isEmpty()
            && (bare.endsWith(QLatin1Char('"')) || bare.endsWith(QLatin1Char('\''))))
            bare.chop(1);
        if (!bare.isEmpty() && bare != value)
            secrets << bare;
    }
    return secrets;
}

} // namespace kiln::components

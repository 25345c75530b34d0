#include "components/shared/ansible/AnsiblePathSettings.h"

#include "components/shared/LocalFileSettings.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace kiln::components {

QString AnsiblePathSettings::file(const QString &path, const QString &option, bool required)
{
    if (required && path.isEmpty())
        return QStringLiteral("%1 must be specified.").arg(option);
    const QString statError = LocalFileSettings::statError(path.isEmpty() ? QString() : path);
    if (!statError.isEmpty() || path.isEmpty())
        return QStringLiteral("%1: %2 is invalid: %3")
            .arg(option, path,
                statError.isEmpty() ? QStringLiteral("stat : no such file or directory")
                                    : statError);
    if (QFileInfo(path).isDir())
        return QStringLiteral("%1: %2 must point to a file").arg(option, path);
    return {};
}

QString AnsiblePathSettings::directory(const QString &path, const QString &option)
{
    const QString statError = LocalFileSettings::statError(path);
    if (!statError.isEmpty())
        return QStringLiteral("%1: %2 is invalid: %3").arg(option, path, statError);
    if (!QFileInfo(path).isDir())
        return QStringLiteral("%1: %2 must point to a directory").arg(option, path);
    return {};
}

bool AnsiblePathSettings::galaxyHas(const QString &galaxyFile, const QString &keyword)
{
    QFile f(galaxyFile);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QString text = QString::fromUtf8(f.readAll());
    const QRegularExpression re(QStringLiteral("^%1:").arg(QRegularExpression::escape(keyword)),
        QRegularExpression::MultilineOption);
    return re.match(text).hasMatch();
}

} // namespace kiln::components

#include "components/shared/FileHashSettings.h"

#include <QMap>

namespace kiln::components {

const char *FileHashSettings::opensslName(const QString &algorithm)
{
    static const QMap<QString, const char *> names = {
        {QStringLiteral("md5"), "MD5"},
        {QStringLiteral("sha1"), "SHA1"},
        {QStringLiteral("sha224"), "SHA224"},
        {QStringLiteral("sha256"), "SHA256"},
        {QStringLiteral("sha384"), "SHA384"},
        {QStringLiteral("sha512"), "SHA512"},
    };
    return names.value(algorithm, nullptr);
}

bool FileHashSettings::isSupported(const QString &algorithm)
{
    return opensslName(algorithm) != nullptr;
}

QStringList FileHashSettings::supportedAlgorithms()
{
    return {QStringLiteral("md5"), QStringLiteral("sha1"), QStringLiteral("sha224"),
        QStringLiteral("sha256"), QStringLiteral("sha384"), QStringLiteral("sha512")};
}

} // namespace kiln::components

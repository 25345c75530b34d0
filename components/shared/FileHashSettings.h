#pragma once

#include <QString>
#include <QStringList>

namespace kiln::components {

// The algorithms FileHash computes, as the names settings check (Packer's checksum types),
// apart from FileHash itself so that checking a configuration does not need OpenSSL.
class FileHashSettings
{
public:
    // Packer's checksum types: md5, sha1, sha224, sha256, sha384, sha512.
    static bool isSupported(const QString &algorithm);
    static QStringList supportedAlgorithms();
    // OpenSSL's digest name for one of them (EVP_MD_fetch); null when unsupported.
    static const char *opensslName(const QString &algorithm);
};

} // namespace kiln::components

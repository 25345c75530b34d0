#pragma once

#include "engine/build/CancelToken.h"

#include <QString>

namespace kiln::components {

// An iso_checksum as Packer (go-getter) understands it: "none", "type:hex", a bare hex digest
// whose length tells the type, or "file:URL" naming a checksum file (GNU "HASH  name" or BSD
// "TYPE (name) = HASH" lines) that is read to find the digest of `fileName`.
struct IsoChecksum
{
    QString type; // md5, sha1, sha256, sha512; empty for none
    QString hex; // lowercase

    bool isNone() const { return type.isEmpty(); }
    // Resolves `checksum` for the download named `fileName`; *error says why not.
    static IsoChecksum resolve(const QString &checksum, const QString &fileName, const build::CancelTokenPtr &cancel,
                               QString *error);
    // Hashes the file; empty on a match, else go-getter's "Checksums did not match" text.
    QString verify(const QString &path, const build::CancelTokenPtr &cancel) const;
};

} // namespace kiln::components

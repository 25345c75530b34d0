#pragma once

#include "engine/build/BuildUi.h"
#include "engine/build/CancelToken.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// Packer's commonsteps.StepDownload for the qemu builder: tries each URL in turn; a local
// path or file:// URL is used in place after its checksum is verified; http(s) downloads go
// to the cache (PACKER_CACHE_DIR, else $XDG_CACHE_HOME/packer or ~/.cache/packer) under
// sha1(checksum) — or sha1(url) without one — plus the extension, are resumed from a
// ".part" file, and are not fetched again while the cached file still matches.
class IsoDownloader
{
public:
    struct Request
    {
        QString description = QStringLiteral("ISO");
        QStringList urls;
        QString checksum;
        QString targetPath; // iso_target_path
        QString extension = QStringLiteral("iso");
    };

    // Returns the local path, or empty with the error in *error (already said on the UI).
    static QString fetch(const Request &request, const build::BuildUi &ui, const build::CancelTokenPtr &cancel,
                         QString *error);
    // Packer's cache directory.
    static QString cacheDir();

private:
    static QString fetchOne(const Request &request, const QString &source, const build::BuildUi &ui,
                            const build::CancelTokenPtr &cancel, QString *error);
    static QString download(const QString &url, const QString &target, const build::BuildUi &ui,
                            const build::CancelTokenPtr &cancel);
};

} // namespace kiln::components

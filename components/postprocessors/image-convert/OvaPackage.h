#pragma once

#include "components/postprocessors/image-convert/OvfDescriptor.h"
#include "engine/build/BuildUi.h"
#include "engine/build/CancelToken.h"

#include <QStringList>

namespace kiln::components {

// Packs a converted vmdk the way VMware exports one: NAME.ovf (the descriptor), NAME.mf
// (SHA256 of the descriptor and the disk, "SHA256(file)= hex" lines) and NAME.ova, a USTAR
// archive of the three in the order the OVF specification requires (descriptor, manifest,
// then the disk). Everything lands in the vmdk's directory.
class OvaPackage
{
public:
    OvaPackage(OvfDescriptor descriptor, QString vmdkPath, QString baseName);

    // Writes the three files; every file it created is appended to *created, also on failure
    // (the caller removes them). Returns the error, empty on success.
    QString write(
        const build::BuildUi &ui, const build::CancelTokenPtr &cancel, QStringList *created);

    static QByteArray manifestLine(const QString &file, const QString &sha256);

private:
    QString pathOf(const QString &suffix) const;

    OvfDescriptor m_descriptor;
    QString m_vmdkPath;
    QString m_baseName;
};

} // namespace kiln::components

#pragma once

#include <QStringList>

namespace kiln::components {

// The vmdk variants qemu-img writes, in the order the schema offers them. Shared by the
// description (kiln_component_schemas, which links no implementation) and the settings
// parser (ImageConvertSettings::vmdkSubformats()).
inline QStringList vmdkSubformatNames()
{
    return {QStringLiteral("streamOptimized"), QStringLiteral("monolithicSparse"),
        QStringLiteral("monolithicFlat"), QStringLiteral("twoGbMaxExtentSparse"),
        QStringLiteral("twoGbMaxExtentFlat")};
}

} // namespace kiln::components

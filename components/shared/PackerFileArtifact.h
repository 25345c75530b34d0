#pragma once

#include "engine/build/Artifact.h"

namespace kiln::components {

// A FileArtifact whose id is exactly what Packer's plugin returns, empty included
// (FileArtifact would fill an empty id with the file list). The manifest post-processor
// records the id, so `"artifact_id": ""` after checksum or artifice must stay empty.
class PackerFileArtifact : public build::FileArtifact
{
public:
    PackerFileArtifact(QString builderId, QStringList files, QString id, QString string)
        : FileArtifact(std::move(builderId), std::move(files), {}, std::move(string))
        , m_exactId(std::move(id))
    { }

    QString id() const override { return m_exactId; }

private:
    QString m_exactId;
};

} // namespace kiln::components

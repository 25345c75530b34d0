#pragma once

#include "engine/build/Artifact.h"

namespace kiln::components {

// The converted images: every file image-convert wrote, in its output directory. destroy()
// (an intermediate of a post-processor chain) removes the files and then the directory,
// which image-convert created and which holds nothing else.
class ImageConvertArtifact : public build::FileArtifact
{
public:
    ImageConvertArtifact(QString dir, QStringList files, QString string, QVariantMap state);

    QString destroy() override;

private:
    QString m_dir;
};

} // namespace kiln::components

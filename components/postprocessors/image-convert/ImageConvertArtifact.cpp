#include "components/postprocessors/image-convert/ImageConvertArtifact.h"

#include "components/postprocessors/image-convert/ImageConvertPostProcessor.h"

#include <QDir>

namespace kiln::components {

ImageConvertArtifact::ImageConvertArtifact(
    QString dir, QStringList files, QString string, QVariantMap state)
    : FileArtifact(QString::fromLatin1(ImageConvertPostProcessor::BuilderId), std::move(files), dir,
        std::move(string), std::move(state))
    , m_dir(std::move(dir))
{ }

QString ImageConvertArtifact::destroy()
{
    const QString error = FileArtifact::destroy();
    if (!error.isEmpty())
        return error;
    // rmdir only succeeds on an empty directory: files someone else put there stay.
    QDir().rmdir(m_dir);
    return {};
}

} // namespace kiln::components

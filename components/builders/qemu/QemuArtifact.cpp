#include "components/builders/qemu/QemuArtifact.h"

#include "components/builders/qemu/QemuBuilder.h"

#include <QDir>

namespace kiln::components {

QemuArtifact::QemuArtifact(QString dir, QStringList files, QVariantMap state)
    : m_dir(std::move(dir))
    , m_files(std::move(files))
    , m_state(std::move(state))
{
}

QString QemuArtifact::builderId() const
{
    return QString::fromLatin1(QemuBuilder::builderId);
}

QString QemuArtifact::destroy()
{
    if (!QDir(m_dir).removeRecursively())
        return QStringLiteral("unlinkat %1: could not remove").arg(m_dir);
    return {};
}

} // namespace kiln::components

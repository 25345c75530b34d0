#pragma once

#include "engine/build/Artifact.h"

#include <QVariantMap>

namespace kiln::components {

// The qemu builder's artifact: every file of the output directory. Packer's qemu Artifact
// (id "VM", "VM files in directory: DIR"; destroy removes the directory).
class QemuArtifact : public build::Artifact
{
public:
    QemuArtifact(QString dir, QStringList files, QVariantMap state);

    QString builderId() const override;
    QString id() const override { return QStringLiteral("VM"); }
    QStringList files() const override { return m_files; }
    QString string() const override { return QStringLiteral("VM files in directory: %1").arg(m_dir); }
    QVariant state(const QString &name) const override { return m_state.value(name); }
    QString destroy() override;

private:
    QString m_dir;
    QStringList m_files;
    QVariantMap m_state;
};

} // namespace kiln::components

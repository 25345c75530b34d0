#pragma once

#include "components/provisioners/file/FileProvisionerSettings.h"
#include "engine/build/Provisioner.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// provisioner "file": copies local files or directories to the machine, or remote ones back
// (direction = "download"), through whatever communicator the build has (SSH, local,
// docker). Packer's provisioner/file, with its messages and error texts.
//
// `source`/`sources` and `destination` may hold `{{ build `X` }}` templates, rendered with
// the build's generated data at provision time. Directory sources follow rsync's rule:
// "dir/" copies the contents, "dir" the directory itself (the communicator's UploadDir).
class FileProvisioner : public build::Provisioner
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    QString provision(build::BuildContext &ctx, comm::Communicator &comm) override;

private:
    QString render(const QString &text, const build::BuildContext &ctx, QString *error) const;
    QString upload(build::BuildContext &ctx, comm::Communicator &comm, const QStringList &sources);
    QString download(
        build::BuildContext &ctx, comm::Communicator &comm, const QStringList &sources);
    QString uploadFile(
        build::BuildContext &ctx, comm::Communicator &comm, const QString &src, const QString &dst);

    FileProvisionerSettings m_settings;
};

} // namespace kiln::components

#pragma once

#include "components/postprocessors/sftp-upload/SftpUploadPostProcessorSettings.h"
#include "engine/build/PostProcessor.h"

namespace kiln::components {

// Kiln's sftp-upload post-processor: copies every file of the input artifact into a
// directory on an SSH host over SFTP, logging in through the engine's SSH connector
// (password or key, host key checked against a known_hosts file or a pinned key).
// Resumable: when the remote file is a prefix of the local one (SHA-256 of that prefix),
// only the rest is sent, at that offset; an identical file is not sent again.
class SftpUploadPostProcessor : public build::PostProcessor
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

    static constexpr const char *BuilderId = "kiln.post-processor.sftp-upload";

private:
    QString remotePath(const QString &fileName) const;
    QString url(const QString &path) const;

    SftpUploadPostProcessorSettings m_settings;
};

} // namespace kiln::components

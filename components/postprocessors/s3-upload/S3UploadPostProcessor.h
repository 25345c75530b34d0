#pragma once

#include "components/postprocessors/s3-upload/S3UploadPostProcessorSettings.h"
#include "engine/build/PostProcessor.h"

namespace kiln::components {

// Kiln's s3-upload post-processor: copies every file of the input artifact to an S3 bucket
// (AWS or any S3-compatible store) as KEY_PREFIX + base name, with the file's SHA-256 in
// x-amz-meta-sha256 and Content-MD5 on every request. Signing is libcurl's SigV4;
// credentials come from the template or the standard AWS chain (AwsCredentialChain) at run
// time, so `validate` needs none. The input artifact is kept.
class S3UploadPostProcessor : public build::PostProcessor
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::PostProcessResult postProcess(
        build::BuildContext &ctx, const build::ArtifactPtr &input) override;

    static constexpr const char *BuilderId = "kiln.post-processor.s3-upload";

private:
    QString renderPrefix(
        build::BuildContext &ctx, const build::ArtifactPtr &input, QString *error) const;

    S3UploadPostProcessorSettings m_settings;
};

} // namespace kiln::components

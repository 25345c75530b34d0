#pragma once

#include "components/shared/s3/AwsCredentials.h"
#include "components/shared/s3/S3FileUploader.h"
#include "engine/build/PostProcessor.h"

#include <optional>

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

    QString m_bucket;
    QString m_keyPrefix;
    QString m_endpoint;
    std::optional<bool> m_forcePathStyle;
    s3::AwsCredentialOptions m_credentials;
    s3::S3UploadOptions m_upload;
    int m_maxRetries = 4;
    qint64 m_retryDelayMs = 500;
    tmpl::legacy::InterpolateContext m_interpolation;
};

} // namespace kiln::components

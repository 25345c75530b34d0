#pragma once

#include "components/shared/s3/AwsCredentialSettings.h"
#include "components/shared/s3/S3UploadSettings.h"
#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"
#include "engine/template/legacy/InterpolateContext.h"

#include <QString>
#include <optional>

namespace kiln::components {

// The s3-upload post-processor's configuration: the bucket and key prefix, where the store
// is, the credentials the template gives (resolved with the environment's only when a build
// runs, so `validate` needs none) and how the objects are written.
struct S3UploadPostProcessorSettings
{
    QString bucket;
    QString keyPrefix; // a template: {{.BuildName}}, {{.BuilderType}}, generated data
    QString endpoint; // empty: AWS
    std::optional<bool> forcePathStyle;
    s3::AwsCredentialSettings credentials;
    s3::S3UploadSettings upload;
    int maxRetries = 4;
    qint64 retryDelayMs = 500;
    tmpl::legacy::InterpolateContext interpolation;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components

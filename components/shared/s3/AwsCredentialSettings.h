#pragma once

#include <QString>

namespace kiln::components::s3 {

// What the template says about credentials and region; empty members are unset. Resolved
// against the environment only when a build runs (AwsCredentialChain).
struct AwsCredentialSettings
{
    QString accessKey;
    QString secretKey;
    QString sessionToken;
    QString profile;
    QString sharedCredentialsFile;
    QString configFile;
    QString region;
};

} // namespace kiln::components::s3

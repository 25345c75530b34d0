#pragma once

#include "components/shared/s3/AwsCredentialSettings.h"

#include <QHash>
#include <QString>

namespace kiln::components::s3 {

// A resolved access key pair (plus an STS session token) and where it came from, for the
// log line ("credentials from the environment") — never the secret itself.
struct AwsCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;
    QString source;

    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};

// The standard AWS credential chain as the AWS CLI and SDKs walk it, reduced to what needs
// no network: static keys from the template, then the profile the template names, then
// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, then the profile named by
// AWS_PROFILE (or "default") in the shared credentials file (AWS_SHARED_CREDENTIALS_FILE,
// ~/.aws/credentials) and the config file (AWS_CONFIG_FILE, ~/.aws/config, where it is
// `[profile NAME]`). Instance roles (IMDS) and SSO are not consulted.
//
// The environment is passed in, so tests and builds with their own environment agree.
class AwsCredentialChain
{
public:
    using Environment = QHash<QString, QString>;

    static Environment processEnvironment();

    // The credentials, or invalid ones with the reason in *error.
    static AwsCredentials resolve(
        const AwsCredentialSettings &options, const Environment &env, QString *error);
    // region, AWS_REGION, AWS_DEFAULT_REGION, the profile's `region` in the config file,
    // then "us-east-1".
    static QString resolveRegion(const AwsCredentialSettings &options, const Environment &env);

    static QString credentialsFile(const AwsCredentialSettings &options, const Environment &env);
    static QString configFile(const AwsCredentialSettings &options, const Environment &env);
    // The profile in effect: the template's, AWS_PROFILE, or "default".
    static QString profileName(const AwsCredentialSettings &options, const Environment &env);

private:
    static AwsCredentials fromProfile(const QString &profile, const AwsCredentialSettings &options,
        const Environment &env, bool *found);
};

} // namespace kiln::components::s3

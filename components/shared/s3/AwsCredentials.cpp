#include "components/shared/s3/AwsCredentials.h"

#include "components/shared/s3/AwsIniFile.h"

#include <QProcessEnvironment>

namespace kiln::components::s3 {

namespace {

QString expandHome(const QString &path, const AwsCredentialChain::Environment &env)
{
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        return env.value(QStringLiteral("HOME")) + path.mid(1);
    return path;
}

// The config file names every profile but the default one `[profile NAME]`.
QString configSection(const QString &profile)
{
    return profile == QLatin1String("default") ? profile : QStringLiteral("profile ") + profile;
}

} // namespace

AwsCredentialChain::Environment AwsCredentialChain::processEnvironment()
{
    Environment env;
    const QProcessEnvironment process = QProcessEnvironment::systemEnvironment();
    for (const QString &key : process.keys())
        env.insert(key, process.value(key));
    return env;
}

QString AwsCredentialChain::credentialsFile(
    const AwsCredentialSettings &options, const Environment &env)
{
    if (!options.sharedCredentialsFile.isEmpty())
        return expandHome(options.sharedCredentialsFile, env);
    const QString fromEnv = env.value(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"));
    if (!fromEnv.isEmpty())
        return expandHome(fromEnv, env);
    return env.value(QStringLiteral("HOME")) + QStringLiteral("/.aws/credentials");
}

QString AwsCredentialChain::configFile(const AwsCredentialSettings &options, const Environment &env)
{
    if (!options.configFile.isEmpty())
        return expandHome(options.configFile, env);
    const QString fromEnv = env.value(QStringLiteral("AWS_CONFIG_FILE"));
    if (!fromEnv.isEmpty())
        return expandHome(fromEnv, env);
    return env.value(QStringLiteral("HOME")) + QStringLiteral("/.aws/config");
}

QString AwsCredentialChain::profileName(
    const AwsCredentialSettings &options, const Environment &env)
{
    if (!options.profile.isEmpty())
        return options.profile;
    const QString fromEnv = env.value(QStringLiteral("AWS_PROFILE"));
    return fromEnv.isEmpty() ? QStringLiteral("default") : fromEnv;
}

AwsCredentials AwsCredentialChain::fromProfile(const QString &profile,
    const AwsCredentialSettings &options, const Environment &env, bool *found)
{
    AwsCredentials creds;
    *found = false;
    // The credentials file wins over the config file for the same profile, as in the CLI.
    AwsIniFile credentials;
    if (credentials.load(credentialsFile(options, env)) && credentials.hasSection(profile)) {
        *found = true;
        creds.accessKeyId = credentials.value(profile, QStringLiteral("aws_access_key_id"));
        creds.secretAccessKey = credentials.value(profile, QStringLiteral("aws_secret_access_key"));
        creds.sessionToken = credentials.value(profile, QStringLiteral("aws_session_token"));
        creds.source = QStringLiteral("profile %1 in %2").arg(profile, credentials.path());
        if (creds.isValid())
            return creds;
    }
    AwsIniFile config;
    const QString section = configSection(profile);
    if (config.load(configFile(options, env)) && config.hasSection(section)) {
        *found = true;
        AwsCredentials fromConfig;
        fromConfig.accessKeyId = config.value(section, QStringLiteral("aws_access_key_id"));
        fromConfig.secretAccessKey = config.value(section, QStringLiteral("aws_secret_access_key"));
        fromConfig.sessionToken = config.value(section, QStringLiteral("aws_session_token"));
        fromConfig.source = QStringLiteral("profile %1 in %2").arg(profile, config.path());
        if (fromConfig.isValid())
            return fromConfig;
    }
    return creds;
}

AwsCredentials AwsCredentialChain::resolve(
    const AwsCredentialSettings &options, const Environment &env, QString *error)
{
    if (!options.accessKey.isEmpty() || !options.secretKey.isEmpty()) {
        if (options.accessKey.isEmpty() || options.secretKey.isEmpty()) {
            *error = QStringLiteral("access_key and secret_key must be set together");
            return {};
        }
        return {options.accessKey, options.secretKey, options.sessionToken,
            QStringLiteral("the template's access_key")};
    }

    bool found = false;
    if (!options.profile.isEmpty()) {
        AwsCredentials creds = fromProfile(options.profile, options, env, &found);
        if (creds.isValid())
            return creds;
        *error = found
            ? QStringLiteral("profile %1 has no aws_access_key_id and aws_secret_access_key "
                             "(in %2 or %3)")
                  .arg(options.profile, credentialsFile(options, env), configFile(options, env))
            : QStringLiteral("failed to get shared config profile, %1 (not in %2 or %3)")
                  .arg(options.profile, credentialsFile(options, env), configFile(options, env));
        return {};
    }

    const QString envKey = env.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
    const QString envSecret = env.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    if (!envKey.isEmpty() && !envSecret.isEmpty())
        return {envKey, envSecret, env.value(QStringLiteral("AWS_SESSION_TOKEN")),
            QStringLiteral("the environment (AWS_ACCESS_KEY_ID)")};

    const QString profile = profileName(options, env);
    AwsCredentials creds = fromProfile(profile, options, env, &found);
    if (creds.isValid())
        return creds;
    *error = QStringLiteral("no valid credential sources found: set access_key and secret_key, "
                            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or profile %1 in %2 "
                            "or %3")
                 .arg(profile, credentialsFile(options, env), configFile(options, env));
    return {};
}

QString AwsCredentialChain::resolveRegion(
    const AwsCredentialSettings &options, const Environment &env)
{
    if (!options.region.isEmpty())
        return options.region;
    for (const char *name : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
        const QString value = env.value(QString::fromLatin1(name));
        if (!value.isEmpty())
            return value;
    }
    AwsIniFile config;
    const QString profile = profileName(options, env);
    if (config.load(configFile(options, env))) {
        const QString region = config.value(configSection(profile), QStringLiteral("region"));
        if (!region.isEmpty())
            return region;
    }
    return QStringLiteral("us-east-1");
}

} // namespace kiln::components::s3

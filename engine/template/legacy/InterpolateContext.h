#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <optional>

namespace kiln::tmpl::legacy {

// What a `{{ }}` template can see, as packer-plugin-sdk's interpolate.Context.
struct InterpolateContext
{
    // `.` in the template: usually a QVariantMap (HTTPIP, HTTPPort, Path,
    // Vars, Name, ...); invalid means nil.
    QVariant data;
    // When set, `data` stands for a Go struct of that type ("*shell.ExecuteCommandTemplate"):
    // a missing field is an error instead of "<no value>", as in Packer.
    QString dataStructName;

    // The values `user` reads. nullopt is Packer's nil map ("test" error).
    std::optional<QMap<QString, QString>> userVariables;
    QStringList sensitiveVariables;

    // Only true while rendering the variables section: allows env,
    // consul_key, vault, aws_secretsmanager, and makes `user` of an unset
    // variable an error.
    bool enableEnv = false;

    QString buildName;
    QString buildType;
    QString corePackerVersion;
    QString templatePath;

    // Packer's InitTime: the moment the process started, in UTC. Defaults
    // to processStartTime(); tests set it.
    std::optional<QDateTime> initTime;

    // Reads environment variables; defaults to the process environment.
    std::function<QString(const QString &)> getenv;

    static QDateTime processStartTime();
    QDateTime effectiveInitTime() const { return initTime ? *initTime : processStartTime(); }
    QString env(const QString &name) const;
};

} // namespace kiln::tmpl::legacy

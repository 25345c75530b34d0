#pragma once

#include "engine/hcl/SourceRange.h"
#include "engine/hcl/json/JsonValue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kiln::tmpl::legacy {

using hcl::SourceRange;
using hcl::json::JsonValue;

// Packer's legacy JSON template (packer-plugin-sdk/template), with the source
// range of everything so that errors and the designer can point into the file.
// Builders keep file order (Packer keeps them in a map; names are unique).

// The `only` / `except` meta-parameters of provisioners and post-processors.
struct LegacyOnlyExcept
{
    QStringList only;
    QStringList except;
    SourceRange onlyRange; // the value's range, when present
    SourceRange exceptRange;

    // Packer's OnlyExcept.Skip: whether the build named `name` skips this.
    bool skip(const QString &name) const
    {
        if (!only.isEmpty())
            return !only.contains(name);
        if (!except.isEmpty())
            return except.contains(name);
        return false;
    }
};

struct LegacyVariable
{
    QString name;
    QString defaultValue;
    bool required = false; // the default was JSON null
    bool sensitive = false; // listed in sensitive-variables
    SourceRange keyRange;
    SourceRange valueRange;
};

struct LegacyBuilder
{
    QString name; // defaults to the type
    QString type;
    bool nameDefaulted = false;
    // The builder's own settings: the object without `name` and `type`.
    JsonValue config;
    // The whole object as written.
    JsonValue raw;
    SourceRange nameRange; // of the `name` value, or of `type` when defaulted
};

struct LegacyProvisioner
{
    QString type;
    LegacyOnlyExcept onlyExcept;
    // `override`: builder name -> settings merged over config for that build.
    JsonValue override;
    qint64 pauseBeforeMs = 0;
    QString maxRetries; // Packer keeps it a string (weakly decoded)
    qint64 timeoutMs = 0;
    // Settings without type, only, except, override, pause_before, max_retries, timeout.
    JsonValue config;
    JsonValue raw;
};

struct LegacyPostProcessor
{
    QString type;
    QString name; // defaults to the type
    LegacyOnlyExcept onlyExcept;
    std::optional<bool> keepInputArtifact;
    // Settings without type, name, only, except, keep_input_artifact. A
    // post-processor given as a bare string has an empty object here.
    JsonValue config;
    SourceRange range; // the string or object that declared it
};

struct LegacyTemplate
{
    QString path; // absolute path of the file, empty when parsed from memory
    QString description;
    QString minVersion;
    SourceRange minVersionRange;
    // Root keys starting with `_` (Packer's Comments), sorted by key as Packer reads them.
    QList<std::pair<QString, QString>> comments;
    QList<LegacyVariable> variables; // in file order
    QStringList sensitiveVariables; // as listed
    QList<LegacyBuilder> builders; // in file order
    QList<LegacyProvisioner> provisioners;
    std::optional<LegacyProvisioner> cleanupProvisioner;
    // Each entry is a chain (a single post-processor is a chain of one).
    QList<QList<LegacyPostProcessor>> postProcessors;

    const LegacyBuilder *builder(const QString &name) const
    {
        for (const LegacyBuilder &b : builders)
            if (b.name == name)
                return &b;
        return nullptr;
    }
    const LegacyVariable *variable(const QString &name) const
    {
        for (const LegacyVariable &v : variables)
            if (v.name == name)
                return &v;
        return nullptr;
    }
};

} // namespace kiln::tmpl::legacy

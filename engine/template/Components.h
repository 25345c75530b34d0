#pragma once

// The component blocks of an HCL2 template: sources, data sources, provisioners
// and post-processors. Their bodies are kept undecoded (hcl::Body) because what
// they accept is the component's business: the schema validator and the build
// engine decode them later, against the registry's ConfigSchema.

#include "engine/hcl/Body.h"
#include "engine/hcl/SourceRange.h"
#include "engine/hcl/value/Value.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kiln::tmpl {

// Where a component block was written: for the designer and for diagnostics.
struct BlockRef
{
    QString blockType; // "source", "data", "provisioner", ...
    QStringList labels;
    hcl::SourceRange defRange; // header: type and labels
    hcl::SourceRange typeRange;
    QList<hcl::SourceRange> labelRanges;
};

// `type.name`, as Packer's SourceRef.
struct SourceRef
{
    QString type;
    QString name;

    bool isValid() const { return !type.isEmpty() || !name.isEmpty(); }
    QString toString() const { return type + QLatin1Char('.') + name; }
    friend bool operator==(const SourceRef &, const SourceRef &) = default;
    // "source.t.n" or "t.n" → {t, n}; anything with fewer than two parts is invalid.
    static SourceRef fromString(const QString &text);
};

// A top-level `source "type" "name" {}` block.
struct SourceBlock
{
    QString type;
    QString name;
    hcl::BodyPtr body;
    BlockRef ref;

    SourceRef sourceRef() const { return {type, name}; }
};

// A top-level `data "type" "name" {}` block and, once evaluated, its value
// (unknown when data sources are not executed, e.g. by `validate`).
struct DataSourceBlock
{
    QString type;
    QString name;
    hcl::BodyPtr body;
    BlockRef ref;
    std::optional<hcl::Value> value;

    QString fullName() const { return type + QLatin1Char('.') + name; }
};

// `only = [...]` / `except = [...]` of provisioners and post-processors.
struct OnlyExcept
{
    QStringList only;
    QStringList except;

    // True if the component must not run for the build source `name` ("type.name").
    bool skip(const QString &name) const;
};

// `provisioner "type" {}` or `error-cleanup-provisioner "type" {}` in a build.
struct ProvisionerBlock
{
    QString type;
    QString name;
    qint64 pauseBeforeMs = 0;
    int maxRetries = 0;
    qint64 timeoutMs = 0;
    OnlyExcept onlyExcept;
    // `override = { "<source name>" = { key = value } }`; null if not set.
    hcl::Value override_;
    hcl::BodyPtr rest; // the component's own configuration
    BlockRef ref;
};

// `post-processor "type" {}`, alone or inside `post-processors {}`.
struct PostProcessorBlock
{
    QString type;
    QString name;
    OnlyExcept onlyExcept;
    std::optional<bool> keepInputArtifact;
    hcl::BodyPtr rest;
    BlockRef ref;
};

} // namespace kiln::tmpl

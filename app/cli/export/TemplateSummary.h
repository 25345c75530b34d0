#pragma once

#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/value/Value.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace kiln::cli {

// One input variable as a CI system sees it.
struct CiVariable
{
    QString name; // the template's name: PKR_VAR_<name>, -var name=...
    QString ciName; // NAME_IN_UPPER_SNAKE_CASE: the CI variable or secret that feeds it
    // The job's environment variable: PKR_VAR_<name>, which Packer reads for HCL2
    // templates; for legacy ones (passed on as -var) the name made a shell identifier.
    QString envName;
    QString description;
    bool sensitive = false;
    bool hasDefault = false;
    // The default as Packer reads it from PKR_VAR_<name> (strings bare, others HCL);
    // never filled for sensitive variables, whose values must not leave the template.
    QString defaultText;
    // The default as HCL native syntax, for a .pkrvars.hcl file (non-sensitive only).
    QString defaultHcl;
    hcl::Value defaultValue; // the same value, for a JSON variables file
    // Legacy templates: the default is a `{{ }}` template the CI must not override.
    bool defaultIsTemplate = false;
};

// What the CI exporters need to know about a template: its builds (the `-only` names,
// one CI job each), its variables, and the files its manifest and checksum
// post-processors leave behind.
struct TemplateSummary
{
    QString templatePath; // relative to rootDir, '/'-separated ("." for the root itself)
    QString rootDir; // absolute: the repository the CI checks out
    bool isDirectory = false;
    bool legacy = false;
    QStringList targets; // in template order
    QList<CiVariable> variables; // sorted by name
    QStringList artifactPaths; // relative to rootDir; `{{ }}` parts become `*`
    QStringList kilnOnly; // warnings for Kiln's own components the builds use
    QStringList secrets; // sensitive values: nothing exported may contain them
    QHash<QString, QByteArray> sources; // for diagnostic snippets
};

// Loads the template at `path` the way `kiln build` does up to the choice of builds
// (variables, locals, sources, build blocks, -only names), without running data
// sources or instantiating components: an export must work for a template whose
// plugins or credentials exist only on the CI runners. Variables without a value get
// a placeholder so that a template with required variables still lists its builds.
// Returns false with diagnostics (or *error) when the template cannot be read.
class TemplateSummaryLoader
{
public:
    // Without `listBuilds` only the variables are read (a template without builds is fine).
    static bool load(const QString &path, bool listBuilds, TemplateSummary &out,
        hcl::Diagnostics &diags, QString *error);

    // "aws_secret-key" -> "AWS_SECRET_KEY": a name GitHub and GitLab accept.
    static QString ciName(const QString &variable);
    // The directory holding `.git` above `path`, or the current directory.
    static QString repositoryRoot(const QString &path);
};

} // namespace kiln::cli

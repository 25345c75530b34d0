#pragma once

#include "engine/hcl/Diagnostic.h"
#include "engine/registry/Registry.h"
#include "engine/template/Template.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace kiln::tmpl {

// One -var or -var-file flag; they apply in command-line order.
struct VarSetting
{
    enum class Kind { Var, File };
    Kind kind = Kind::Var;
    QString name; // Var: the variable name
    QString value; // Var: the raw text after '='; File: the path
};

struct LoadOptions
{
    QString path; // a *.pkr.hcl / *.pkr.json file or a directory
    QList<VarSetting> varSettings;
    bool warnOnUndeclaredVar = false;
    // KEY=VALUE strings scanned for PKR_VAR_*; the process environment if unset.
    std::optional<QStringList> environment;
    QString cwd; // the process working directory if empty
    QString coreVersion = QStringLiteral("1.11.0"); // the Packer version Kiln answers to
};

struct InitializeOptions
{
    // Known components: data sources are checked against it. Without one (the
    // designer while no registry is at hand) every data source is accepted and
    // its value is unknown.
    const registry::Registry *registry = nullptr;
    // validate's default: data sources are configured but not run; their values
    // are unknown values of their output type.
    bool skipDatasourcesExecution = true;
    // Runs one data source when they are executed (the build engine supplies it: this layer
    // cannot see components). Returns the data source's value; errors go to `diags`.
    std::function<hcl::Value(const DataSourceBlock &block, const registry::ComponentDescriptor &descriptor,
                             const hcl::EvalContext &ctx, hcl::Diagnostics &diags)>
        executeDataSource;
};

enum class TemplateKind { Hcl2, LegacyJson };

// Packer's hcl2template.Parser for one template.
class TemplateLoader
{
public:
    // How a path is read: *.pkr.hcl, *.pkr.json and directories are HCL2,
    // anything else a legacy JSON template (Packer's GetConfigType).
    static TemplateKind kindOf(const QString &path);

    // Parser.Parse: reads the files, checks required_version, decodes the
    // packer block, variables (with their values from every source), locals
    // and data blocks. Stops early, as Packer does, on file-level errors.
    static Template parse(const LoadOptions &options, hcl::Diagnostics &diags);

    // PackerConfig.Initialize: variable validation rules, data sources and
    // locals in dependency order, then sources and builds.
    static hcl::Diagnostics initialize(Template &tpl, const InitializeOptions &options = {});
};

} // namespace kiln::tmpl

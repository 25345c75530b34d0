#pragma once

// The HCL2 template model (Packer's PackerConfig): everything a directory or file
// of *.pkr.hcl / *.pkr.json declares, with source ranges, plus the values of its
// variables once they are known. The designer reads it, `inspect` prints it, the
// build engine instantiates components from it.
//
// Lifecycle, as in Packer:
//   TemplateLoader::parse()       files, packer block, variables and their values,
//                                 locals and data blocks (not yet evaluated)
//   TemplateLoader::initialize()  validation rules, data sources and locals in
//                                 dependency order, sources and builds
//   BuildSelector                 builds × sources filtered by -only/-except,
//                                 each component body checked against its schema

#include "engine/hcl/Ast.h"
#include "engine/hcl/eval/EvalContext.h"
#include "engine/template/BuildBlock.h"
#include "engine/template/PackerBlock.h"
#include "engine/template/Variable.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

namespace kiln::tmpl {

// Which names an expression may use; Packer's BlockContext.
enum class BlockContext { InputVariable, Local, Build, DataSource, Nil };

class Template
{
public:
    Template();

    QString basedir; // the directory of the template (path.root)
    QString cwd; // path.cwd
    QString coreVersion; // packer.version
    bool warnOnUndeclaredVar = false;

    // Every file parsed, in load order: the template's own files first
    // (configFileCount of them), then variable files.
    QList<hcl::File> files;
    qsizetype configFileCount = 0;
    PackerBlock packer;
    QMap<QString, Variable> inputVariables; // sorted by name
    QList<LocalBlock> localBlocks; // declaration order
    QMap<QString, Variable> localVariables; // evaluated locals, sorted by name
    QList<DataSourceBlock> dataSources; // declaration order
    QList<SourceBlock> sources; // declaration order
    QList<BuildBlock> builds; // declaration order

    const SourceBlock *source(const SourceRef &ref) const;
    const DataSourceBlock *dataSource(const QString &type, const QString &name) const;

    // The bytes of every loaded file by name, for diagnostics.
    QHash<QString, QByteArray> sourceBytes() const;

    // An evaluation context as Packer's PackerConfig.EvalContext: var, local,
    // source (unknown type/name), build (unknown), path, packer, and for Local,
    // Build and DataSource contexts `data`; plus `extra` on top.
    hcl::EvalContext evalContext(BlockContext ctx, const QMap<QString, hcl::Value> &extra = {}) const;

    // Names of sensitive input variables (Packer's packer_sensitive_variables).
    QStringList sensitiveVariableNames() const;
    // Every string inside the values of sensitive variables and locals: output
    // that shows values replaces these with "<sensitive>", as Packer's secret filter.
    QStringList secrets() const;

private:
    // The `var` and `local` objects of the last evalContext(), with the maps they were
    // built from. A large template asks for a context several times; rebuilding objects
    // of thousands of attributes each time dominated `validate`. Held by pointer so
    // copies of a Template stay cheap; guarded by a mutex as contexts may be asked for
    // from several threads.
    struct EvalCache;
    std::shared_ptr<EvalCache> m_evalCache;
    hcl::Value cachedObject(const QMap<QString, Variable> &vars, bool locals) const;
};

} // namespace kiln::tmpl

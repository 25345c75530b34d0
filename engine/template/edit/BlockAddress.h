#pragma once

// Which block of a template the designer means. An address is positional (the
// n-th build of a file, the n-th provisioner of that build), because that is
// what a graph shows and what survives a reparse as long as the user did not
// reorder the text in between. Named blocks (sources, variables, data) are
// found by their labels instead.

#include <QString>
#include <QStringList>

namespace kiln::tmpl::edit {

struct BlockAddress
{
    enum class Kind {
        Source, // top-level `source "type" "name"`; labels = {type, name}
        Build, // `build {}` number `build`
        Provisioner, // `provisioner` number `index` of build `build`
        ErrorCleanupProvisioner, // the `error-cleanup-provisioner` of build `build`
        // Entry `index` of the build's post-processing list: a standalone
        // `post-processor` block or a whole `post-processors` chain block (a
        // build's list mixes both, in file order).
        PostProcessor,
        // `post-processor` number `chainIndex` inside the `post-processors`
        // chain that is entry `index` of the post-processing list.
        ChainPostProcessor,
        Variable, // `variable "name"`; labels = {name}
        Locals, // `locals {}` block number `index` in the file
        Local, // one attribute of a locals block; labels = {name}
        Data, // `data "type" "name"`; labels = {type, name}
        Packer, // the `packer {}` block
    };

    Kind kind = Kind::Build;
    QString file; // the file the block is in (as passed to PipelineEditor)
    int build = -1; // index of the build block in file order
    int index = -1; // provisioner / post-processing entry / locals block index
    int chainIndex = -1; // position inside a post-processors chain
    QStringList labels; // for sources, variables, locals and data: their names

    static BlockAddress source(const QString &type, const QString &name)
    {
        return {Kind::Source, {}, -1, -1, -1, {type, name}};
    }
    static BlockAddress ofBuild(int build) { return {Kind::Build, {}, build, -1, -1, {}}; }
    static BlockAddress provisioner(int build, int index)
    {
        return {Kind::Provisioner, {}, build, index, -1, {}};
    }
    static BlockAddress errorCleanup(int build)
    {
        return {Kind::ErrorCleanupProvisioner, {}, build, -1, -1, {}};
    }
    static BlockAddress postProcessor(int build, int index)
    {
        return {Kind::PostProcessor, {}, build, index, -1, {}};
    }
    static BlockAddress chainPostProcessor(int build, int chain, int position)
    {
        return {Kind::ChainPostProcessor, {}, build, chain, position, {}};
    }
    static BlockAddress variable(const QString &name)
    {
        return {Kind::Variable, {}, -1, -1, -1, {name}};
    }
    static BlockAddress data(const QString &type, const QString &name)
    {
        return {Kind::Data, {}, -1, -1, -1, {type, name}};
    }
    static BlockAddress local(const QString &name) { return {Kind::Local, {}, -1, -1, -1, {name}}; }

    friend bool operator==(const BlockAddress &, const BlockAddress &) = default;
};

} // namespace kiln::tmpl::edit

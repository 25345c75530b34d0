#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>
#include <functional>

namespace kiln::cli {

// Where a command writes. Packer 1.6.6 writes all UI output, errors included,
// to stdout; commands follow that unless Packer's newer versions differ.
struct CommandIo
{
    QTextStream &out;
    QTextStream &err;
    QTextStream &in;
};

// One subcommand: `kiln <name> [flags] [args]`.
struct Command
{
    QString name;
    QString synopsis; // one line for `kiln --help`
    std::function<int(const QStringList &args, CommandIo &io)> run;
    // True when this command line needs the build runtime (component implementations,
    // SSH, HTTP, archives). The kiln executable links none of it and hands such command
    // lines whole to the runtime module (kiln-runtime.so), which runs them with
    // allCommands(). Empty: never.
    std::function<bool(const QStringList &args)> needsRuntime = {};
};

// Every command, runnable in-process: the runtime module, and tests that link kiln_cli.
QList<Command> allCommands();
// The kiln executable's table (kiln_cli_light): the same commands, names and help, but
// build and export (and validate -evaluate-datasources) only say they need the runtime.
QList<Command> lightCommands();

} // namespace kiln::cli

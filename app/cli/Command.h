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
};

QList<Command> allCommands();

} // namespace kiln::cli

#include "app/cli/Cli.h"

#include "app/cli/Command.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cstdio>

namespace kiln::cli {

namespace {

const Command *findCommand(const QList<Command> &commands, const QString &name)
{
    for (const auto &c : commands)
        if (c.name == name)
            return &c;
    return nullptr;
}

void printUsage(QTextStream &s, const QList<Command> &commands)
{
    s << "Usage: kiln [--version] [--help] <command> [<args>]\n"
         "       kiln --build [options] TEMPLATE   run the builds headless (same as `kiln build`)\n"
         "       kiln [FILE|DIR]          open the designer\n\n"
         "Available commands are:\n";
    for (const auto &c : commands)
        s << "    " << c.name.leftJustified(13) << c.synopsis << "\n";
}

// The command a first argument names: flags that stand for commands are resolved.
QString commandName(const QString &first)
{
    if (first == QLatin1String("--version") || first == QLatin1String("-version")
        || first == QLatin1String("-v"))
        return QStringLiteral("version");
    // The design's headless mode: `kiln --build [flags] FILE` is `kiln build [flags] FILE`.
    if (first == QLatin1String("--build") || first == QLatin1String("-build"))
        return QStringLiteral("build");
    return first;
}

} // namespace

bool wantsCli(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const QString first = QString::fromLocal8Bit(argv[1]);
    if (first.startsWith(u'-'))
        return true;
    if (findCommand(lightCommands(), first))
        return true;
    // A path opens the designer; anything else is an unknown command.
    return !QFileInfo::exists(first);
}

bool needsRuntime(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const auto commands = lightCommands();
    const Command *cmd = findCommand(commands, commandName(QString::fromLocal8Bit(argv[1])));
    if (!cmd || !cmd->needsRuntime)
        return false;
    QStringList args;
    for (int i = 2; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    return cmd->needsRuntime(args);
}

int run(int argc, char **argv, const QList<Command> &commands)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kiln"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KILN_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    CommandIo io{out, err, in};

    QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        printUsage(err, commands);
        return 127;
    }
    const QString first = args.takeFirst();
    if (first == QLatin1String("--help") || first == QLatin1String("-help")
        || first == QLatin1String("-h")) {
        printUsage(out, commands);
        return 0;
    }
    const Command *cmd = findCommand(commands, commandName(first));
    if (!cmd || !cmd->run) {
        printUsage(err, commands);
        return 127;
    }
    const int rc = cmd->run(args, io);
    out.flush();
    err.flush();
    return rc;
}

} // namespace kiln::cli

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

} // namespace

bool wantsCli(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const QString first = QString::fromLocal8Bit(argv[1]);
    if (first.startsWith(u'-'))
        return true;
    if (findCommand(allCommands(), first))
        return true;
    // A path opens the designer; anything else is an unknown command.
    return !QFileInfo::exists(first);
}

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kiln"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KILN_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    CommandIo io{out, err, in};

    QStringList args = app.arguments().mid(1);
    const auto commands = allCommands();
    if (args.isEmpty()) {
        printUsage(err, commands);
        return 127;
    }
    QString name = args.takeFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-help") || name == QLatin1String("-h")) {
        printUsage(out, commands);
        return 0;
    }
    if (name == QLatin1String("--version") || name == QLatin1String("-version") || name == QLatin1String("-v"))
        name = QStringLiteral("version");
    // The design's headless mode: `kiln --build [flags] FILE` is `kiln build [flags] FILE`.
    if (name == QLatin1String("--build") || name == QLatin1String("-build"))
        name = QStringLiteral("build");
    const Command *cmd = findCommand(commands, name);
    if (!cmd) {
        printUsage(err, commands);
        return 127;
    }
    const int rc = cmd->run(args, io);
    out.flush();
    err.flush();
    return rc;
}

} // namespace kiln::cli

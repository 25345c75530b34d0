#include "app/cli/VersionCommand.h"

namespace kiln::cli {

Command versionCommand()
{
    return {QStringLiteral("version"), QStringLiteral("Prints the Kiln version"),
            [](const QStringList &, CommandIo &io) {
                io.out << "Kiln v" << KILN_VERSION << "\n";
                return 0;
            }};
}

} // namespace kiln::cli

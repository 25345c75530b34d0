// The kiln executable: a Packer-compatible command line when given a subcommand,
// the designer otherwise. All work lives in the libraries and modules; this only
// dispatches. The executable links the light command line (Qt Core, the template
// layer, component descriptions); command lines that run builds go to kiln-runtime.so.
#include "app/DesignerLoader.h"
#include "app/RuntimeLoader.h"
#include "app/cli/Cli.h"

int main(int argc, char **argv)
{
    if (!kiln::cli::wantsCli(argc, argv))
        return kiln::runDesigner(argc, argv);
    if (kiln::cli::needsRuntime(argc, argv))
        return kiln::runInRuntime(argc, argv);
    return kiln::cli::run(argc, argv, kiln::cli::lightCommands());
}

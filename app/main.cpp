// The kiln executable: a Packer-compatible command line when given a subcommand,
// the designer otherwise. All work lives in the libraries; this only dispatches.
#include "app/DesignerLoader.h"
#include "app/cli/Cli.h"

int main(int argc, char **argv)
{
    if (kiln::cli::wantsCli(argc, argv))
        return kiln::cli::run(argc, argv);
    return kiln::runDesigner(argc, argv);
}

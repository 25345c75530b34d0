// The kiln executable: a Packer-compatible command line when given a subcommand,
// the designer otherwise. All work lives in the libraries; this only dispatches.
#include "app/cli/Cli.h"

#ifdef KILN_WITH_GUI
#include "app/ui/GuiMain.h"
#endif

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    if (kiln::cli::wantsCli(argc, argv))
        return kiln::cli::run(argc, argv);
#ifdef KILN_WITH_GUI
    return kiln::ui::runGui(argc, argv);
#else
    std::fputs("kiln was built without the designer; run `kiln --help` for the commands.\n", stderr);
    return 1;
#endif
}

// The kiln executable: a Packer-compatible command line when given a subcommand,
// the designer otherwise. All work lives in the libraries and modules; this only
// dispatches. The executable links the light command line (Qt Core, the template
// layer, component descriptions); command lines that run builds go to kiln-runtime.so.
#include "app/DesignerLoader.h"
#include "app/RuntimeLoader.h"
#include "app/cli/Cli.h"
#include "app/cli/HugePageHeap.h"

#include <cstring>

namespace {

// The commands that read templates and exit: their run is allocation-bound on large
// templates. Builds run long and keep the default heap.
bool readsTemplatesAndExits(int argc, char **argv)
{
    if (argc < 2)
        return false;
    for (const char *name : {"validate", "fmt", "inspect", "console", "hcl2_upgrade"})
        if (std::strcmp(argv[1], name) == 0)
            return true;
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (!kiln::cli::wantsCli(argc, argv))
        return kiln::runDesigner(argc, argv);
    if (readsTemplatesAndExits(argc, argv))
        kiln::cli::useHugePageHeap(std::size_t(64) << 20);
    if (kiln::cli::needsRuntime(argc, argv))
        return kiln::runInRuntime(argc, argv);
    return kiln::cli::run(argc, argv, kiln::cli::lightCommands());
}

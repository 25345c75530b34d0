#include "app/DesignerLoader.h"

#include "app/ModuleLoader.h"

#include <cstdio>
#include <dlfcn.h>

namespace kiln {

int runDesigner(int argc, char **argv)
{
    std::string errors;
    void *handle = loadKilnModule("kiln-designer.so", errors);
    if (!handle) {
        std::fprintf(stderr,
            "kiln: cannot load the designer module:%s\n"
            "Run `kiln --help` for the command-line interface.\n",
            errors.c_str());
        return 1;
    }
    using Entry = int (*)(int, char **);
    auto entry = reinterpret_cast<Entry>(dlsym(handle, "kiln_designer_main"));
    if (!entry) {
        std::fprintf(stderr, "kiln: kiln-designer.so has no designer entry point\n");
        return 1;
    }
    return entry(argc, argv);
}

} // namespace kiln

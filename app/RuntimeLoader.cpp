#include "app/RuntimeLoader.h"

#include "app/ModuleLoader.h"

#include <cstdio>
#include <dlfcn.h>

namespace kiln {

void *runtimeModule(std::string &errors)
{
    static void *handle = nullptr;
    static std::string loadErrors;
    if (!handle && loadErrors.empty())
        handle = loadKilnModule("kiln-runtime.so", loadErrors);
    errors = loadErrors;
    return handle;
}

int runInRuntime(int argc, char **argv)
{
    std::string errors;
    void *handle = runtimeModule(errors);
    if (!handle) {
        std::fprintf(
            stderr, "kiln: cannot load the runtime module, which runs builds:%s\n", errors.c_str());
        return 1;
    }
    using Entry = int (*)(int, char **);
    auto entry = reinterpret_cast<Entry>(dlsym(handle, "kiln_runtime_main"));
    if (!entry) {
        std::fprintf(stderr, "kiln: kiln-runtime.so has no runtime entry point\n");
        return 1;
    }
    return entry(argc, argv);
}

} // namespace kiln

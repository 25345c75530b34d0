#include "app/DesignerLoader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <string>

namespace kiln {

namespace {

std::string executableDir()
{
    char buf[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n <= 0)
        return ".";
    std::string path(buf, static_cast<size_t>(n));
    return path.substr(0, path.find_last_of('/'));
}

} // namespace

int runDesigner(int argc, char **argv)
{
    const std::string dir = executableDir();
    const std::string candidates[] = {dir + "/kiln-designer.so", dir + "/../lib/kiln/kiln-designer.so"};
    std::string errors;
    for (const auto &path : candidates) {
        if (void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL)) {
            using Entry = int (*)(int, char **);
            auto entry = reinterpret_cast<Entry>(dlsym(handle, "kiln_designer_main"));
            if (!entry) {
                std::fprintf(stderr, "kiln: %s has no designer entry point\n", path.c_str());
                return 1;
            }
            return entry(argc, argv);
        }
        errors += std::string("\n  ") + dlerror();
    }
    std::fprintf(stderr, "kiln: cannot load the designer module:%s\n"
                         "Run `kiln --help` for the command-line interface.\n", errors.c_str());
    return 1;
}

} // namespace kiln

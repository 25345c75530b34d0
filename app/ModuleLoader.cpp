#include "app/ModuleLoader.h"

#include <climits>
#include <dlfcn.h>
#include <unistd.h>

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

void *loadKilnModule(const char *fileName, std::string &errors)
{
    const std::string dir = executableDir();
    const std::string candidates[] = {dir + "/" + fileName, dir + "/../lib/kiln/" + fileName};
    for (const auto &path : candidates) {
        if (void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL))
            return handle;
        errors += std::string("\n  ") + dlerror();
    }
    return nullptr;
}

} // namespace kiln

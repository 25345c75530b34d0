#include "engine/build/BuildOptions.h"

namespace kiln::build {

bool parseOnError(const QString &text, OnError *out)
{
    static const struct
    {
        const char *name;
        OnError value;
    } names[] = {
        { "cleanup", OnError::Cleanup },
        { "abort", OnError::Abort },
        { "ask", OnError::Ask },
        { "run-cleanup-provisioner", OnError::RunCleanupProvisioner },
    };
    for (const auto &n : names) {
        if (text == QLatin1String(n.name)) {
            *out = n.value;
            return true;
        }
    }
    return false;
}

} // namespace kiln::build

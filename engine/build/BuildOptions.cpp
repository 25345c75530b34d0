#include "engine/build/BuildOptions.h"

namespace kiln::build {

namespace {

struct OnErrorName
{
    const char *name;
    OnError value;
};

constexpr OnErrorName OnErrorNames[] = {
    { "cleanup", OnError::Cleanup },
    { "abort", OnError::Abort },
    { "ask", OnError::Ask },
    { "run-cleanup-provisioner", OnError::RunCleanupProvisioner },
};

} // namespace

bool parseOnError(const QString &text, OnError *out)
{
    for (const auto &n : OnErrorNames) {
        if (text == QLatin1String(n.name)) {
            *out = n.value;
            return true;
        }
    }
    return false;
}

QString onErrorName(OnError mode)
{
    for (const auto &n : OnErrorNames)
        if (n.value == mode)
            return QString::fromLatin1(n.name);
    return QStringLiteral("cleanup");
}

} // namespace kiln::build

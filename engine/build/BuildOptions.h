#pragma once

#include <QString>

namespace kiln::build {

// What `-on-error` asks for when a step fails. Packer's packer.OnError*.
enum class OnError {
    Cleanup, // run every cleanup, then fail (default)
    Abort, // stop at once, skip cleanup: the machine is left for inspection
    Ask, // ask: clean up, abort, or retry the failed step
    RunCleanupProvisioner, // run the error-cleanup-provisioner, then clean up
};

// Returns false for an unknown name.
bool parseOnError(const QString &text, OnError *out);
// The flag's value for `mode` ("run-cleanup-provisioner"): parseOnError's inverse.
QString onErrorName(OnError mode);

// The flags of `build` that change how each build runs.
struct BuildOptions
{
    bool debug = false; // pause after each step (and run builds one at a time)
    bool force = false; // builders replace an existing output directory
    OnError onError = OnError::Cleanup;
};

} // namespace kiln::build

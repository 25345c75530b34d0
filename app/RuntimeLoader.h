#pragma once

#include <string>

namespace kiln {

// The build runtime (kiln-runtime.so: the build engine, communicators, component
// implementations, libcurl, libssh2, libarchive, Qt Network...) is a module the kiln
// executable loads only for the command lines that need it, so that validate, fmt,
// inspect, console and hcl2_upgrade start without loading any of it.

// Loads the runtime module once; null (with the reasons in `errors`) if it cannot.
void *runtimeModule(std::string &errors);

// Runs this whole command line in the runtime module (build, export, validate
// -evaluate-datasources). Prints why and returns 1 if the module cannot be loaded.
int runInRuntime(int argc, char **argv);

} // namespace kiln

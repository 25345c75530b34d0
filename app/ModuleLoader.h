#pragma once

#include <string>

namespace kiln {

// Loads one of Kiln's modules (kiln-designer.so, kiln-runtime.so) from next to the
// executable (a build tree) or from ../lib/kiln (the installed layout), RTLD_LOCAL so
// that its copies of the engine libraries stay its own. Returns the dlopen handle, or
// null with each place's dlerror() appended to `errors`.
void *loadKilnModule(const char *fileName, std::string &errors);

} // namespace kiln

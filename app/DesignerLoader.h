#pragma once

namespace kiln {

// Loads the designer module (kiln-designer.so, next to the executable or in
// ../lib/kiln) and runs it. Returns the process exit code; prints why and
// returns 1 if the module cannot be loaded.
int runDesigner(int argc, char **argv);

} // namespace kiln

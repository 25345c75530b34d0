#pragma once

namespace kiln::ui {

// Starts the designer. argv may name a template file or directory to open.
int runGui(int argc, char **argv);

} // namespace kiln::ui

#pragma once

namespace kiln::cli {

// True when the arguments name a subcommand or a flag (the CLI), false when
// kiln should open the designer (no arguments, or a template file/directory).
bool wantsCli(int argc, char **argv);

// Runs the command line and returns the process exit code (Packer's codes:
// 0 success, 1 error, 3 `fmt -check` found changes, 127 no such command).
int run(int argc, char **argv);

} // namespace kiln::cli

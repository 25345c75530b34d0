#pragma once

#include "app/cli/Command.h"

namespace kiln::cli {

// True when the arguments name a subcommand or a flag (the CLI), false when
// kiln should open the designer (no arguments, or a template file/directory).
bool wantsCli(int argc, char **argv);

// True when this command line must run in the build runtime (Command::needsRuntime of
// the command it names): the kiln executable then hands it to kiln-runtime.so.
bool needsRuntime(int argc, char **argv);

// Runs the command line with `commands` (lightCommands() in the kiln executable,
// allCommands() in the runtime module) and returns the process exit code (Packer's
// codes: 0 success, 1 error, 3 `fmt -check` found changes, 127 no such command).
int run(int argc, char **argv, const QList<Command> &commands);

} // namespace kiln::cli

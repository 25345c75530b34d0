#pragma once

#include "app/cli/Command.h"

namespace kiln::cli {

// The names and synopses of the commands that always run in the build runtime, so that
// the kiln executable lists them in --help without linking them.
inline constexpr char buildCommandName[] = "build";
inline constexpr char buildCommandSynopsis[] = "build image(s) from template";
inline constexpr char exportCommandName[] = "export";
inline constexpr char exportCommandSynopsis[]
    = "write a CI pipeline for a template, or the template for Packer";

} // namespace kiln::cli

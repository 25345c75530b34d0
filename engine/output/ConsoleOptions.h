#pragma once

#include <QtGlobal>

namespace kiln::output {

// How the console renders a run; the CLI derives it from its flags and the environment.
struct ConsoleOptions
{
    enum class Progress {
        Auto, // progress lines on a terminal only
        Never,
        Always, // even when the output is not a terminal (a GUI console rendering "\r")
    };

    // `-color` (default on): each build gets a colour and announces it with "NAME: output
    // will be in this color.". Packer 1.6.6 announces even when PACKER_NO_COLOR suppresses
    // the escape codes, so the two are separate.
    bool color = true;
    // ANSI escape codes; off when PACKER_NO_COLOR is set to anything non-empty.
    bool escapes = true;
    // `-timestamp-ui`: build output lines start with an RFC 3339 time.
    bool timestamps = false;
    Progress progress = Progress::Auto;

    // The options of `packer build -color=<colorFlag> [-timestamp-ui]` under the current
    // environment.
    static ConsoleOptions fromFlags(bool colorFlag, bool timestampUi)
    {
        ConsoleOptions o;
        o.color = colorFlag;
        o.escapes = colorFlag && qEnvironmentVariableIsEmpty("PACKER_NO_COLOR");
        o.timestamps = timestampUi;
        return o;
    }
};

} // namespace kiln::output

// The entry point the kiln executable looks up after loading this module.
#include "app/ui/GuiMain.h"

extern "C" __attribute__((visibility("default"))) int kiln_designer_main(int argc, char **argv)
{
    return kiln::ui::runGui(argc, argv);
}

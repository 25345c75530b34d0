// Keys and types mirror the HCL2 spec of packer-plugin-sdk multistep/commonsteps ISOConfig;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/shared/SharedSchemas.h"

namespace kiln::components {

using namespace kiln::registry;

ConfigSchema isoConfigFields()
{
    ConfigSchema s;
    s.add(Field::string("iso_checksum")
              .markRequired()
              .withHelp("The checksum for the ISO file or virtual hard drive file. The type of "
                        "the checksum is specified within the checksum field as a prefix, ex: "
                        "\"md5:{$checksum}\"."));
    s.add(Field::string("iso_url").withHelp(
        "A URL to the ISO containing the installation image or virtual hard "
        "drive (VHD or VHDX) file to clone."));
    s.add(Field::list("iso_urls", Field::elementOf(FieldType::String))
              .withHelp("Multiple URLs for the ISO to download. Packer will try these in order. "
                        "If anything goes wrong attempting to download or while downloading a "
                        "single URL, it will move on to the next."));
    s.add(Field::path("iso_target_path", PathKind::FileOrDirectory)
              .withHelp("The path where the iso should be saved after download. By default will "
                        "go in the packer cache, with a hash of the original filename and "
                        "checksum as its name."));
    s.add(Field::string("iso_target_extension")
              .withDefault("iso")
              .withHelp("The extension of the iso file after download. This defaults to iso."));
    s.exactlyOneOf({"iso_url", "iso_urls"}, "One of iso_url or iso_urls must be specified",
        "Only one of iso_url or iso_urls must be specified");
    return s;
}

} // namespace kiln::components

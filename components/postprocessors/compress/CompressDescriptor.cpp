// Keys and types mirror the HCL2 spec of packer post-processor/compress;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/postprocessors/compress/CompressPostProcessorSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor compressPostProcessorDescription()
{
    ConfigSchema s;
    s.add(Field::path("output", PathKind::File)
              .withDefault("packer_{{.BuildName}}_{{.BuilderType}}")
              .withHelp("The path of the archive to create; the extension selects the format "
                        "(.tar.gz, .zip, .lz4, .bgzf, .xz, .tar, ...)."));
    s.add(Field::string("format").withHelp(
        "The archive format, used when output has no recognisable extension."));
    s.add(Field::number("compression_level")
              .withDefault("6")
              .withHelp("The compression level, 1 (fastest) to 9 (best); 0 or -1 selects the "
                        "default (6)."));
    s.add(Field::string("archive").withHelp(
        "Internal: derived from the output extension; not meant to be set in "
        "templates."));
    s.add(Field::string("algorithm")
              .withHelp("Internal: derived from the output extension; not meant to be set in "
                        "templates."));

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "compress";
    d.displayName = "Compress";
    d.description = "Compresses the artifact files into an archive (tar.gz, zip, lz4, ...).";
    d.iconName = "postprocessor-compress";
    d.schema = s;
    d.settings = build::settingsReader<CompressPostProcessorSettings>();
    return d;
}

} // namespace kiln::components

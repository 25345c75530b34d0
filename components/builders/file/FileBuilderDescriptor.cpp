// Keys and types mirror the HCL2 spec of packer builder/file;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/builders/file/FileBuilderSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor fileBuilderDescription()
{
    ConfigSchema s;
    s.add(Field::path("source", PathKind::File)
              .withHelp("A local file whose contents are copied to target. Exactly one of source "
                        "or content is required."));
    s.add(Field::path("target", PathKind::File)
              .markRequired()
              .withHelp("The path of the file to create; it becomes the artifact."));
    s.add(Field::string("content").withHelp(
        "The text to write to target, instead of copying a source file."));
    s.atMostOneOf({"source", "content"}, "Cannot specify source file AND content");

    ComponentDescriptor d;
    d.kind = ComponentKind::Builder;
    d.typeName = "file";
    d.displayName = "File";
    d.description = "Creates a file (from inline content or a copy of a source file) as the "
                    "artifact.";
    d.iconName = "builder-file";
    d.schema = s;
    d.settings = build::settingsReader<FileBuilderSettings>();
    return d;
}

} // namespace kiln::components

// Keys and types mirror the HCL2 spec of packer provisioner/file;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/provisioners/file/FileProvisionerSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor fileProvisionerDescription()
{
    ConfigSchema s;
    s.add(Field::string("content").withHelp(
        "This is the content to copy to destination. If destination is a file, "
        "content will be written to that file, in case of a directory a file "
        "named pkr-file-content is created."));
    s.add(Field::path("source", PathKind::FileOrDirectory)
              .withHelp("The path to a local file or directory to upload to the machine. The "
                        "path can be absolute or relative."));
    s.add(Field::list("sources", Field::path({}, PathKind::FileOrDirectory))
              .withHelp("A list of sources to upload. This can be used in place of the source "
                        "option if you have several files that you want to upload to the same "
                        "place."));
    s.add(Field::string("destination")
              .markRequired()
              .withHelp("The path where the file will be uploaded to in the machine. This value "
                        "must be a writable location and any parent directories must already "
                        "exist."));
    s.add(Field::enumeration("direction", {"upload", "download"})
              .withDefault("upload")
              .withHelp("The direction of the file transfer. This defaults to \"upload\". If it "
                        "is set to \"download\" then the file \"source\" in the machine will be "
                        "downloaded locally to \"destination\""));
    s.add(Field::boolean("generated")
              .withDefault("false")
              .withHelp("For advanced users only. If true, check the file existence only before "
                        "uploading, rather than upon pre-build validation."));
    s.atMostOneOf({"content", "source"}, "source(s) conflicts with content.");
    s.atMostOneOf({"content", "sources"}, "source(s) conflicts with content.");

    ComponentDescriptor d;
    d.kind = ComponentKind::Provisioner;
    d.typeName = "file";
    d.displayName = "File";
    d.description = "Uploads files or directories to the machine (or downloads them from it).";
    d.iconName = "provisioner-file";
    d.schema = s;
    d.settings = build::settingsReader<FileProvisionerSettings>();
    return d;
}

} // namespace kiln::components

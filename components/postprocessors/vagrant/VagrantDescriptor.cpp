// Keys and types mirror the HCL2 spec of packer-plugin-vagrant post-processor/vagrant;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/postprocessors/vagrant/VagrantSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor vagrantPostProcessorDescription()
{
    ConfigSchema s;
    s.add(Field::number("compression_level")
              .withDefault("6")
              .withHelp("An integer representing the compression level to use when creating the "
                        "Vagrant box. Valid values range from 0 to 9, with 0 being no "
                        "compression and 9 being the best compression."));
    s.add(Field::list("include", Field::path({}, PathKind::File))
              .withHelp("Paths to files to include in the Vagrant box. These files will each be "
                        "copied into the top level directory of the Vagrant box (regardless of "
                        "their paths)."));
    s.add(Field::path("output", PathKind::File)
              .withDefault("packer_{{ .BuildName }}_{{.Provider}}.box")
              .withHelp("The full path to the box file that will be created by this "
                        "post-processor. This is a template engine."));
    s.add(Field::map("override", Field::elementOf(FieldType::String))
              .withHelp("Per-provider settings (keyed by provider name, e.g. virtualbox) that "
                        "override the post-processor settings."));
    s.add(Field::path("vagrantfile_template", PathKind::File)
              .withHelp("Path to a template to use for the Vagrantfile that is packaged with the "
                        "box. This option supports the usage of the template engine for JSON and "
                        "the contextual variables for HCL2."));
    s.add(Field::boolean("vagrantfile_template_generated")
              .withDefault("false")
              .withHelp("By default, Packer will exit with an error if the file specified using "
                        "the vagrantfile_template variable is not found."));
    s.add(Field::string("provider_override")
              .withHelp("Forces the Vagrant provider of the box instead of deriving it from the "
                        "builder type."));
    s.add(Field::string("architecture")
              .withHelp("The architecture of the Vagrant box. This will be detected from the box "
                        "if possible by default."));

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "vagrant";
    d.displayName = "Vagrant";
    d.description = "Packages the artifact as a Vagrant box.";
    d.iconName = "postprocessor-vagrant";
    d.schema = s;
    d.settings = build::settingsReader<VagrantSettings>();
    return d;
}

} // namespace kiln::components

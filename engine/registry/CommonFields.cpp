#include "engine/registry/CommonFields.h"

namespace kiln::registry {

namespace {

Field sourceFilter(const QString &key, const QString &help)
{
    return Field::list(key, Field::elementOf(FieldType::String)).withHelp(help);
}

} // namespace

ConfigSchema commonProvisionerFields()
{
    ConfigSchema s;
    s.add(Field::string("name").withHelp(
        "A name for this provisioner, shown in the output and usable in only/except filters."));
    s.add(sourceFilter(
        "only", "Run this provisioner only for the listed sources (builds); all others skip it."));
    s.add(sourceFilter("except", "Run this provisioner for every source except the listed ones."));
    s.add(Field::duration("pause_before")
              .withHelp("How long to wait before running this provisioner, e.g. \"10s\"."));
    s.add(Field::number("max_retries")
              .withDefault("0")
              .withHelp("How many times to retry the provisioner if it fails."));
    s.add(Field::duration("timeout").withHelp(
        "The provisioner is cancelled and the build fails if it runs longer than this."));
    s.add(Field::boolean("continue_on_error")
              .withDefault("false")
              .withHelp("If true, a failure of this provisioner does not fail the build."));
    s.add(
        Field::any("override")
            .withHelp(
                "Per-source settings that replace this provisioner's own, keyed by source name."));
    return s;
}

ConfigSchema commonPostProcessorFields()
{
    ConfigSchema s;
    s.add(Field::string("name").withHelp(
        "A name for this post-processor, shown in the output and usable in only/except filters."));
    s.add(sourceFilter("only", "Run this post-processor only for the listed sources (builds)."));
    s.add(
        sourceFilter("except", "Run this post-processor for every source except the listed ones."));
    s.add(Field::boolean("keep_input_artifact")
              .withHelp("Keep the artifact this post-processor received instead of deleting it "
                        "once the post-processor succeeds."));
    return s;
}

} // namespace kiln::registry

#include "app/models/completion/PackerBlockSchemas.h"

#include "engine/registry/Field.h"

#include <QCoreApplication>

namespace kiln::models {

using registry::ConfigSchema;
using registry::Field;
using registry::FieldType;

const QList<PackerBlockType> &topLevelBlockTypes()
{
    static const QList<PackerBlockType> types = {
        {QStringLiteral("packer"), 0,
            QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                "Settings of Packer itself: required_version, required_plugins.")},
        {QStringLiteral("source"), 2,
            QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                "A reusable builder configuration: source \"TYPE\" \"NAME\".")},
        {QStringLiteral("data"), 2,
            QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                "A data source read before the builds: data \"TYPE\" \"NAME\".")},
        {QStringLiteral("variable"), 1,
            QT_TRANSLATE_NOOP(
                "kiln::models::PackerBlockSchemas", "An input variable: variable \"NAME\".")},
        {QStringLiteral("variables"), 0,
            QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                "Several input variables as NAME = DEFAULT arguments.")},
        {QStringLiteral("locals"), 0,
            QT_TRANSLATE_NOOP(
                "kiln::models::PackerBlockSchemas", "Local values as NAME = EXPRESSION.")},
        {QStringLiteral("local"), 1,
            QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                "One local value that may be marked sensitive: local \"NAME\".")},
        {QStringLiteral("build"), 0,
            QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                "What to build: sources, provisioners and post-processors.")},
    };
    return types;
}

const ConfigSchema &buildBlockSchema()
{
    static const ConfigSchema schema = [] {
        ConfigSchema s;
        s.add(Field::string("name").withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
            "The name of the build, shown in output and "
            "used by -only/-except.")));
        s.add(Field::string("description")
                  .withHelp(QT_TRANSLATE_NOOP(
                      "kiln::models::PackerBlockSchemas", "A description of the build.")));
        s.add(Field::list("sources", Field::elementOf(FieldType::String))
                  .withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                      "References to source blocks: \"source.TYPE.NAME\".")));
        s.add(Field::block("source", ConfigSchema(), true)
                  .withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                      "Use a source and set or override its arguments: "
                      "source \"TYPE.NAME\".")));
        s.add(Field::block("provisioner", ConfigSchema(), true)
                  .withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                      "A provisioner run on every source of the build, in order.")));
        s.add(Field::block("post-processor", ConfigSchema(), true)
                  .withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                      "A post-processor run on each artifact.")));
        s.add(Field::block("post-processors", postProcessorsBlockSchema(), true)
                  .withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                      "A chain of post-processors, each fed the previous artifact.")));
        return s;
    }();
    return schema;
}

const ConfigSchema &postProcessorsBlockSchema()
{
    static const ConfigSchema schema = [] {
        ConfigSchema s;
        s.add(Field::block("post-processor", ConfigSchema(), true)
                  .withHelp(QT_TRANSLATE_NOOP(
                      "kiln::models::PackerBlockSchemas", "One post-processor of the chain.")));
        return s;
    }();
    return schema;
}

const ConfigSchema &variableBlockSchema()
{
    static const ConfigSchema schema = [] {
        ConfigSchema validation;
        validation.add(Field::any("condition")
                           .markRequired()
                           .withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                               "An expression that must be true for the value to be accepted.")));
        validation.add(Field::string("error_message")
                           .markRequired()
                           .withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                               "The message shown when the condition is false.")));
        ConfigSchema s;
        s.add(Field::any("type").withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
            "The type constraint, e.g. string, list(string).")));
        s.add(Field::any("default").withHelp(QT_TRANSLATE_NOOP(
            "kiln::models::PackerBlockSchemas", "The value used when none is given.")));
        s.add(Field::string("description")
                  .withHelp(QT_TRANSLATE_NOOP(
                      "kiln::models::PackerBlockSchemas", "What the variable is for.")));
        s.add(Field::boolean("sensitive")
                  .withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                      "Hide the value in output (replaced by <sensitive>).")));
        s.add(Field::block("validation", validation, true)
                  .withHelp(QT_TRANSLATE_NOOP(
                      "kiln::models::PackerBlockSchemas", "A rule the value must satisfy.")));
        return s;
    }();
    return schema;
}

const ConfigSchema &packerBlockSchema()
{
    static const ConfigSchema schema = [] {
        ConfigSchema s;
        s.add(Field::string("required_version")
                  .withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                      "A version constraint Packer must satisfy, e.g. \">= 1.7.0\".")));
        s.add(Field::block("required_plugins", ConfigSchema(), false)
                  .withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                      "The plugins the template needs, as NAME = { version, source }.")));
        return s;
    }();
    return schema;
}

const ConfigSchema &buildSourceExtraSchema()
{
    static const ConfigSchema schema = [] {
        ConfigSchema s;
        s.add(Field::string("name").withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
            "The name this use of the source gets in the build.")));
        return s;
    }();
    return schema;
}

const ConfigSchema &dynamicBlockSchema()
{
    static const ConfigSchema schema = [] {
        ConfigSchema s;
        s.add(Field::any("for_each")
                  .markRequired()
                  .withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                      "The collection to generate one block for each element of.")));
        s.add(Field::string("iterator")
                  .withHelp(QT_TRANSLATE_NOOP("kiln::models::PackerBlockSchemas",
                      "The name of the temporary variable for the current element (default: the "
                      "block's name).")));
        s.add(Field::list("labels", Field::elementOf(FieldType::String))
                  .withHelp(QT_TRANSLATE_NOOP(
                      "kiln::models::PackerBlockSchemas", "The labels of each generated block.")));
        s.add(Field::block("content", ConfigSchema(), false)
                  .withHelp(QT_TRANSLATE_NOOP(
                      "kiln::models::PackerBlockSchemas", "The body of each generated block.")));
        return s;
    }();
    return schema;
}

const QStringList &typeKeywords()
{
    static const QStringList words
        = {QStringLiteral("any"), QStringLiteral("bool"), QStringLiteral("list"),
            QStringLiteral("map"), QStringLiteral("number"), QStringLiteral("object"),
            QStringLiteral("set"), QStringLiteral("string"), QStringLiteral("tuple")};
    return words;
}

} // namespace kiln::models

#include "engine/registry/CommonFields.h"
#include "engine/registry/ConfigSchema.h"

#include <QTest>

using namespace kiln::registry;

namespace {

ConfigSchema sample()
{
    ConfigSchema nested;
    nested.add(Field::string("path").markRequired().withHelp("Dockerfile path."));
    nested.add(Field::boolean("pull").withDefault("true").withHelp("Pull the base image."));

    ConfigSchema s;
    s.add(Field::string("image").withHelp("Base image."));
    s.add(Field::boolean("commit").withHelp("Commit the container."));
    s.add(Field::boolean("discard").withHelp("Discard the container."));
    s.add(Field::path("export_path", PathKind::File).withHelp("Export tarball."));
    s.add(Field::list("changes", Field::elementOf(FieldType::String)).withHelp("Changes."));
    s.add(Field::block("build", nested, false).withHelp("Bootstrap build."));
    s.exactlyOneOf({"commit", "discard", "export_path"}, "none given", "too many");
    s.atMostOneOf({"image", "build"}, "both given");
    return s;
}

} // namespace

class TestConfigSchema : public QObject
{
    Q_OBJECT

private slots:
    void orderAndLookup()
    {
        const ConfigSchema s = sample();
        QCOMPARE(s.size(), 6);
        QCOMPARE(s.keys(),
            (QStringList{"image", "commit", "discard", "export_path", "changes", "build"}));
        QStringList iterated;
        for (const Field &f : s)
            iterated << f.key();
        QCOMPARE(iterated, s.keys());
        QVERIFY(s.field("image"));
        QCOMPARE(s.field("image")->type(), FieldType::String);
        QCOMPARE(s.field("export_path")->pathKind(), PathKind::File);
        QVERIFY(!s.field("imagee"));
        QVERIFY(!s.contains("Image")); // keys are case-sensitive, as in HCL
    }

    void nestedBlocks()
    {
        const ConfigSchema s = sample();
        const ConfigSchema *build = s.nested("build");
        QVERIFY(build);
        QVERIFY(!s.field("build")->isRepeatable());
        QCOMPARE(build->keys(), (QStringList{"path", "pull"}));
        QCOMPARE(build->requiredKeys(), QStringList{"path"});
        QCOMPARE(build->field("pull")->defaultText(), QStringLiteral("true"));
        QVERIFY(!s.nested("image"));
        QVERIFY(!s.nested("missing"));
    }

    void typeExpressions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("expected");
        QTest::newRow("string") << Field::string("a").typeExpression() << "string";
        QTest::newRow("duration") << Field::duration("a").typeExpression() << "string";
        QTest::newRow("enum") << Field::enumeration("a", {"x"}).typeExpression() << "string";
        QTest::newRow("path") << Field::path("a", PathKind::Directory).typeExpression() << "string";
        QTest::newRow("number") << Field::number("a").typeExpression() << "number";
        QTest::newRow("bool") << Field::boolean("a").typeExpression() << "bool";
        QTest::newRow("list")
            << Field::list("a", Field::elementOf(FieldType::String)).typeExpression()
            << "list(string)";
        QTest::newRow("map-number")
            << Field::map("a", Field::elementOf(FieldType::Number)).typeExpression()
            << "map(number)";
        QTest::newRow("list-list")
            << Field::list("a", Field::list({}, Field::elementOf(FieldType::String)))
                   .typeExpression()
            << "list(list(string))";
        QTest::newRow("any") << Field::any("a").typeExpression() << "any";
        QTest::newRow("block") << Field::block("a", ConfigSchema(), true).typeExpression()
                               << "block";
    }

    void typeExpressions()
    {
        QFETCH(QString, expression);
        QFETCH(QString, expected);
        QCOMPARE(expression, expected);
    }

    void fieldFlags()
    {
        Field f = Field::string("ssh_password");
        QVERIFY(!f.isRequired() && !f.isSensitive() && !f.isDeprecated());
        f.markRequired().markSensitive().markDeprecated().withDefault("x").withHelp("h");
        QVERIFY(f.isRequired() && f.isSensitive() && f.isDeprecated());
        QCOMPARE(f.defaultText(), QStringLiteral("x"));
        QCOMPARE(f.help(), QStringLiteral("h"));
        const Field l = Field::list("tags", Field::enumeration({}, {"a", "b"}));
        QCOMPARE(l.elementType(), FieldType::Enum);
        QCOMPARE(l.element()->enumValues(), (QStringList{"a", "b"}));
        QCOMPARE(Field::string("x").elementType(), FieldType::Any);
        QVERIFY(!Field::string("x").element());
    }

    void exclusiveGroups()
    {
        const ConfigSchema s = sample();
        QCOMPARE(s.exclusiveGroups().size(), 2);
        const ExclusiveGroup &g = s.exclusiveGroups().first();
        QCOMPARE(g.rule, ExclusiveGroup::Rule::ExactlyOne);
        QCOMPARE(g.keys, (QStringList{"commit", "discard", "export_path"}));
        QCOMPARE(g.missingMessage, QStringLiteral("none given"));
        QCOMPARE(g.conflictMessage, QStringLiteral("too many"));
        QCOMPARE(s.exclusiveGroups().at(1).rule, ExclusiveGroup::Rule::AtMostOne);
        QCOMPARE(s.exclusiveGroupsOf("image").size(), 1);
        QCOMPARE(s.exclusiveGroupsOf("changes").size(), 0);
    }

    void replaceAndRemove()
    {
        ConfigSchema s = sample();
        s.replace(Field::enumeration("image", {"alpine", "debian"}).withHelp("Pick one."));
        QCOMPARE(s.keys().first(), QStringLiteral("image"));
        QCOMPARE(s.field("image")->type(), FieldType::Enum);
        s.replace(Field::number("extra").withHelp("Appended."));
        QCOMPARE(s.keys().last(), QStringLiteral("extra"));

        s.remove("discard");
        QVERIFY(!s.contains("discard"));
        QCOMPARE(s.field("export_path")->key(), QStringLiteral("export_path"));
        QCOMPARE(s.exclusiveGroups().first().keys, (QStringList{"commit", "export_path"}));
        // Removing a member of a two-key group dissolves it.
        s.remove("build");
        QCOMPARE(s.exclusiveGroups().size(), 1);
    }

    void composeAndDuplicates()
    {
        ConfigSchema shared;
        shared.add(Field::string("ssh_username").withHelp("u"));
        shared.atMostOneOf({"ssh_username", "winrm_username"});
        ConfigSchema s;
        s.add(Field::string("image").withHelp("i"));
        s.add(shared);
        QCOMPARE(s.keys(), (QStringList{"image", "ssh_username"}));
        QCOMPARE(s.exclusiveGroups().size(), 1);
        QVERIFY(s.duplicateKeys().isEmpty());
        s.add(Field::number("image").withHelp("again"));
        QCOMPARE(s.duplicateKeys(), QStringList{"image"});
        // Lookups keep answering with the first declaration.
        QCOMPARE(s.field("image")->type(), FieldType::String);
    }

    void suggestions()
    {
        const ConfigSchema s = sample();
        QCOMPARE(s.suggest("imgae"), QStringLiteral("image"));
        QCOMPARE(s.suggest("comit"), QStringLiteral("commit"));
        QCOMPARE(s.suggest("export"), QString());
        QCOMPARE(s.suggest("unrelated_key"), QString());
    }

    void commonFields()
    {
        const ConfigSchema p = commonProvisionerFields();
        QCOMPARE(p.keys(),
            (QStringList{"name", "only", "except", "pause_before", "max_retries", "timeout",
                "continue_on_error", "override"}));
        QCOMPARE(p.field("pause_before")->type(), FieldType::Duration);
        QCOMPARE(p.field("only")->typeExpression(), QStringLiteral("list(string)"));
        QCOMPARE(p.field("override")->type(), FieldType::Any);
        const ConfigSchema pp = commonPostProcessorFields();
        QCOMPARE(pp.keys(), (QStringList{"name", "only", "except", "keep_input_artifact"}));
        QCOMPARE(pp.field("keep_input_artifact")->type(), FieldType::Bool);
        for (const Field &f : p)
            QVERIFY2(!f.help().isEmpty(), qPrintable(f.key()));
        for (const Field &f : pp)
            QVERIFY2(!f.help().isEmpty(), qPrintable(f.key()));
    }
};

QTEST_GUILESS_MAIN(TestConfigSchema)
#include "tst_configschema.moc"

// Component bodies against ConfigSchema: unknown keys with did-you-mean, value
// types, required keys, nested blocks, exclusive groups, durations and enums;
// unknown component types with Packer's wording.

#include "components/Builtins.h"
#include "engine/hcl/Parser.h"
#include "engine/registry/ConfigSchema.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/SchemaValidator.h"
#include "engine/template/TemplateLoader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
using namespace kiln::tmpl;
using registry::ConfigSchema;
using registry::Field;
using registry::FieldType;

namespace {

QStringList summaries(const hcl::Diagnostics &diags)
{
    QStringList out;
    for (const auto &d : diags)
        out << d.summary;
    return out;
}

ConfigSchema testSchema()
{
    ConfigSchema nested;
    nested.add(Field::string("device_name").markRequired());
    nested.add(Field::number("volume_size"));
    ConfigSchema s;
    s.add(Field::string("image"));
    s.add(Field::number("port"));
    s.add(Field::boolean("commit"));
    s.add(Field::boolean("discard"));
    s.add(Field::duration("wait"));
    s.add(Field::enumeration("format", {"qcow2", "raw"}));
    s.add(Field::list("changes", Field::elementOf(FieldType::String)));
    s.add(Field::map("tags", Field::elementOf(FieldType::String)));
    s.add(Field::string("region").markRequired());
    s.add(Field::block("mapping", nested, true));
    s.add(Field::block("single", nested, false));
    s.exactlyOneOf({"commit", "discard"}, "One of commit or discard must be set.",
                   "Only one of commit or discard can be set.");
    return s;
}

SchemaValidator::Result check(const QByteArray &body, const hcl::EvalContext *ctx = nullptr)
{
    hcl::Diagnostics parseDiags;
    hcl::File f = hcl::parseConfig(body, QStringLiteral("t.pkr.hcl"), parseDiags);
    if (parseDiags.hasErrors())
        qWarning() << summaries(parseDiags);
    return SchemaValidator().validate(f.body, testSchema(), ctx);
}

} // namespace

class TestSchemaValidation : public QObject
{
    Q_OBJECT

private slots:
    void validBody()
    {
        auto r = check("region = \"eu\"\ncommit = true\nport = \"22\"\nwait = \"5m\"\nformat = \"raw\"\n"
                       "changes = [\"a\"]\ntags = {a = \"b\"}\nmapping {\n  device_name = \"x\"\n}\n"
                       "mapping {\n  device_name = \"y\"\n}\n");
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(summaries(r.diagnostics).join('\n')));
        QVERIFY(r.prepareErrors.isEmpty());
    }

    void unknownKeySuggests()
    {
        auto r = check("region = \"eu\"\ncommit = true\nimgae = \"x\"\n");
        QCOMPARE(summaries(r.diagnostics), QStringList{QStringLiteral("Unsupported argument")});
        QVERIFY(r.diagnostics[0].detail.contains(QLatin1String("Did you mean \"image\"?")));
        QCOMPARE(r.diagnostics[0].subject->start.line, 3);
    }

    void wrongType()
    {
        auto r = check("region = \"eu\"\ncommit = true\nport = \"twenty\"\n");
        QCOMPARE(summaries(r.diagnostics), QStringList{QStringLiteral("Incorrect attribute value type")});
        QCOMPARE(r.diagnostics[0].detail,
                 QStringLiteral("Inappropriate value for attribute \"port\": a number is required."));
        QCOMPARE(r.diagnostics[0].subject->start.line, 3);
        QCOMPARE(r.diagnostics[0].subject->start.column, 8);
    }

    void unknownValuesPass()
    {
        hcl::EvalContext ctx;
        ctx.variables.insert("var", hcl::Value::object({{"p", hcl::Value::dynamicUnknown()}}));
        auto r = check("region = \"eu\"\ncommit = true\nport = var.p\n", &ctx);
        QVERIFY(r.diagnostics.isEmpty());
    }

    void missingRequired()
    {
        auto r = check("commit = true\n");
        QCOMPARE(summaries(r.diagnostics), QStringList{QStringLiteral("Missing required argument")});
    }

    void nestedBlocks()
    {
        auto r = check("region = \"eu\"\ncommit = true\nsingle {\n  device_name = \"a\"\n}\nsingle {\n"
                       "  device_name = \"b\"\n}\nmapping {\n  volume_size = 1\n}\n");
        QCOMPARE(summaries(r.diagnostics),
                 (QStringList{QStringLiteral("Duplicate single block"), QStringLiteral("Missing required argument")}));
        QCOMPARE(r.diagnostics[0].subject->start.line, 6);
    }

    void blockWrittenAsAttribute()
    {
        auto r = check("region = \"eu\"\ncommit = true\nmapping = {}\n");
        QVERIFY(r.diagnostics.hasErrors());
        QCOMPARE(r.diagnostics[0].subject->start.line, 3);
    }

    void exclusiveGroups()
    {
        auto both = check("region = \"eu\"\ncommit = true\ndiscard = true\n");
        QCOMPARE(both.prepareErrors, QStringList{QStringLiteral("Only one of commit or discard can be set.")});
        auto none = check("region = \"eu\"\n");
        QCOMPARE(none.prepareErrors, QStringList{QStringLiteral("One of commit or discard must be set.")});
    }

    void durationsAndEnums()
    {
        auto r = check("region = \"eu\"\ncommit = true\nwait = \"5 minutes\"\nformat = \"vmdk\"\n");
        QCOMPARE(r.prepareErrors,
                 (QStringList{QStringLiteral("Failed parsing wait: time: unknown unit \" minutes\" in duration \"5 minutes\""),
                              QStringLiteral("format must be one of: qcow2, raw")}));
        QCOMPARE(SchemaValidator::multiErrorText(r.prepareErrors).left(20), QStringLiteral("2 error(s) occurred:"));
    }

    void unknownComponentTypes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write("source \"nul\" \"a\" {}\nsource \"happycloud\" \"b\" {}\nbuild {\n"
                "  sources = [\"source.nul.a\", \"source.happycloud.b\"]\n"
                "  provisioner \"shel\" {}\n  post-processor \"manifesto\" {}\n}\n");
        f.close();
        registry::Registry reg;
        components::registerBuiltins(reg);
        LoadOptions opts;
        opts.path = path;
        opts.environment = QStringList();
        hcl::Diagnostics diags;
        Template tpl = TemplateLoader::parse(opts, diags);
        InitializeOptions init;
        init.registry = &reg;
        diags += TemplateLoader::initialize(tpl, init);
        QCOMPARE(summaries(diags), (QStringList{QStringLiteral("Unknown source type nul"),
                                                QStringLiteral("Unknown source type happycloud"),
                                                QStringLiteral("Unknown provisioner type \"shel\""),
                                                QStringLiteral("Unknown post-processor type \"manifesto\"")}));
        QCOMPARE(diags[0].detail, QStringLiteral("Did you mean to use \"null\"?"));
        QVERIFY(diags[1].detail.startsWith(QLatin1String("The source happycloud is unknown by Packer")));
        QVERIFY(diags[1].detail.endsWith(QLatin1String("integrations?filter=happycloud")));
        QCOMPARE(diags[2].subject->start.line, 5);
        // Without a registry the same template loads, keeping the components as written.
        hcl::Diagnostics plain;
        Template generic = TemplateLoader::parse(opts, plain);
        plain += TemplateLoader::initialize(generic);
        QVERIFY2(!plain.hasErrors(), qPrintable(summaries(plain).join('\n')));
        QCOMPARE(generic.builds[0].provisioners[0].type, QStringLiteral("shel"));
    }

    void builderSchemaThroughSelection()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write("source \"null\" \"a\" {\n  communicator = \"none\"\n  bogus_key = 1\n}\n"
                "build {\n  sources = [\"source.null.a\"]\n}\n");
        f.close();
        registry::Registry reg;
        components::registerBuiltins(reg);
        LoadOptions opts;
        opts.path = path;
        opts.environment = QStringList();
        hcl::Diagnostics diags;
        Template tpl = TemplateLoader::parse(opts, diags);
        InitializeOptions init;
        init.registry = &reg;
        diags += TemplateLoader::initialize(tpl, init);
        QVERIFY(!diags.hasErrors());
        BuildSelectionOptions sel;
        sel.registry = &reg;
        QVERIFY(BuildSelector::select(tpl, sel, diags).isEmpty());
        QCOMPARE(summaries(diags), QStringList{QStringLiteral("Unsupported argument")});
        QCOMPARE(diags[0].subject->start.line, 3);
    }
};

QTEST_GUILESS_MAIN(TestSchemaValidation)
#include "tst_schema_validation.moc"

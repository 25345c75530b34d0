// The HCL JSON syntax: schema-driven bodies, labels, repeated blocks, comments,
// and expressions evaluated with the native evaluator.
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/json/JsonBody.h"

#include <QTest>

using namespace kiln::hcl;

namespace {

BodySchema packerLikeSchema()
{
    BodySchema s;
    s.attributes.append({QStringLiteral("name"), false});
    s.blocks.append({QStringLiteral("source"), {QStringLiteral("type"), QStringLiteral("name")}});
    s.blocks.append({QStringLiteral("build"), {}});
    s.blocks.append({QStringLiteral("variable"), {QStringLiteral("name")}});
    return s;
}

Value eval(const ExprPtr &e, const EvalContext *ctx = nullptr)
{
    Diagnostics d;
    Value v = evaluate(e, ctx, d);
    if (d.hasErrors())
        qWarning() << d.first().summary << d.first().detail;
    return v;
}

} // namespace

class TestJsonBody : public QObject
{
    Q_OBJECT
private slots:
    void blocksWithLabelsAndAttributes()
    {
        const QByteArray src = "{\n"
            "  \"name\": \"demo\",\n"
            "  \"source\": {\n"
            "    \"docker\": {\n"
            "      \"ubuntu\": {\"image\": \"ubuntu:22.04\", \"commit\": true},\n"
            "      \"debian\": {\"image\": \"debian\"}\n"
            "    },\n"
            "    \"null\": {\"x\": {\"communicator\": \"none\"}}\n"
            "  },\n"
            "  \"build\": [{\"sources\": [\"source.docker.ubuntu\"]}, {\"name\": \"second\"}]\n"
            "}";
        Diagnostics diags;
        File f = json::parseJsonConfig(src, QStringLiteral("t.pkr.json"), diags);
        QVERIFY(!diags.hasErrors());
        BodyContent c = f.body->content(packerLikeSchema(), diags);
        QVERIFY2(!diags.hasErrors(), qPrintable(diags.value(0).detail));
        QCOMPARE(c.attributes.size(), 1);
        QCOMPARE(eval(c.attributes[0].expr).asString(), QStringLiteral("demo"));
        const auto sources = c.blocksOfType(QStringLiteral("source"));
        QCOMPARE(sources.size(), 3);
        QCOMPARE(sources[0].labels, (QStringList{"docker", "ubuntu"}));
        QCOMPARE(sources[1].labels, (QStringList{"docker", "debian"}));
        QCOMPARE(sources[2].labels, (QStringList{"null", "x"}));
        QCOMPARE(sources[0].labelRanges.size(), 2);
        QCOMPARE(sources[0].labelRanges[1].start.line, 5);
        QCOMPARE(c.blocksOfType(QStringLiteral("build")).size(), 2);

        Diagnostics inner;
        auto attrs = sources[0].body->justAttributes(inner);
        QVERIFY(!inner.hasErrors());
        QCOMPARE(attrs.size(), 2);
        QCOMPARE(attrs[0].name, QStringLiteral("image"));
        QCOMPARE(eval(attrs[1].expr).asBool(), true);
    }

    void extraneousPropertyWithSuggestion()
    {
        Diagnostics diags;
        File f = json::parseJsonConfig("{\"nmae\": \"x\", \"//\": \"a comment\"}", QStringLiteral("t.json"), diags);
        (void)f.body->content(packerLikeSchema(), diags);
        QCOMPARE(diags.size(), 1);
        QCOMPARE(diags[0].summary, QStringLiteral("Extraneous JSON object property"));
        QCOMPARE(diags[0].detail, QStringLiteral("No argument or block type is named \"nmae\". Did you mean \"name\"?"));
        QCOMPARE(diags[0].subject->start.column, 2);
    }

    void duplicateArgument()
    {
        Diagnostics diags;
        File f = json::parseJsonConfig("{\"name\": \"a\",\n \"name\": \"b\"}", QStringLiteral("d.json"), diags);
        (void)f.body->content(packerLikeSchema(), diags);
        QCOMPARE(diags.size(), 1);
        QCOMPARE(diags[0].summary, QStringLiteral("Duplicate argument"));
        QCOMPARE(diags[0].subject->start.line, 2);
    }

    void missingRequiredAndLabels()
    {
        BodySchema s;
        s.attributes.append({QStringLiteral("image"), true});
        s.blocks.append({QStringLiteral("source"), {QStringLiteral("type"), QStringLiteral("name")}});
        Diagnostics diags;
        File f = json::parseJsonConfig("{\"source\": {}}", QStringLiteral("m.json"), diags);
        (void)f.body->content(s, diags);
        QCOMPARE(diags.size(), 2);
        QCOMPARE(diags[0].summary, QStringLiteral("Missing block label"));
        QCOMPARE(diags[1].summary, QStringLiteral("Missing required argument"));
    }

    void partialContentLeavesTheRest()
    {
        Diagnostics diags;
        File f = json::parseJsonConfig("{\"name\": \"a\", \"image\": \"b\"}", QStringLiteral("p.json"), diags);
        BodySchema s;
        s.attributes.append({QStringLiteral("name"), false});
        BodyPtr remain;
        BodyContent c = f.body->partialContent(s, &remain, diags);
        QCOMPARE(c.attributes.size(), 1);
        auto rest = remain->justAttributes(diags);
        QVERIFY(!diags.hasErrors());
        QCOMPARE(rest.size(), 1);
        QCOMPARE(rest[0].name, QStringLiteral("image"));
    }

    void wrongValueTypes()
    {
        Diagnostics diags;
        File f = json::parseJsonConfig("{\"build\": \"nope\"}", QStringLiteral("w.json"), diags);
        (void)f.body->content(packerLikeSchema(), diags);
        QCOMPARE(diags.size(), 1);
        QCOMPARE(diags[0].summary, QStringLiteral("Incorrect JSON value type"));

        Diagnostics rootDiags;
        File g = json::parseJsonConfig("42", QStringLiteral("r.json"), rootDiags);
        QCOMPARE(rootDiags.size(), 1);
        QCOMPARE(rootDiags[0].summary, QStringLiteral("Root value must be object"));
        Diagnostics after;
        (void)g.body->content(packerLikeSchema(), after);
        QVERIFY(after.isEmpty());
    }

    void expressionsAreTemplates()
    {
        Diagnostics diags;
        File f = json::parseJsonConfig("{\"a\": \"hello ${name}\", \"b\": [1, 2.5, null, \"x\"], \"c\": {\"${name}_key\": 3}}",
                                       QStringLiteral("e.json"), diags);
        auto attrs = f.body->justAttributes(diags);
        QVERIFY(!diags.hasErrors());
        EvalContext ctx;
        ctx.variables.insert(QStringLiteral("name"), Value::string(QStringLiteral("kiln")));
        QCOMPARE(eval(attrs[0].expr, &ctx).asString(), QStringLiteral("hello kiln"));
        Value b = eval(attrs[1].expr, &ctx);
        QCOMPARE(b.type().kind(), Type::Kind::Tuple);
        QCOMPARE(b.elements().size(), 4);
        QCOMPARE(b.elements()[1].asNumber().toString(), QStringLiteral("2.5"));
        QVERIFY(b.elements()[2].isNull());
        Value c = eval(attrs[2].expr, &ctx);
        QCOMPARE(c.type().kind(), Type::Kind::Object);
        QVERIFY(c.hasAttribute(QStringLiteral("kiln_key")));
    }

    void templateErrorsAreReportedInTheString()
    {
        Diagnostics diags;
        File f = json::parseJsonConfig("{\"a\": \"x ${\"}", QStringLiteral("bad.json"), diags);
        (void)f.body->justAttributes(diags);
        QVERIFY(diags.hasErrors());
        QCOMPARE(diags[0].subject->start.line, 1);
        QVERIFY(diags[0].subject->start.column > 7);
    }
};

QTEST_GUILESS_MAIN(TestJsonBody)
#include "tst_jsonbody.moc"

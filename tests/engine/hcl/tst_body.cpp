// Schema decoding of native-syntax bodies (hcl.Body Content/PartialContent/
// JustAttributes) with HCL's diagnostics and suggestions.

#include "engine/hcl/Parser.h"

#include <QtTest>

using namespace kiln::hcl;

namespace {

std::shared_ptr<syntax::Body> parse(const QByteArray &src)
{
    Diagnostics diags;
    File f = parseConfig(src, QStringLiteral("b.hcl"), diags);
    if (!diags.isEmpty())
        qWarning().noquote() << "parse error:" << diags.first().summary;
    return f.nativeBody();
}

QString describe(const Diagnostics &diags)
{
    QStringList out;
    for (const auto &d : diags)
        out << QStringLiteral("%1 | %2 @%3:%4")
                   .arg(d.summary, d.detail)
                   .arg(d.subject->start.line)
                   .arg(d.subject->start.column);
    return out.join(QLatin1Char('\n'));
}

BodySchema schema(QList<AttributeSchema> attrs, QList<BlockHeaderSchema> blocks = {})
{
    BodySchema s;
    s.attributes = std::move(attrs);
    s.blocks = std::move(blocks);
    return s;
}

} // namespace

class TestBody : public QObject
{
    Q_OBJECT

private slots:
    void contentMatches();
    void unsupportedArgument();
    void unsupportedArgumentSuggestsBlock();
    void unsupportedBlock();
    void unsupportedBlockSuggestsArgument();
    void missingRequired();
    void labels();
    void partialContentRemain();
    void justAttributes();
    void attributeRedefined();
    void suggestionDistance();
};

void TestBody::contentMatches()
{
    auto body = parse(
        "b = 2\na = 1\nsource \"docker\" \"x\" {\n}\nbuild {\n}\nsource \"null\" \"y\" {\n}\n");
    Diagnostics diags;
    BodyContent c = body->content(
        schema({{QStringLiteral("a")}, {QStringLiteral("b")}, {QStringLiteral("c")}},
            {{QStringLiteral("source"), {QStringLiteral("type"), QStringLiteral("name")}},
                {QStringLiteral("build"), {}}}),
        diags);
    QVERIFY2(diags.isEmpty(), qPrintable(describe(diags)));
    QCOMPARE(c.attributes.size(), 2);
    QCOMPARE(c.attributes[0].name, QStringLiteral("b")); // source order
    QVERIFY(c.attribute(QStringLiteral("a")));
    QVERIFY(!c.attribute(QStringLiteral("c")));
    QCOMPARE(c.blocks.size(), 3);
    QCOMPARE(c.blocksOfType(QStringLiteral("source")).size(), 2);
    QCOMPARE(c.blocks[0].labels, (QStringList{QStringLiteral("docker"), QStringLiteral("x")}));
    QCOMPARE(c.blocks[0].defRange.start.column, 1);
    QCOMPARE(c.blocks[0].defRange.end.column, 20);
    QCOMPARE(c.attributes[0].nameRange.start.line, 1);
    QCOMPARE(c.missingItemRange.start.byte, 0);
}

void TestBody::unsupportedArgument()
{
    auto body = parse("imge = \"x\"\nfoo = 1\n");
    Diagnostics diags;
    body->content(schema({{QStringLiteral("image")}, {QStringLiteral("commit")}}), diags);
    QCOMPARE(describe(diags),
        QStringLiteral(
            "Unsupported argument | An argument named \"imge\" is not expected here. Did you mean "
            "\"image\"? @1:1\n"
            "Unsupported argument | An argument named \"foo\" is not expected here. @2:1"));
}

void TestBody::unsupportedArgumentSuggestsBlock()
{
    auto body = parse("provisioner = 1\n");
    Diagnostics diags;
    body->content(schema({}, {{QStringLiteral("provisioner"), {QStringLiteral("type")}}}), diags);
    QCOMPARE(describe(diags),
        QStringLiteral("Unsupported argument | An argument named \"provisioner\" is not expected "
                       "here. Did you mean to "
                       "define a block of type \"provisioner\"? @1:1"));
}

void TestBody::unsupportedBlock()
{
    auto body = parse("provisoner \"shell\" {\n}\nzzz {\n}\n");
    Diagnostics diags;
    body->content(schema({}, {{QStringLiteral("provisioner"), {QStringLiteral("type")}}}), diags);
    QCOMPARE(describe(diags),
        QStringLiteral(
            "Unsupported block type | Blocks of type \"provisoner\" are not expected here. Did you "
            "mean "
            "\"provisioner\"? @1:1\n"
            "Unsupported block type | Blocks of type \"zzz\" are not expected here. @3:1"));
}

void TestBody::unsupportedBlockSuggestsArgument()
{
    auto body = parse("tags {\n}\n");
    Diagnostics diags;
    body->content(schema({{QStringLiteral("tags")}}), diags);
    QCOMPARE(describe(diags),
        QStringLiteral("Unsupported block type | Blocks of type \"tags\" are not expected here. "
                       "Did you mean to define "
                       "argument \"tags\"? If so, use the equals sign to assign it a value. @1:1"));
}

void TestBody::missingRequired()
{
    auto body = parse("source \"docker\" \"x\" {\n  commit = true\n}\n");
    Diagnostics diags;
    const auto &inner = *body->blocks[0].body;
    inner.content(schema({{QStringLiteral("image"), true}, {QStringLiteral("commit")}}), diags);
    QCOMPARE(describe(diags),
        QStringLiteral("Missing required argument | The argument \"image\" is required, but no "
                       "definition was found. @1:21"));
    QCOMPARE(diags.first().subject->start,
        diags.first().subject->end); // zero width, at the opening brace
}

void TestBody::labels()
{
    auto body = parse("source \"docker\" {\n}\nbuild \"x\" {\n}\nsource \"a\" \"b\" \"c\" {\n}\n");
    Diagnostics diags;
    BodyContent c = body->content(
        schema({},
            {{QStringLiteral("source"), {QStringLiteral("type"), QStringLiteral("name")}},
                {QStringLiteral("build"), {}}}),
        diags);
    QCOMPARE(describe(diags),
        QStringLiteral(
            "Missing name for source | All source blocks must have 2 labels (type, name). @1:17\n"
            "Extraneous label for build | No labels are expected for build blocks. @3:7\n"
            "Extraneous label for source | Only 2 labels (type, name) are expected for source "
            "blocks. @5:16"));
    QVERIFY(c.blocks.isEmpty());
    QVERIFY(diags[0].context.has_value());
}

void TestBody::partialContentRemain()
{
    auto body = parse("a = 1\nb = 2\nx {\n}\ny {\n}\n");
    Diagnostics diags;
    BodyPtr remain;
    BodyContent first = body->partialContent(
        schema({{QStringLiteral("a")}}, {{QStringLiteral("x"), {}}}), &remain, diags);
    QVERIFY(diags.isEmpty());
    QCOMPARE(first.attributes.size(), 1);
    QCOMPARE(first.blocks.size(), 1);
    QVERIFY(remain);
    // The remain body hides what was taken: asking for it again finds nothing,
    // and a required one is then reported missing.
    BodyContent second = remain->content(
        schema({{QStringLiteral("a"), true}, {QStringLiteral("b")}}, {{QStringLiteral("y"), {}}}),
        diags);
    QCOMPARE(second.attributes.size(), 1);
    QCOMPARE(second.attributes[0].name, QStringLiteral("b"));
    QCOMPARE(second.blocks.size(), 1);
    QCOMPARE(describe(diags),
        QStringLiteral("Missing required argument | The argument \"a\" is required, but no "
                       "definition was found. @1:1"));
    // Hidden items are not "unsupported" either.
    diags.clear();
    remain->content(schema({{QStringLiteral("b")}}, {{QStringLiteral("y"), {}}}), diags);
    QVERIFY2(diags.isEmpty(), qPrintable(describe(diags)));
    diags.clear();
    QCOMPARE(remain->justAttributes(diags).size(), 1);
}

void TestBody::justAttributes()
{
    auto body = parse("k1 = \"v\"\nk2 = 2\n");
    Diagnostics diags;
    QList<ContentAttribute> attrs = body->justAttributes(diags);
    QVERIFY(diags.isEmpty());
    QCOMPARE(attrs.size(), 2);
    QCOMPARE(attrs[1].name, QStringLiteral("k2"));

    auto withBlock = parse("k = 1\ninner {\n}\nother {\n}\n");
    withBlock->justAttributes(diags);
    QCOMPARE(describe(diags),
        QStringLiteral("Unexpected \"inner\" block | Blocks are not allowed here. @2:1"));
}

void TestBody::attributeRedefined()
{
    Diagnostics diags;
    File f = parseConfig("a = 1\nb = 2\na = 3\n", QStringLiteral("r.hcl"), diags);
    QCOMPARE(describe(diags),
        QStringLiteral("Attribute redefined | The argument \"a\" was already set at r.hcl:1,1-2. "
                       "Each argument may be set "
                       "only once. @3:1"));
    // The first definition wins.
    const auto *a = f.nativeBody()->attribute(QStringLiteral("a"));
    QVERIFY(a);
    QCOMPARE(a->range.start.line, 1);
    QCOMPARE(f.nativeBody()->attributes.size(), 2);
}

void TestBody::suggestionDistance()
{
    QCOMPARE(
        nameSuggestion(QStringLiteral("imag"), {QStringLiteral("image")}), QStringLiteral("image"));
    QCOMPARE(nameSuggestion(QStringLiteral("imgae"), {QStringLiteral("image")}),
        QStringLiteral("image"));
    QCOMPARE(nameSuggestion(QStringLiteral("img"), {QStringLiteral("image")}),
        QStringLiteral("image")); // two insertions
    QCOMPARE(nameSuggestion(QStringLiteral("im"), {QStringLiteral("image")}), QString());
    QCOMPARE(nameSuggestion(QStringLiteral("x"), {QStringLiteral("ab"), QStringLiteral("y")}),
        QStringLiteral("ab"));
    QCOMPARE(nameSuggestion(QStringLiteral("x"), {}), QString());
}

QTEST_GUILESS_MAIN(TestBody)
#include "tst_body.moc"

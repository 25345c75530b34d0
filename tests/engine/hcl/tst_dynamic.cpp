// Dynamic blocks (ext/dynblock): expansion over lists, sets, maps and objects,
// iterators, labels, nesting, unknown and sensitive for_each, partial decoding,
// and every dynblock diagnostic.

#include "EvalTestSupport.h"
#include "engine/hcl/eval/DynamicBody.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/eval/UnknownBody.h"

#include <QtTest>

using namespace kiln::hcl;
using namespace kiln::hcl::test;

namespace {

struct Parsed
{
    QByteArray src;
    File file;
};

Parsed parse(const QByteArray &src)
{
    Diagnostics diags;
    Parsed p{src, parseConfig(src, QStringLiteral("test.hcl"), diags)};
    if (diags.hasErrors())
        qWarning("parse error: %s", qPrintable(diagText(diags)));
    return p;
}

EvalContext makeContext()
{
    EvalContext ctx;
    QMap<QString, Value> var;
    var.insert(QStringLiteral("list"),
        Value::list({Value::string(QStringLiteral("x")), Value::string(QStringLiteral("y"))}));
    var.insert(QStringLiteral("map"),
        Value::map(
            {{QStringLiteral("k1"), Value::number(1)}, {QStringLiteral("k2"), Value::number(2)}}));
    var.insert(QStringLiteral("num"), Value::number(3));
    var.insert(QStringLiteral("nul"), Value::null(Type::list(Type::string())));
    var.insert(QStringLiteral("unk"), Value::unknown(Type::list(Type::string())));
    var.insert(QStringLiteral("secret"),
        Value::list({Value::string(QStringLiteral("s"))}).mark(Value::sensitiveMark()));
    var.insert(QStringLiteral("nested"),
        Value::tuple(
            {Value::object({{QStringLiteral("name"), Value::string(QStringLiteral("a"))},
                 {QStringLiteral("ports"), Value::tuple({Value::number(80), Value::number(443)})}}),
                Value::object({{QStringLiteral("name"), Value::string(QStringLiteral("b"))},
                    {QStringLiteral("ports"), Value::tuple({Value::number(22)})}})}));
    ctx.variables.insert(QStringLiteral("var"), Value::object(var));
    return ctx;
}

BodySchema thingSchema(QStringList labels = {QStringLiteral("name")})
{
    BodySchema s;
    s.blocks.append({QStringLiteral("thing"), labels});
    return s;
}

BodySchema attrsSchema(const QStringList &names)
{
    BodySchema s;
    for (const QString &n : names)
        s.attributes.append({n, false});
    return s;
}

// Evaluates an attribute of a decoded body in the caller's own context.
QString attrValue(const BodyContent &content, const QString &name, const EvalContext &ctx)
{
    const ContentAttribute *a = content.attribute(name);
    if (!a)
        return QStringLiteral("<missing>");
    Diagnostics diags;
    const Value v = evaluate(a->expr, &ctx, diags);
    if (diags.hasErrors())
        return QStringLiteral("<error: ") + diagText(diags) + QLatin1Char('>');
    return render(v);
}

} // namespace

class TestDynamic : public QObject
{
    Q_OBJECT

private slots:
    void expandsWithLabels();
    void iteratorNameAndMaps();
    void nestedDynamicBlocks();
    void staticBlocksInsideContent();
    void unknownForEach();
    void sensitiveForEach();
    void partialContentKeepsExpanding();
    void errors_data();
    void errors();
};

void TestDynamic::expandsWithLabels()
{
    const Parsed p = parse(R"(
thing "static" {
  name = "s"
}
dynamic "thing" {
  for_each = var.list
  labels   = ["t-${thing.value}"]
  content {
    name  = thing.value
    index = thing.key
  }
}
)");
    const EvalContext ctx = makeContext();
    const BodyPtr body = DynamicBody::expand(p.file.body, &ctx);
    Diagnostics diags;
    const BodyContent c = body->content(thingSchema(), diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(c.blocks.size(), 3);
    QCOMPARE(c.blocks[0].labels, QStringList{"static"});
    QCOMPARE(c.blocks[1].labels, QStringList{"t-x"});
    QCOMPARE(c.blocks[2].labels, QStringList{"t-y"});
    QCOMPARE(c.blocks[1].type, QStringLiteral("thing"));
    // Generated blocks point at the dynamic block: its header, its type label,
    // and each label expression.
    QCOMPARE(rangeText(p.src, c.blocks[1].typeRange), QStringLiteral("\"thing\""));
    QCOMPARE(rangeText(p.src, c.blocks[1].defRange), QStringLiteral("dynamic \"thing\""));
    QCOMPARE(
        rangeText(p.src, c.blocks[2].labelRanges.value(0)), QStringLiteral("\"t-${thing.value}\""));

    // The content sees the iterator even when evaluated in a context without it.
    const EvalContext plain = makeContext();
    const BodyContent inner = c.blocks[2].body->content(attrsSchema({"name", "index"}), diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(attrValue(inner, "name", plain), QStringLiteral("\"y\""));
    QCOMPARE(attrValue(inner, "index", plain), QStringLiteral("1"));
    const BodyContent first = c.blocks[0].body->content(attrsSchema({"name"}), diags);
    QCOMPARE(attrValue(first, "name", plain), QStringLiteral("\"s\""));
}

void TestDynamic::iteratorNameAndMaps()
{
    const Parsed p = parse(R"(
dynamic "thing" {
  for_each = var.map
  iterator = it
  labels   = [it.key]
  content {
    v = it.value * 10
    # The block-type name is not an iterator when `iterator` is set.
    w = [for thing in [1]: thing + it.value]
  }
}
)");
    const EvalContext ctx = makeContext();
    Diagnostics diags;
    const BodyContent c = DynamicBody::expand(p.file.body, &ctx)->content(thingSchema(), diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(c.blocks.size(), 2);
    QCOMPARE(c.blocks[0].labels, QStringList{"k1"});
    const BodyContent b2 = c.blocks[1].body->content(attrsSchema({"v", "w"}), diags);
    QCOMPARE(attrValue(b2, "v", ctx), QStringLiteral("20"));
    QCOMPARE(attrValue(b2, "w", ctx), QStringLiteral("[3]"));
}

void TestDynamic::nestedDynamicBlocks()
{
    const Parsed p = parse(R"(
dynamic "svc" {
  for_each = var.nested
  content {
    name = svc.value.name
    dynamic "port" {
      for_each = svc.value.ports
      content {
        id = "${svc.value.name}:${port.value}"
      }
    }
  }
}
)");
    const EvalContext ctx = makeContext();
    BodySchema outer;
    outer.blocks.append({QStringLiteral("svc"), {}});
    BodySchema svc = attrsSchema({"name"});
    svc.blocks.append({QStringLiteral("port"), {}});
    Diagnostics diags;
    const BodyContent c = DynamicBody::expand(p.file.body, &ctx)->content(outer, diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(c.blocks.size(), 2);
    QStringList ids;
    for (const ContentBlock &b : c.blocks) {
        const BodyContent sc = b.body->content(svc, diags);
        QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
        for (const ContentBlock &port : sc.blocks)
            ids.append(attrValue(port.body->content(attrsSchema({"id"}), diags), "id", ctx));
    }
    QCOMPARE(ids, (QStringList{"\"a:80\"", "\"a:443\"", "\"b:22\""}));
}

void TestDynamic::staticBlocksInsideContent()
{
    const Parsed p = parse(R"(
dynamic "thing" {
  for_each = ["only"]
  labels   = ["l"]
  content {
    inner {
      v = upper_is_not_needed_here(thing.value)
      w = thing.value
    }
  }
}
)");
    const EvalContext ctx = makeContext();
    Diagnostics diags;
    const BodyContent c = DynamicBody::expand(p.file.body, &ctx)->content(thingSchema(), diags);
    QCOMPARE(c.blocks.size(), 1);
    BodySchema s;
    s.blocks.append({QStringLiteral("inner"), {}});
    const BodyContent thing = c.blocks[0].body->content(s, diags);
    QCOMPARE(thing.blocks.size(), 1);
    const BodyContent inner = thing.blocks[0].body->content(attrsSchema({"v", "w"}), diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(attrValue(inner, "w", ctx), QStringLiteral("\"only\""));
    // Other references are still evaluated in the caller's context.
    QVERIFY(attrValue(inner, "v", ctx).contains(QStringLiteral("Function calls not allowed")));
}

void TestDynamic::unknownForEach()
{
    const Parsed p = parse(R"(
dynamic "thing" {
  for_each = var.unk
  labels   = ["fixed"]
  content {
    a = thing.value
    sub {
      b = 1
    }
  }
}
)");
    const EvalContext ctx = makeContext();
    Diagnostics diags;
    const BodyContent c = DynamicBody::expand(p.file.body, &ctx)->content(thingSchema(), diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(c.blocks.size(), 1);
    QCOMPARE(c.blocks[0].labels, QStringList{"fixed"});
    auto unknown = std::dynamic_pointer_cast<const UnknownBody>(c.blocks[0].body);
    QVERIFY(unknown);
    BodySchema s = attrsSchema({"a"});
    s.blocks.append({QStringLiteral("sub"), {}});
    const BodyContent inner = unknown->content(s, diags);
    QCOMPARE(attrValue(inner, "a", ctx), QStringLiteral("?any"));
    QCOMPARE(inner.blocks.size(), 1);
    const BodyContent sub = inner.blocks[0].body->content(attrsSchema({"b"}), diags);
    QCOMPARE(attrValue(sub, "b", ctx), QStringLiteral("?any"));

    // A label that depends on the unknown element cannot be produced.
    const Parsed p2 = parse(R"(
dynamic "thing" {
  for_each = var.unk
  labels   = [thing.value]
  content {}
}
)");
    diags.clear();
    DynamicBody::expand(p2.file.body, &ctx)->content(thingSchema(), diags);
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].summary, QStringLiteral("Invalid dynamic block label"));
    QCOMPARE(diags[0].detail,
        QStringLiteral(
            "This value is not yet known. Dynamic block labels must be immediately-known values."));
    QCOMPARE(rangeText(p2.src, diags[0].subject), QStringLiteral("thing.value"));
}

void TestDynamic::sensitiveForEach()
{
    const Parsed p = parse(R"(
dynamic "thing" {
  for_each = var.secret
  labels   = ["l"]
  content {
    a = thing.value
    b = "constant"
  }
}
)");
    const EvalContext ctx = makeContext();
    Diagnostics diags;
    const BodyPtr body = DynamicBody::expand(p.file.body, &ctx);
    const BodyContent c = body->content(thingSchema(), diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(c.blocks.size(), 1);
    auto generated = std::dynamic_pointer_cast<const DynamicBody>(c.blocks[0].body);
    QVERIFY(generated);
    QCOMPARE(generated->valueMarks(), QSet<QString>{Value::sensitiveMark()});
    const BodyContent inner = c.blocks[0].body->content(attrsSchema({"a", "b"}), diags);
    // Everything generated from a sensitive collection is sensitive.
    QCOMPARE(attrValue(inner, "a", ctx), QStringLiteral("\"s\"!"));
    QCOMPARE(attrValue(inner, "b", ctx), QStringLiteral("\"constant\"!"));

    // ...and so cannot name a block.
    const Parsed p2 = parse(R"(
dynamic "thing" {
  for_each = var.secret
  labels   = [thing.value]
  content {}
}
)");
    diags.clear();
    const BodyContent c2 = DynamicBody::expand(p2.file.body, &ctx)->content(thingSchema(), diags);
    QCOMPARE(
        c2.blocks.size(), 1); // the collection's own mark is lifted; its elements are not marked
    QVERIFY(!diags.hasErrors());
}

void TestDynamic::partialContentKeepsExpanding()
{
    const Parsed p = parse(R"(
top = 1
dynamic "a" {
  for_each = [1, 2]
  content {
    v = a.value
  }
}
dynamic "b" {
  for_each = ["x"]
  content {
    v = b.value
  }
}
)");
    const EvalContext ctx = makeContext();
    Diagnostics diags;
    BodySchema first;
    first.blocks.append({QStringLiteral("a"), {}});
    BodyPtr remain;
    const BodyContent c1
        = DynamicBody::expand(p.file.body, &ctx)->partialContent(first, &remain, diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(c1.blocks.size(), 2); // "b" is left for later, without complaint
    QVERIFY(remain);

    BodySchema second = attrsSchema({"top"});
    second.blocks.append({QStringLiteral("b"), {}});
    const BodyContent c2 = remain->content(second, diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(c2.blocks.size(), 1);
    QCOMPARE(c2.blocks[0].type, QStringLiteral("b"));
    QCOMPARE(attrValue(c2.blocks[0].body->content(attrsSchema({"v"}), diags), "v", ctx),
        QStringLiteral("\"x\""));
    QCOMPARE(attrValue(c2, "top", ctx), QStringLiteral("1"));

    // The "a" blocks were consumed: asking for them again from the remainder
    // yields nothing, as with hcl's hidden blocks.
    BodySchema again = second;
    again.blocks.append({QStringLiteral("a"), {}});
    const BodyContent c3 = remain->content(again, diags);
    QCOMPARE(c3.blocks.size(), 1);
}

void TestDynamic::errors_data()
{
    QTest::addColumn<QString>("src");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("subject");
    auto row = [](const char *name, const char *body, const char *summary, const char *detail,
                   const char *subject) {
        QTest::newRow(name) << QString::fromUtf8(body) << QString::fromUtf8(summary)
                            << QString::fromUtf8(detail) << QString::fromUtf8(subject);
    };
    row("not iterable",
        "dynamic \"thing\" {\n  for_each = var.num\n  labels = [\"a\"]\n  content {}\n}\n",
        "Invalid dynamic for_each value",
        "Cannot use a number value in for_each. An iterable collection is required.", "var.num");
    row("null", "dynamic \"thing\" {\n  for_each = var.nul\n  labels = [\"a\"]\n  content {}\n}\n",
        "Invalid dynamic for_each value", "Cannot use a null value in for_each.", "var.nul");
    row("no content", "dynamic \"thing\" {\n  for_each = var.list\n  labels = [\"a\"]\n}\n",
        "Missing dynamic content block",
        "A dynamic block must have a nested block of type \"content\" to describe the body of each "
        "generated block.",
        "");
    row("two contents",
        "dynamic \"thing\" {\n  for_each = var.list\n  labels = [\"a\"]\n  content {}\n  content "
        "{}\n}\n",
        "Extraneous dynamic content block",
        "Only one nested content block is allowed for each dynamic block.", "content");
    row("extra label",
        "dynamic \"thing\" {\n  for_each = var.list\n  labels = [\"a\", \"b\"]\n  content {}\n}\n",
        "Extraneous dynamic block label", "Blocks of type \"thing\" require 1 label(s).", "\"b\"");
    row("missing label",
        "dynamic \"thing\" {\n  for_each = var.list\n  labels = []\n  content {}\n}\n",
        "Insufficient dynamic block labels", "Blocks of type \"thing\" require 1 label(s).", "[]");
    row("labels not a list",
        "dynamic \"thing\" {\n  for_each = var.list\n  labels = var.list\n  content {}\n}\n",
        "Invalid expression", "A static list expression is required.", "var.list");
    row("labels required", "dynamic \"thing\" {\n  for_each = var.list\n  content {}\n}\n",
        "Missing required argument",
        "The argument \"labels\" is required, but no definition was found.", "");
    row("unsupported type", "dynamic \"other\" {\n  for_each = var.list\n  content {}\n}\n",
        "Unsupported block type", "Blocks of type \"other\" are not expected here.", "\"other\"");
    row("bad iterator",
        "dynamic \"thing\" {\n  for_each = var.list\n  iterator = a.b\n  labels = [\"x\"]\n  "
        "content {}\n}\n",
        "Invalid dynamic iterator name", "Dynamic iterator must be a single variable name.", "a.b");
    row("iterator not a name",
        "dynamic \"thing\" {\n  for_each = var.list\n  iterator = \"it\"\n  labels = [\"x\"]\n  "
        "content {}\n}\n",
        "Invalid expression",
        "A single static variable reference is required: only attribute access and indexing with "
        "constant keys. No calculations, function calls, template expressions, etc are allowed "
        "here.",
        "\"it\"");
    row("null label",
        "dynamic \"thing\" {\n  for_each = var.list\n  labels = [null]\n  content {}\n}\n",
        "Invalid dynamic block label", "Cannot use a null value as a dynamic block label.", "null");
    row("list label",
        "dynamic \"thing\" {\n  for_each = var.list\n  labels = [var.list]\n  content {}\n}\n",
        "Invalid dynamic block label",
        "Cannot use this value as a dynamic block label: string required.", "var.list");
    row("for_each error",
        "dynamic \"thing\" {\n  for_each = var.nope\n  labels = [\"a\"]\n  content {}\n}\n",
        "Unsupported attribute", "This object does not have an attribute named \"nope\".", ".nope");
}

void TestDynamic::errors()
{
    QFETCH(QString, src);
    QFETCH(QString, summary);
    QFETCH(QString, detail);
    QFETCH(QString, subject);
    const Parsed p = parse(src.toUtf8());
    const EvalContext ctx = makeContext();
    Diagnostics diags;
    const BodyContent c = DynamicBody::expand(p.file.body, &ctx)->content(thingSchema(), diags);
    QVERIFY(diags.hasErrors());
    QCOMPARE(diags[0].summary, summary);
    QCOMPARE(diags[0].detail, detail);
    if (!subject.isEmpty())
        QCOMPARE(rangeText(p.src, diags[0].subject), subject);
    QVERIFY(c.blocks.isEmpty());
}

QTEST_APPLESS_MAIN(TestDynamic)
#include "tst_dynamic.moc"

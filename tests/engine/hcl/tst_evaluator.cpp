// The expression evaluator against hashicorp/hcl's semantics: every expression
// kind, unknown/null/mark propagation. Its diagnostics are tst_evaluatordiagnostics.

#include "EvalTestContext.h"
#include "EvalTestSupport.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/eval/TraversalOps.h"

#include <QtTest>

using namespace kiln::hcl;
using namespace kiln::hcl::test;

class TestEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void values_data();
    void values();
    void nilContext();
    void forSymbolsShadowAndStayLocal();
    void traversalOpsDirect();
};

void TestEvaluator::values_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name, const char *expr, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(expr) << QString::fromUtf8(expected);
    };
    // literals and templates
    row("number", "1.5", "1.5");
    row("template", R"("a${str}b")", R"("ahellob")");
    row("template wrap keeps type", R"("${num}")", "5");
    row("template converts", R"("x${num}${true}")", R"("x5true")");
    row("template unknown", R"("a${unk}")", "?string");
    row("template sensitive", R"("a${secret}")", R"("apw"!)");
    row("template for", R"("%{for x in list}${x}-%{endfor}")", R"("a-b-c-")");
    row("template if", R"("%{if num > 3}big%{else}small%{endif}")", R"("big")");
    row("template for unknown", R"("%{for x in unklist}${x}%{endfor}")", "?string");
    // A sensitive collection is unmarked into a new value before its elements are
    // iterated (ASan caught the iteration over a destroyed one).
    row("template for sensitive", R"("%{for x in secretlist}${x}-%{endfor}")", R"("p-q-"!)");
    row("expansion of sensitive", R"(concat("+", secretlist...))", R"("p+q"!)");
    row("heredoc", "<<EOT\nhi ${str}\nEOT\n", "\"hi hello\n\"");
    // traversals and indexes
    row("attr", "obj.name", R"("x")");
    row("index string on object", R"(obj["port"])", "22");
    row("list index", "list[1]", R"("b")");
    row("list index from string", R"(list["2"])", R"("c")");
    row("legacy index", "list.0", R"("a")");
    row("tuple index", "tup[2]", "true");
    row("map attr", "map.a", "1");
    row("map index", R"(map["b"])", "2");
    row("dynamic traversal", "dyn.x[0].y", "?any");
    row("unknown list element", "unklist[0]", "?string");
    row("unknown key", "list[unknum]", "?string");
    row("unknown tuple key", "tup[unknum]", "?any");
    row("sensitive element", "secretlist[0]", R"("p"!)");
    row("computed index", "list[num - 4]", R"("b")");
    row("relative traversal", "[obj][0].name", R"("x")");
    // splats
    row("splat attr", "objs[*].n", "list[1, 2]");
    row("legacy splat attr", "objs.*.n", "list[1, 2]");
    row("splat tuple", "tup[*]", R"(["a", 1, true])");
    row("splat null", "nul[*]", "[]");
    row("splat scalar", "str[*]", R"(["hello"])");
    row("splat object attr", "obj[*].name", R"(["x"])");
    row("splat unknown scalar", "unk[*]", "?any");
    row("splat unknown list", "unklist[*]", "?list(string)");
    row("splat empty list", "empty[*]", "list[]");
    row("splat set", "set[*]", R"(list["x", "y"])");
    row("splat sensitive", "secretlist[*]", R"(list["p", "q"]!)");
    // for expressions
    row("for tuple", "[for x in list: upper(x)]", R"(["A", "B", "C"])");
    row("for index", R"([for i, x in list: i if x != "b"])", "[0, 2]");
    row("for object", "{for k, v in map: k => v * 2}", "{a=2, b=4}");
    row("for group", R"({for x in ["a", "a", "b"]: x => 1...})", "{a=[1, 1], b=[1]}");
    row("for set key is value", "[for k, v in set: k]", R"(["x", "y"])");
    row("for object iteration", "[for k, v in obj: k]", R"(["name", "port"])");
    row("for unknown collection", "[for x in unklist: x]", "?any");
    row("for unknown condition", "[for x in list: x if unkbool]", "?any");
    row("for sensitive collection", "[for x in secretlist: x]", R"(["p", "q"]!)");
    row("for dynamic collection", "[for x in dyn: x]", "?any");
    // operators
    row("precedence", "1 + 2 * 3", "7");
    row("division", "10 / 4", "2.5");
    row("modulo", "7 % 3", "1");
    row("modulo negative dividend", "-7 % 3", "-1");
    row("modulo by zero", "5 % 0", "5");
    row("infinity compares", "1/0 > 1e300", "true");
    row("negative infinity sign", "-1/0 < 0", "true");
    row("string operand", R"("1" + 2)", "3");
    row("equal", "1 == 1", "true");
    row("equal types differ", R"("1" == 1)", "false");
    row("equal null", "null == null", "true");
    row("list vs tuple", R"(list == ["a", "b", "c"])", "false");
    row("not equal", R"(str != "hello")", "false");
    row("compare", "num >= 5", "true");
    row("and short circuit", "false && unkbool", "false");
    row("and unknown", "true && unkbool", "?bool");
    row("or short circuit", "true || unkbool", "true");
    row("or unknown", "false || unkbool", "?bool");
    row("not", "!true", "false");
    row("negate", "-num", "-5");
    row("arith unknown", "num + unknum", "?number");
    row("equal unknown", "num == unknum", "?bool");
    row("sensitive comparison", R"(secret == "pw")", "true!");
    // conditionals
    row("cond unify", R"(true ? 1 : "a")", R"("1")");
    row("cond false", R"(false ? 1 : "a")", R"("a")");
    row("cond null branch", "true ? null : 1", "null:number");
    row("cond unknown", "unkbool ? 1 : 2", "?number");
    row("cond unknown both null", "unkbool ? null : null", "null");
    row("cond sensitive condition", R"(secret == "pw" ? "a" : "b")", R"("a"!)");
    row("cond sensitive other branch", R"(true ? "a" : secret)", R"("a"!)");
    row("cond string condition", R"("true" ? 1 : 2)", "1");
    row("cond dynamic branch", "false ? dyn : 3", "3");
    row("cond objects unify to map", "true ? {a = 1} : {b = 1}", "map{a=1}");
    row("cond tuples unify to list", "false ? [1] : [1, 2]", "list[1, 2]");
    // constructors
    row("object", R"({a = 1, "b" = 2})", "{a=1, b=2}");
    row("object key expr", "{(str) = 1}", "{hello=1}");
    row("object keyword key", "{null = 1, true = 2}", "{null=1, true=2}");
    row("object duplicate key last wins", "{a = 1, a = 2}", "{a=2}");
    row("object unknown key", "{(unk) = 1}", "?any");
    row("object number key", "{(num) = 1}", "{5=1}");
    row("object sensitive key", "{(secret) = 1}", "{pw=1}!");
    row("tuple", R"([1, "a", null])", R"([1, "a", null])");
    row("parentheses", "(1 + 2) * 3", "9");
    // function calls
    row("call", R"(upper("a"))", R"("A")");
    row("call converts", "upper(1)", R"("1")");
    row("call variadic", R"(concat("-", "a", "b"))", R"("a-b")");
    row("call expand", R"(concat("-", list...))", R"("a-b-c")");
    row("call expand tuple", R"(concat("-", ["x", 1]...))", R"("x-1")");
    row("call expand unknown", R"(concat("-", unklist...))", "?any");
    row("call unknown arg", "upper(unk)", "?string");
    row("call sensitive arg", "upper(secret)", R"("PW"!)");
    row("call expr impl", R"(firstok(nope, obj.nope, "third"))", R"("third")");
}

void TestEvaluator::values()
{
    QFETCH(QString, expr);
    QFETCH(QString, expected);
    const QByteArray src = expr.toUtf8();
    const ExprPtr e = parseExpr(src);
    QVERIFY(e);
    const EvalContext ctx = testContext();
    Diagnostics diags;
    const Value v = evaluate(e, &ctx, diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(render(v), expected);
}


void TestEvaluator::nilContext()
{
    Diagnostics diags;
    const QByteArray src = "var.x";
    Value v = evaluate(parseExpr(src), nullptr, diags);
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].summary, QStringLiteral("Variables not allowed"));
    QCOMPARE(diags[0].detail, QStringLiteral("Variables may not be used here."));
    QCOMPARE(rangeText(src, diags[0].subject), QStringLiteral("var"));
    QCOMPARE(render(v), QStringLiteral("?any"));

    diags.clear();
    const QByteArray call = "upper(\"a\")";
    evaluate(parseExpr(call), nullptr, diags);
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].summary, QStringLiteral("Function calls not allowed"));
    QCOMPARE(diags[0].detail, QStringLiteral("Functions may not be called here."));
    QCOMPARE(rangeText(call, diags[0].subject), QString::fromUtf8(call));

    // Literal-only expressions need no context, and for-expression symbols make
    // their own scope even without one.
    diags.clear();
    v = evaluate(parseExpr("[for x in [1, 2]: x * 2]"), nullptr, diags);
    QVERIFY(!diags.hasErrors());
    QCOMPARE(render(v), QStringLiteral("[2, 4]"));
    diags.clear();
    evaluate(parseExpr("[for x in [1]: y]"), nullptr, diags);
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].summary, QStringLiteral("Unknown variable"));
}

void TestEvaluator::forSymbolsShadowAndStayLocal()
{
    const EvalContext ctx = testContext();
    Diagnostics diags;
    // `str` inside the for is the element; outside it is the context's string.
    Value v = evaluate(
        parseExpr(R"([for str in list: str] == ["a", "b", "c"] && str == "hello")"), &ctx, diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(render(v), QStringLiteral("true"));
    // Nested for expressions see the outer symbol.
    v = evaluate(parseExpr("[for a in [1, 2]: [for b in [10]: a + b]]"), &ctx, diags);
    QVERIFY(!diags.hasErrors());
    QCOMPARE(render(v), QStringLiteral("[[11], [12]]"));
    // Unknown-variable suggestions include the for symbols in scope.
    diags.clear();
    evaluate(parseExpr("[for item in list: iten]"), &ctx, diags);
    QCOMPARE(diags.size(), 3); // once per element, as hcl
    QCOMPARE(diags[0].detail,
        QStringLiteral("There is no variable named \"iten\". Did you mean \"item\"?"));
}


void TestEvaluator::traversalOpsDirect()
{
    // The loader resolves references with these, outside any expression.
    EvalContext root;
    root.variables.insert(QStringLiteral("source"),
        Value::object({{QStringLiteral("docker"),
            Value::object({{QStringLiteral("ubuntu"), Value::string(QStringLiteral("img"))}})}}));
    EvalContext child = root.child();
    child.variables.insert(QStringLiteral("each"), Value::number(1));
    Diagnostics diags;
    const Traversal t = parseTraversalAbs("source.docker.ubuntu", QStringLiteral("t"), diags);
    QVERIFY(!diags.hasErrors());
    QCOMPARE(render(traverseAbsolute(t, &child, diags)), QStringLiteral("\"img\""));
    QVERIFY(!diags.hasErrors());

    // An empty context has no variables at all.
    const EvalContext empty;
    traverseAbsolute(t, &empty, diags);
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].summary, QStringLiteral("Variables not allowed"));

    diags.clear();
    const Value v = indexValue(
        Value::tuple({Value::number(1)}), Value::string(QStringLiteral("0")), SourceRange(), diags);
    QVERIFY(!diags.hasErrors());
    QCOMPARE(render(v), QStringLiteral("1"));
    // Key marks reach the element for sequences and maps.
    const Value marked = indexValue(Value::list({Value::number(7)}),
        Value::number(0).mark(Value::sensitiveMark()), SourceRange(), diags);
    QCOMPARE(render(marked), QStringLiteral("7!"));
    QCOMPARE(render(getAttribute(Value::unknown(Type::map(Type::number())), QStringLiteral("k"),
                 SourceRange(), diags)),
        QStringLiteral("?number"));
    QVERIFY(!diags.hasErrors());
}

QTEST_APPLESS_MAIN(TestEvaluator)
#include "tst_evaluator.moc"

// The expression evaluator against hashicorp/hcl's semantics: every expression
// kind, unknown/null/mark propagation, and each diagnostic's exact wording and
// range (stated as the source text the subject covers).

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
    void errors_data();
    void errors();
    void nilContext();
    void forSymbolsShadowAndStayLocal();
    void diagnosticContextRanges();
    void operatorDiagnosticsKeepOtherSide();
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

void TestEvaluator::errors_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("subject");

    auto row = [](const char *name, const char *expr, const char *summary, const char *detail,
                   const char *subject) {
        QTest::newRow(name) << QString::fromUtf8(expr) << QString::fromUtf8(summary)
                            << QString::fromUtf8(detail) << QString::fromUtf8(subject);
    };
    const char *invIdx = "Invalid index";
    const char *notId = "The given key does not identify an element in this collection value";
    // variables and attributes
    row("unknown variable", "nope", "Unknown variable", R"(There is no variable named "nope".)",
        "nope");
    row("did you mean", "lst[0]", "Unknown variable",
        R"(There is no variable named "lst". Did you mean "list"?)", "lst");
    row("unsupported attribute", "obj.nope", "Unsupported attribute",
        R"(This object does not have an attribute named "nope".)", ".nope");
    row("missing map element", "map.z", "Missing map element",
        R"(This map does not have an element with the key "z".)", ".z");
    row("attr on primitive", "str.foo", "Unsupported attribute",
        "Can't access attributes on a primitive-typed value (string).", ".foo");
    row("attr on unknown primitive", "unk.foo", "Unsupported attribute",
        "Can't access attributes on a primitive-typed value (string).", ".foo");
    row("attr on list of objects", "objs.n", "Unsupported attribute",
        R"(Can't access attributes on a list of objects. Did you mean to access attribute "n" for a specific element of the list, or across all elements of the list?)",
        ".n");
    row("attr on list of objects absent", "objs.m", "Unsupported attribute",
        "Can't access attributes on a list of objects. Did you mean to access an attribute for a "
        "specific element of the list, or across all elements of the list?",
        ".m");
    row("attr on tuple", "tup.x", "Unsupported attribute",
        "This value does not have any attributes.", ".x");
    row("attr of null", "nul.x", "Attempt to get attribute from null value",
        "This value is null, so it does not have any attributes.", ".x");
    // indexes
    row("index null", "nul[0]", "Attempt to index null value",
        "This value is null, so it does not have any indices.", "[0]");
    row("index with null", "list[null]", invIdx, "Can't use a null value as an indexing key.",
        "[null]");
    row("index at length", "list[3]", invIdx,
        "The given key does not identify an element in this collection value: the given index is "
        "greater than or equal to the length of the collection.",
        "[3]");
    row("index past length", "list[7]", invIdx,
        "The given key does not identify an element in this collection value.", "[7]");
    row("index empty", "empty[0]", invIdx,
        "The given key does not identify an element in this collection value: the collection has "
        "no elements.",
        "[0]");
    row("index negative", "list[-1]", invIdx,
        "The given key does not identify an element in this collection value: a negative number is "
        "not a valid index for a sequence.",
        "[-1]");
    row("index fractional", "list[1.5]", invIdx,
        "The given key does not identify an element in this collection value: indexing a sequence "
        "requires a whole number, but the given index has a fractional part.",
        "[1.5]");
    row("index bad key type", R"(list["x"])", invIdx,
        "The given key does not identify an element in this collection value: a number is "
        "required.",
        R"(["x"])");
    row("index sensitive list past end", "secretlist[2]", invIdx,
        "The given key does not identify an element in this collection value.", "[2]");
    row("index tuple at length", "tup[3]", invIdx,
        "The given key does not identify an element in this collection value: the given index is "
        "greater than or equal to the length of the collection.",
        "[3]");
    row("index map missing", R"(map["z"])", invIdx,
        "The given key does not identify an element in this collection value.", R"(["z"])");
    row("index object by number", "obj[0]", invIdx,
        "The given key does not identify an element in this collection value. An object only "
        "supports looking up attributes by name, not by numeric index.",
        "[0]");
    row("index set", "set[0]", invIdx,
        "Elements of a set are identified only by their value and don't have any separate index or "
        "key to select with, so it's only possible to perform operations across all elements of "
        "the set.",
        "[0]");
    row("index string", "str[0]", invIdx, "This value does not have any indices.", "[0]");
    row("index expr", "list[str]", invIdx,
        "The given key does not identify an element in this collection value: a number is "
        "required.",
        "[str]");
    Q_UNUSED(notId);
    // templates
    row("template null", R"("${nul}x")", "Invalid template interpolation value",
        "The expression result is null. Cannot include a null value in a string template.", "nul");
    row("template list", R"("${list}x")", "Invalid template interpolation value",
        "Cannot include the given value in a string template: string required.", "list");
    // for expressions
    row("for null", "[for x in nul: x]", "Iteration over null value",
        "A null value cannot be used as the collection in a 'for' expression.", "nul");
    row("for number", "[for x in num: x]", "Iteration over non-iterable value",
        "A value of type number cannot be used as the collection in a 'for' expression.", "num");
    row("for duplicate key", R"({for x in ["a", "b", "a"]: x => 1})", "Duplicate object key",
        R"(Two different items produced the key "a" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.)",
        "x");
    row("for bad condition", "[for x in list: x if x]", "Invalid 'for' condition",
        "The 'if' clause value is invalid: a bool is required.", "x");
    row("for null condition", "[for x in list: x if null]", "Condition is null",
        "The value of the 'if' clause must not be null.", "null");
    row("for null key", "{for x in list: null => x}", "Invalid object key",
        "Key expression in 'for' expression must not produce a null value.", "null");
    row("for bad key", "{for x in list: [x] => x}", "Invalid object key",
        "The key expression produced an invalid result: string required.", "[x]");
    // operators
    row("bad left operand", R"("a" + 1)", "Invalid operand",
        "Unsuitable value for left operand: a number is required.", R"("a")");
    row("bad right operand", R"(1 * "b")", "Invalid operand",
        "Unsuitable value for right operand: a number is required.", R"("b")");
    row("null operand", "null + 1", "Operation failed",
        "Error during operation: argument must not be null.", "null + 1");
    row("null comparison", "num < null", "Operation failed",
        "Error during operation: argument must not be null.", "num < null");
    row("opposing infinities", "1/0 + -1/0", "Operation failed",
        "Error during operation: can't compute sum of opposing infinities.", "1/0 + -1/0");
    row("infinity minus itself", "1/0 - 1/0", "Operation failed",
        "Error during operation: can't subtract infinity from itself.", "1/0 - 1/0");
    row("zero times infinity", "0 * (1/0)", "Operation failed",
        "Error during operation: can't multiply zero by infinity.", "0 * (1/0)");
    row("zero over zero", "0/0", "Operation failed",
        "Error during operation: can't divide zero by zero or infinity by infinity.", "0/0");
    row("infinity modulo zero", "(1/0) % 0", "Operation failed",
        "Error during operation: can't use modulo with zero and infinity.", "(1/0) % 0");
    row("bad unary", "!1", "Invalid operand", "Unsuitable value for unary operand: bool required.",
        "1");
    row("bad and", "true && 1", "Invalid operand",
        "Unsuitable value for right operand: bool required.", "1");
    // conditionals
    row("cond inconsistent", "true ? 1 : [1]", "Inconsistent conditional result types",
        "The true and false result expressions must have consistent types. The 'true' value is "
        "number, but the 'false' value is tuple.",
        "1 : [1]");
    row("cond object attrs", "true ? {a = 1} : {b = [1]}", "Inconsistent conditional result types",
        R"(The true and false result expressions must have consistent types. The 'true' value includes object attribute "a", which is absent in the 'false' value.)",
        "{a = 1} : {b = [1]}");
    row("cond tuple length", "true ? [1] : [1, [2]]", "Inconsistent conditional result types",
        "The true and false result expressions must have consistent types. The 'true' tuple has "
        "length 1, but the 'false' tuple has length 2.",
        "[1] : [1, [2]]");
    row("cond null condition", "null ? 1 : 2", "Null condition",
        "The condition value is null. Conditions must either be true or false.", "null");
    row("cond bad condition", R"("x" ? 1 : 2)", "Incorrect condition type",
        "The condition expression must be of type bool.", R"("x")");
    // object constructors
    row("ambiguous key", "{a.b = 1}", "Ambiguous attribute key",
        "If this expression is intended to be a reference, wrap it in parentheses. If it's instead "
        "intended as a literal name containing periods, wrap it in quotes to create a string "
        "literal.",
        "a.b");
    row("null key", "{(nul) = 1}", "Null value as key", "Can't use a null value as a key.", "1");
    row("bad key", "{(list) = 1}", "Incorrect key type",
        "Can't use this value as a key: string required.", "(list)");
    // splats
    row("splat source error", "zzz[*].a", "Unknown variable",
        R"(There is no variable named "zzz".)", "zzz");
    // function calls
    row("unknown function", R"(uper("a"))", "Call to unknown function",
        R"(There is no function named "uper". Did you mean "upper"?)", "uper");
    row("unknown function far", "frobnicate()", "Call to unknown function",
        R"(There is no function named "frobnicate".)", "frobnicate");
    row("not enough args", "upper()", "Not enough function arguments",
        R"(Function "upper" expects 1 argument(s). Missing value for "str".)", ")");
    row("not enough args variadic", "concat()", "Not enough function arguments",
        R"(Function "concat" expects at least 1 argument(s). Missing value for "sep".)", ")");
    row("too many args", R"(upper("a", num))", "Too many function arguments",
        R"(Function "upper" expects only 1 argument(s).)", "num");
    row("bad argument", "upper([1])", "Invalid function argument",
        R"(Invalid value for "str" parameter: string required.)", "[");
    row("expand non-list", R"(concat("-", num...))", "Invalid expanding argument value",
        "The expanding argument (indicated by ...) must be of a tuple, list, or set type.", "num");
    row("expand null", R"(concat("-", nul...))", "Invalid expanding argument value",
        "The expanding argument (indicated by ...) must not be null.", "nul");
    row("function error", R"(fail("boom"))", "Error in function call",
        R"(Call to function "fail" failed: boom.)", "fail(");
    row("function arg error", R"(badarg("x"))", "Invalid function argument",
        R"(Invalid value for "a" parameter: bad thing.)",
        "x"); // a template starts at its first part
}

void TestEvaluator::errors()
{
    QFETCH(QString, expr);
    QFETCH(QString, summary);
    QFETCH(QString, detail);
    QFETCH(QString, subject);
    const QByteArray src = expr.toUtf8();
    const ExprPtr e = parseExpr(src);
    QVERIFY(e);
    const EvalContext ctx = testContext();
    Diagnostics diags;
    evaluate(e, &ctx, diags);
    QVERIFY2(diags.hasErrors(), qPrintable(expr));
    QCOMPARE(diags.first().summary, summary);
    QCOMPARE(diags.first().detail, detail);
    QCOMPARE(rangeText(src, diags.first().subject), subject);
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

void TestEvaluator::diagnosticContextRanges()
{
    const EvalContext ctx = testContext();
    Diagnostics diags;
    QByteArray src = R"(true ? 1 : [1])";
    evaluate(parseExpr(src), &ctx, diags);
    QCOMPARE(rangeText(src, diags[0].context), QString::fromUtf8(src));

    diags.clear();
    src = "[for x in num: x]";
    evaluate(parseExpr(src), &ctx, diags);
    QCOMPARE(rangeText(src, diags[0].context), QString::fromUtf8(src));

    diags.clear();
    src = "upper(1, 2)";
    evaluate(parseExpr(src), &ctx, diags);
    QCOMPARE(rangeText(src, diags[0].context), QString::fromUtf8(src));

    diags.clear();
    src = R"("a${nul}")";
    evaluate(parseExpr(src), &ctx, diags);
    QCOMPARE(rangeText(src, diags[0].context), QString::fromUtf8(src));

    // Multi-line sources: ranges carry lines and columns as well as bytes.
    diags.clear();
    src = "[\n  obj.nope,\n]";
    evaluate(parseExpr(src), &ctx, diags);
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].subject->start.line, 2);
    QCOMPARE(diags[0].subject->start.column, 6);
    QCOMPARE(diags[0].subject->end.column, 11);
}

void TestEvaluator::operatorDiagnosticsKeepOtherSide()
{
    const EvalContext ctx = testContext();
    Diagnostics diags;
    // A controlling true on the left decides `||`: as in hcl, only the left
    // side's diagnostics are kept, so the unknown variable on the right is not
    // reported.
    Value v = evaluate(parseExpr("true || nope"), &ctx, diags);
    QVERIFY2(diags.isEmpty(), qPrintable(diagText(diags)));
    QCOMPARE(render(v), QStringLiteral("true"));
    // A controlling false on the right keeps the right side's (none) only.
    v = evaluate(parseExpr("nope && false"), &ctx, diags);
    QVERIFY2(diags.isEmpty(), qPrintable(diagText(diags)));
    QCOMPARE(render(v), QStringLiteral("false"));

    // Errors in both operands are all reported.
    diags.clear();
    evaluate(parseExpr("nope + obj.nope"), &ctx, diags);
    QCOMPARE(diags.size(), 2);
    QCOMPARE(diags[0].summary, QStringLiteral("Unknown variable"));
    QCOMPARE(diags[1].summary, QStringLiteral("Unsupported attribute"));

    // Conditionals report only the chosen branch's problems.
    diags.clear();
    v = evaluate(parseExpr("false ? obj.nope : 1"), &ctx, diags);
    QVERIFY(!diags.hasErrors());
    QCOMPARE(render(v), QStringLiteral("1"));
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

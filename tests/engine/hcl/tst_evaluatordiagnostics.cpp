// The expression evaluator's diagnostics against hashicorp/hcl's: each one's exact
// wording and range (stated as the source text the subject covers).

#include "EvalTestContext.h"
#include "EvalTestSupport.h"
#include "engine/hcl/eval/Evaluator.h"

#include <QtTest>

using namespace kiln::hcl;
using namespace kiln::hcl::test;

class TestEvaluatorDiagnostics : public QObject
{
    Q_OBJECT

private slots:
    void errors_data();
    void errors();
    void diagnosticContextRanges();
    void operatorDiagnosticsKeepOtherSide();
};

void TestEvaluatorDiagnostics::errors_data()
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

void TestEvaluatorDiagnostics::errors()
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

void TestEvaluatorDiagnostics::diagnosticContextRanges()
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

void TestEvaluatorDiagnostics::operatorDiagnosticsKeepOtherSide()
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

QTEST_APPLESS_MAIN(TestEvaluatorDiagnostics)
#include "tst_evaluatordiagnostics.moc"

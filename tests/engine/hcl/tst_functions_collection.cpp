// Collection functions: chunklist coalesce coalescelist compact concat contains
// distinct element flatten index keys length lookup merge range reverse
// setintersection setproduct setunion slice sort values zipmap alltrue anytrue.

#include "FunctionTestSupport.h"

using namespace kiln::hcl;
using namespace kiln::hcl::functions::test;

class TestCollectionFunctions : public QObject
{
    Q_OBJECT
private slots:
    void cases_data()
    {
        addColumns();
        row("chunklist([\"a\", \"b\", \"c\", \"d\", \"e\"], 2)", "list[list[\"a\", \"b\"], list[\"c\", \"d\"], list[\"e\"]]");
        row("chunklist([\"a\", \"b\"], 0)", "list[list[\"a\", \"b\"]]");
        row("chunklist([\"a\"], -1)", "ERROR: Call to function \"chunklist\" failed: the size argument must be positive.");
        row("coalesce(\"a\", \"b\")", "\"a\"");
        row("coalesce(\"\", \"b\")", "\"b\"");
        row("coalesce(null, 1, 2)", "1");
        row("coalesce(1, \"two\")", "\"1\"");
        row("coalesce(null, \"\")", "ERROR: Call to function \"coalesce\" failed: no non-null, non-empty-string arguments.");
        row("coalesce([\"a\"], \"b\")", "ERROR: Call to function \"coalesce\" failed: all arguments must have the same type.");
        row("coalescelist([\"a\", \"b\"], [\"c\", \"d\"])", "[\"a\", \"b\"]");
        row("coalescelist([], [\"c\", \"d\"])", "[\"c\", \"d\"]");
        row("coalescelist(\"x\")", "ERROR: Call to function \"coalescelist\" failed: coalescelist arguments must be lists or tuples.");
        row("compact([\"a\", \"\", \"b\", null, \"c\"])", "list[\"a\", \"b\", \"c\"]");
        row("compact([\"\"])", "list[]");
        row("concat([\"a\", \"\"], [\"b\", \"c\"])", "[\"a\", \"\", \"b\", \"c\"]");
        row("concat([1], \"x\")", "ERROR: Invalid value for \"seqs\" parameter: all arguments must be lists or tuples; got string.");
        row("contains([\"a\", \"b\", \"c\"], \"a\")", "true");
        row("contains([\"a\", \"b\", \"c\"], \"d\")", "false");
        row("contains([1, 2], \"1\")", "false");
        row("contains(\"abc\", \"a\")", "ERROR: Call to function \"contains\" failed: argument must be list, tuple, or set.");
        row("distinct([\"a\", \"b\", \"a\", \"c\", \"d\", \"b\"])", "list[\"a\", \"b\", \"c\", \"d\"]");
        row("element([\"a\", \"b\", \"c\"], 1)", "\"b\"");
        row("element([\"a\", \"b\", \"c\"], 3)", "\"a\"");
        row("element([\"a\", \"b\", \"c\"], -1)", "\"c\"");
        row("element([], 0)", "ERROR: Call to function \"element\" failed: cannot use element function with an empty list.");
        row("element(\"abc\", 0)", "ERROR: Call to function \"element\" failed: cannot read elements from string.");
        row("flatten([[\"a\", \"b\"], [], [\"c\"]])", "[\"a\", \"b\", \"c\"]");
        row("flatten([[[\"a\", \"b\"], []], [\"c\"]])", "[\"a\", \"b\", \"c\"]");
        row("flatten(\"a\")", "ERROR: Call to function \"flatten\" failed: can only flatten lists, sets and tuples.");
        row("index([\"a\", \"b\", \"c\"], \"b\")", "1");
        row("index([\"a\"], \"z\")", "ERROR: Call to function \"index\" failed: item not found.");
        row("index([], \"z\")", "ERROR: Call to function \"index\" failed: cannot search an empty list.");
        row("index(\"abc\", \"a\")", "ERROR: Call to function \"index\" failed: argument must be a list or tuple.");
        row("keys({a = 1, c = 2, d = 3})", "[\"a\", \"c\", \"d\"]");
        row("keys({})", "[]");
        row("keys(\"x\")", "ERROR: Invalid value for \"inputMap\" parameter: must have map or object type.");
        row("length([])", "0");
        row("length([\"a\", \"b\"])", "2");
        row("length({\"a\" = \"b\"})", "1");
        row("length(\"hello\")", "5");
        row("length(\"🤔🤷\")", "2");
        row("length(1)", "ERROR: Call to function \"length\" failed: argument must be a string, a collection type, or a structural type.");
        row("lookup({a = \"ay\", b = \"bee\"}, \"a\", \"what?\")", "\"ay\"");
        row("lookup({a = \"ay\", b = \"bee\"}, \"c\", \"what?\")", "\"what?\"");
        row("lookup({a = \"ay\"}, \"c\")", "ERROR: Function \"lookup\" expects 3 argument(s). Missing value for \"default\".");
        row("lookup(\"x\", \"c\", 1)", "ERROR: Invalid value for \"inputMap\" parameter: lookup() requires a map as the first argument.");
        row("merge({a = \"b\", c = \"d\"}, {e = \"f\", c = \"z\"})", "{a=\"b\", c=\"z\", e=\"f\"}");
        row("merge({a = \"b\"}, {a = [1, 2], c = \"z\"}, {d = 3})", "{a=[1, 2], c=\"z\", d=3}");
        row("merge()", "{}");
        row("merge({a = 1}, null)", "{a=1}");
        row("merge({a = 1}, \"x\")", "ERROR: Call to function \"merge\" failed: arguments must be maps or objects, got \"string\".");
        row("range(3)", "list[0, 1, 2]");
        row("range(1, 4)", "list[1, 2, 3]");
        row("range(1, 8, 2)", "list[1, 3, 5, 7]");
        row("range(1, 4, 0.5)", "list[1, 1.5, 2, 2.5, 3, 3.5]");
        row("range(4, 1)", "list[4, 3, 2]");
        row("range(-3)", "list[0, -1, -2]");
        row("range(0)", "list[]");
        row("range(10, 5, 1)", "ERROR: Invalid value for \"params\" parameter: end must be greater than start when step is positive.");
        row("range(1, 5, -1)", "ERROR: Invalid value for \"params\" parameter: end must be less than start when step is negative.");
        row("range()", "ERROR: Call to function \"range\" failed: must have one, two, or three arguments.");
        row("range(2000)", "ERROR: Call to function \"range\" failed: more than 1024 values were generated; either decrease the difference between start and end or use a smaller step.");
        row("reverse([1, 2, 3])", "[3, 2, 1]");
        row("reverse(\"x\")", "ERROR: Invalid value for \"list\" parameter: can only reverse list or tuple values, not string.");
        row("setintersection([\"a\", \"b\"], [\"b\", \"c\"], [\"b\", \"d\"])", "set[\"b\"]");
        row("setunion([\"a\", \"b\"], [\"b\", \"c\"], [\"d\"])", "set[\"a\", \"b\", \"c\", \"d\"]");
        row("setproduct([\"development\", \"staging\"], [\"app1\", \"app2\"])",
            "list[[\"development\", \"app1\"], [\"development\", \"app2\"], [\"staging\", \"app1\"], [\"staging\", \"app2\"]]");
        row("setproduct([\"a\"], [])", "list[]");
        row("setproduct([\"a\"])", "ERROR: Call to function \"setproduct\" failed: at least two arguments are required.");
        row("setproduct([\"a\"], \"b\")", "ERROR: Invalid value for \"sets\" parameter: a set or a list is required.");
        row("slice([\"a\", \"b\", \"c\", \"d\"], 1, 3)", "[\"b\", \"c\"]");
        row("slice([\"a\", \"b\"], 2, 2)", "[]");
        row("slice([\"a\", \"b\"], 1, 3)", "ERROR: Invalid value for \"end_index\" parameter: end index must not be greater than the length of the list.");
        row("slice([\"a\", \"b\"], -1, 1)", "ERROR: Invalid value for \"start_index\" parameter: start index must not be less than zero.");
        row("slice([\"a\", \"b\"], 2, 1)", "ERROR: Invalid value for \"start_index\" parameter: start index must not be greater than end index.");
        row("values({a = 3, c = 2, d = 1})", "[3, 2, 1]");
        row("values(\"x\")", "ERROR: Call to function \"values\" failed: values() requires a map as the first argument.");
        row("zipmap([\"a\", \"b\"], [1, 2])", "{a=1, b=2}");
        row("zipmap([\"a\", \"b\"], [1])", "ERROR: Call to function \"zipmap\" failed: number of keys (2) does not match number of values (1).");
        row("zipmap([\"a\"], \"x\")", "ERROR: Call to function \"zipmap\" failed: values argument must be a list or tuple value.");
        row("alltrue([true, \"true\"])", "true");
        row("alltrue([true, false])", "false");
        row("alltrue([])", "true");
        row("anytrue([false, \"true\"])", "true");
        row("anytrue([])", "false");
        row("alltrue([\"x\"])", "ERROR: Invalid value for \"list\" parameter: a bool is required.");
    }
    void cases()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        const QString got = run(expr);
        if (expected == QLatin1String("PARSE ERROR"))
            QVERIFY(got.startsWith(QLatin1String("ERROR")) || got.startsWith(QLatin1String("PARSE ERROR")));
        else
            QCOMPARE(got, expected);
    }

    // Functions that take marks themselves keep them where cty keeps them.
    void marks()
    {
        const QMap<QString, Value> vars {
            {QStringLiteral("secret"), Value::string(QStringLiteral("pw")).mark(Value::sensitiveMark())},
            {QStringLiteral("m"), Value::object({{QStringLiteral("a"), Value::string(QStringLiteral("x"))}}).mark(Value::sensitiveMark())}};
        QCOMPARE(run(QStringLiteral("lookup(m, \"a\", \"d\")"), {}, vars), QStringLiteral("\"x\"!"));
        QCOMPARE(run(QStringLiteral("keys(m)"), {}, vars), QStringLiteral("[\"a\"]!"));
        QCOMPARE(run(QStringLiteral("length([secret])"), {}, vars), QStringLiteral("1!"));
        QCOMPARE(run(QStringLiteral("element([secret], 0)"), {}, vars), QStringLiteral("\"pw\"!"));
    }

    void unknowns()
    {
        const QMap<QString, Value> vars {{QStringLiteral("u"), Value::unknown(Type::list(Type::string()))},
                                         {QStringLiteral("d"), Value::dynamicUnknown()}};
        QCOMPARE(run(QStringLiteral("length(u)"), {}, vars), QStringLiteral("?number"));
        QCOMPARE(run(QStringLiteral("length(d)"), {}, vars), QStringLiteral("?number"));
        QCOMPARE(run(QStringLiteral("element(u, 0)"), {}, vars), QStringLiteral("?string"));
        QCOMPARE(run(QStringLiteral("compact(u)"), {}, vars), QStringLiteral("?list(string)"));
    }
};

QTEST_GUILESS_MAIN(TestCollectionFunctions)
#include "tst_functions_collection.moc"

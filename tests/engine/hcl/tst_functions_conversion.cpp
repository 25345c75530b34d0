// Conversion functions: can, try, convert; and Function::call's own rules.

#include "FunctionTestSupport.h"

using namespace kiln::hcl;
using namespace kiln::hcl::functions::test;

class TestConversionFunctions : public QObject
{
    Q_OBJECT
private slots:
    void cases_data()
    {
        addColumns();
        row("can(local.nope)", "false");
        row("can(1 + 1)", "true");
        row("can([\"a\"][1])", "false");
        row("try(local.nope, \"fallback\")", "\"fallback\"");
        row("try(\"first\", local.nope)", "\"first\"");
        row("try(tonumber(\"x\"), 2)", "2");
        row("convert(\"1\", number)", "1");
        row("convert([\"a\", \"b\"], set(string))", "set[\"a\", \"b\"]");
        row("convert({a = 1}, map(string))", "map{a=\"1\"}");
        row("convert(null, string)", "null:string");
        row("convert([1], string)", "ERROR: Invalid value for \"value\" parameter: string required.");
    }
    void cases()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        const QMap<QString, Value> vars {{QStringLiteral("local"), Value::emptyObject()}};
        QCOMPARE(run(expr, {}, vars), expected);
    }

    void tryReportsEveryFailure()
    {
        const QMap<QString, Value> vars {{QStringLiteral("local"), Value::emptyObject()}};
        const QString out = run(QStringLiteral("try(local.a, local.b)"), {}, vars);
        QVERIFY2(out.startsWith(QLatin1String("ERROR: Call to function \"try\" failed: no expression succeeded:\n- Unsupported attribute (at test.hcl:1,")),
                 qPrintable(out));
        QVERIFY(out.contains(QLatin1String("does not have an attribute named \"a\"")));
        QVERIFY(out.contains(QLatin1String("does not have an attribute named \"b\"")));
        QVERIFY(out.endsWith(QLatin1String("\n\nAt least one expression must produce a successful result.")));
    }

    void unknownsInCanAndTry()
    {
        const QMap<QString, Value> vars {{QStringLiteral("u"), Value::dynamicUnknown()}};
        QCOMPARE(run(QStringLiteral("can(u)"), {}, vars), QStringLiteral("?bool"));
        QCOMPARE(run(QStringLiteral("try(u, 1)"), {}, vars), QStringLiteral("?any"));
    }

    // Function::call directly: arity, conversion, null, unknown and marks.
    void callSemantics()
    {
        auto table = functions::standardFunctions(QStringLiteral("."));
        const Function &upper = table->value(QStringLiteral("upper"));
        FunctionError err;
        QCOMPARE(render(upper.call({Value::string(QStringLiteral("a"))}, err)), QStringLiteral("\"A\""));
        QVERIFY(!err.isSet());
        upper.call({}, err);
        QCOMPARE(err.message, QStringLiteral("wrong number of arguments (1 required; 0 given)"));
        upper.call({Value::emptyTuple()}, err);
        QCOMPARE(err.argIndex, 0);
        QCOMPARE(err.message, QStringLiteral("string required"));
        upper.call({Value::null(Type::string())}, err);
        QCOMPARE(err.message, QStringLiteral("argument must not be null"));
        QCOMPARE(render(upper.call({Value::unknown(Type::string())}, err)), QStringLiteral("?string"));
        QCOMPARE(render(upper.call({Value::string(QStringLiteral("s")).mark(Value::sensitiveMark())}, err)), QStringLiteral("\"S\"!"));
        const Function &join = table->value(QStringLiteral("join"));
        join.call({}, err);
        QCOMPARE(err.message, QStringLiteral("wrong number of arguments (at least 1 required; 0 given)"));
        QCOMPARE(render(upper.call({Value::dynamicUnknown()}, err)), QStringLiteral("?string"));
    }
};

QTEST_GUILESS_MAIN(TestConversionFunctions)
#include "tst_functions_conversion.moc"

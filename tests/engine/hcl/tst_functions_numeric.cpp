// Numeric functions: abs ceil floor log max min parseint pow signum sum.

#include "FunctionTestSupport.h"

using namespace kiln::hcl;
using namespace kiln::hcl::functions::test;

class TestNumericFunctions : public QObject
{
    Q_OBJECT
private slots:
    void cases_data()
    {
        addColumns();
        row("abs(-12.5)", "12.5");
        row("abs(3)", "3");
        row("abs(\"-4\")", "4");
        row("ceil(1.2)", "2");
        row("ceil(-1.2)", "-1");
        row("ceil(5)", "5");
        row("floor(1.8)", "1");
        row("floor(-1.2)", "-2");
        row("log(16, 2)", "4");
        row("log(10, 10)", "1");
        row("pow(3, 2)", "9");
        row("pow(4, 0.5)", "2");
        row("pow(2, -1)", "0.5");
        row("max(12, 54, 3)", "54");
        row("min(12, 54, 3)", "3");
        row("max([12, 54, 3]...)", "54");
        row("max()", "ERROR: Call to function \"max\" failed: must pass at least one number.");
        row("min(1, \"x\")", "ERROR: Invalid value for \"numbers\" parameter: a number is required.");
        row("signum(-13)", "-1");
        row("signum(0)", "0");
        row("signum(344)", "1");
        row("signum(1.5)", "ERROR: Call to function \"signum\" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807.");
        row("parseint(\"100\", 10)", "100");
        row("parseint(\"FF\", 16)", "255");
        row("parseint(\"-10\", 16)", "-16");
        row("parseint(\"1011111011101111\", 2)", "48879");
        row("parseint(\"aA\", 62)", "656");
        row("parseint(\"12\", 2)", "ERROR: Invalid value for \"number\" parameter: cannot parse \"12\" as a base 2 integer.");
        row("parseint(\"10\", 1)", "ERROR: Invalid value for \"base\" parameter: base must be a whole number between 2 and 62 inclusive.");
        row("parseint(10, 10)", "ERROR: Invalid value for \"number\" parameter: first argument must be a string, not number.");
        row("parseint(\"123456789012345678901234567890\", 10)", "123456789012345678901234567890");
        row("sum([10, 13, 6, 4.5])", "33.5");
        row("sum([])", "ERROR: Invalid value for \"list\" parameter: cannot sum an empty list.");
        row("sum(\"x\")", "ERROR: Invalid value for \"list\" parameter: cannot sum noniterable.");
        row("sum({a = 1})", "ERROR: Invalid value for \"list\" parameter: argument must be list, set, or tuple. Received object.");
        row("sum([\"a\"])", "ERROR: Invalid value for \"list\" parameter: argument must be list, set, or tuple of number values.");
        row("abs()", "ERROR: Function \"abs\" expects 1 argument(s). Missing value for \"num\".");
    }
    void cases()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        QCOMPARE(run(expr), expected);
    }

    // Unknown arguments give unknown results; sensitive ones stay sensitive.
    void unknownAndMarks()
    {
        QMap<QString, Value> vars {{QStringLiteral("u"), Value::unknown(Type::number())},
                                   {QStringLiteral("s"), Value::number(-5).mark(Value::sensitiveMark())}};
        QCOMPARE(run(QStringLiteral("abs(u)"), {}, vars), QStringLiteral("?number"));
        QCOMPARE(run(QStringLiteral("abs(s)"), {}, vars), QStringLiteral("5!"));
        QCOMPARE(run(QStringLiteral("max(s, 2)"), {}, vars), QStringLiteral("2!"));
    }
};

QTEST_GUILESS_MAIN(TestNumericFunctions)
#include "tst_functions_numeric.moc"

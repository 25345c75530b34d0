// String functions: chomp format formatlist indent join lower upper replace
// regex_replace regex regexall split strrev substr title trim trimprefix
// trimsuffix trimspace startswith endswith strcontains.

#include "FunctionTestSupport.h"

using namespace kiln::hcl;
using namespace kiln::hcl::functions::test;

class TestStringFunctions : public QObject
{
    Q_OBJECT
private slots:
    void basics_data()
    {
        addColumns();
        row("chomp(\"hello\\n\")", "\"hello\"");
        row("chomp(\"hello\\r\\n\\n\")", "\"hello\"");
        row("chomp(\"hello\\n world\")", "\"hello\n world\"");
        row("indent(2, \"[\\n  foo,\\n  bar,\\n]\")", "\"[\n    foo,\n    bar,\n  ]\"");
        row("join(\", \", [\"foo\", \"bar\", \"baz\"])", "\"foo, bar, baz\"");
        row("join(\"-\", [\"a\"], [\"b\", \"c\"])", "\"a-b-c\"");
        row("join(\",\", [])", "\"\"");
        row("join(\",\")", "ERROR: Call to function \"join\" failed: at least one list is required.");
        row("join(\",\", [\"a\", null])", "ERROR: Invalid value for \"lists\" parameter: element 1 is null; cannot concatenate null values.");
        row("lower(\"HELLO\")", "\"hello\"");
        row("upper(\"hello ÄÖ\")", "\"HELLO ÄÖ\"");
        row("replace(\"1 + 2 + 3\", \"+\", \"-\")", "\"1 - 2 - 3\"");
        row("replace(\"abc\", \"\", \"-\")", "\"-a-b-c-\"");
        row("split(\",\", \"foo,bar,baz\")", "list[\"foo\", \"bar\", \"baz\"]");
        row("split(\",\", \"foo\")", "list[\"foo\"]");
        row("split(\",\", \"\")", "list[\"\"]");
        row("split(\"\", \"ab\")", "list[\"a\", \"b\"]");
        row("strrev(\"hello\")", "\"olleh\"");
        row("strrev(\"e\u0301x\")", "\"x\u00e9\"");
        row("substr(\"hello world\", 1, 4)", "\"ello\"");
        row("substr(\"hello world\", -5, -1)", "\"world\"");
        row("substr(\"hello world\", 6, 100)", "\"world\"");
        row("substr(\"hello\", 10, 1)", "\"\"");
        row("substr(\"hello\", -1, 0)", "\"o\"");
        row("substr(\"hello\", 1, 0)", "\"\"");
        row("substr(\"🤔🤷\", 0, 1)", "\"🤔\"");
        row("title(\"hello world-wide web_x\")", "\"Hello World-Wide Web_x\"");
        row("trim(\"?!hello?!\", \"!?\")", "\"hello\"");
        row("trimprefix(\"helloworld\", \"hello\")", "\"world\"");
        row("trimprefix(\"helloworld\", \"cat\")", "\"helloworld\"");
        row("trimsuffix(\"helloworld\", \"world\")", "\"hello\"");
        row("trimspace(\"  hello\\n\\t\")", "\"hello\"");
        row("startswith(\"hello world\", \"hello\")", "true");
        row("startswith(\"hello world\", \"world\")", "false");
        row("endswith(\"hello world\", \"world\")", "true");
        row("strcontains(\"hello world\", \"o w\")", "true");
        row("strcontains(\"hello world\", \"x\")", "false");
        row("upper(1)", "\"1\"");
        row("upper([1])", "ERROR: Invalid value for \"str\" parameter: string required.");
        row("upper(null)", "ERROR: Invalid value for \"str\" parameter: argument must not be null.");
        row("sort([\"b\", \"a\", \"c\", \"B\"])", "list[\"B\", \"a\", \"b\", \"c\"]");
        row("sort([])", "list[]");
    }
    void basics()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        QCOMPARE(run(expr), expected);
    }

    void format_data()
    {
        addColumns();
        row("format(\"Hello, %s!\", \"Ander\")", "\"Hello, Ander!\"");
        row("format(\"There are %d lights\", 4)", "\"There are 4 lights\"");
        row("format(\"%d\", \"12\")", "\"12\"");
        row("format(\"%5d|%-5d|%05d\", 42, 42, 42)", "\"   42|42   |00042\"");
        row("format(\"%+d % d\", 5, 5)", "\"+5  5\"");
        row("format(\"%x %X %o %b %#x\", 255, 255, 8, 5, 255)", "\"ff FF 10 101 0xff\"");
        row("format(\"%f\", 3.14159)", "\"3.141590\"");
        row("format(\"%.2f\", 3.14159)", "\"3.14\"");
        row("format(\"%8.2f|\", 3.14159)", "\"    3.14|\"");
        row("format(\"%e\", 123456.789)", "\"1.234568e+05\"");
        row("format(\"%g\", 1000000)", "\"1e+06\"");
        row("format(\"%g\", 0.5)", "\"0.5\"");
        row("format(\"%v\", 1000000)", "\"1e+06\"");
        row("format(\"%v %v %v\", \"s\", 1.5, true)", "\"s 1.5 true\"");
        row("format(\"%v\", [1, \"a\"])", "\"[1,\"a\"]\"");
        row("format(\"%#v\", \"a\")", "\"\"a\"\"");
        row("format(\"%v\", null)", "\"null\"");
        row("format(\"%q\", \"hi\\n<\")", "\"\"hi\\n\\u003c\"\"");
        row("format(\"%t\", true)", "\"true\"");
        row("format(\"%s %%\", \"x\")", "\"x %\"");
        row("format(\"%.3s\", \"abcdef\")", "\"abc\"");
        row("format(\"%-4s|%4s\", \"ab\", \"cd\")", "\"ab  |  cd\"");
        row("format(\"%[2]s %[1]s %s\", \"a\", \"b\")", "\"b a b\"");
        row("format(\"%s\")", "ERROR: Call to function \"format\" failed: not enough arguments for \"%s\" at 0: need index 1 but have 0 total.");
        row("format(\"%s\", \"a\", \"b\")", "ERROR: Invalid value for \"args\" parameter: too many arguments; only 1 used by format string.");
        row("format(\"x\", \"a\")", "ERROR: Invalid value for \"args\" parameter: too many arguments; no verbs in format string.");
        row("format(\"%d\", 1.5)", "ERROR: Call to function \"format\" failed: unsupported value for \"%d\" at 0: an integer is required.");
        row("format(\"%d\", \"x\")", "ERROR: Call to function \"format\" failed: unsupported value for \"%d\" at 0: a number is required.");
        row("format(\"%s\", null)", "ERROR: Call to function \"format\" failed: unsupported value for \"%s\" at 0: null value cannot be formatted.");
        row("format(\"%z\", 1)", "ERROR: Call to function \"format\" failed: unsupported format verb 'z' in \"%z\" at offset 0.");
        row("format(\"abc%\")", "ERROR: Call to function \"format\" failed: invalid format string starting at offset 4.");
        row("format(\"%!\", 1)", "ERROR: Call to function \"format\" failed: unrecognized format character '!' at offset 1.");
        row("formatlist(\"Hello, %s!\", [\"Valentina\", \"Ander\"])", "list[\"Hello, Valentina!\", \"Hello, Ander!\"]");
        row("formatlist(\"%s, %s!\", \"Salutations\", [\"Valentina\", \"Ander\"])", "list[\"Salutations, Valentina!\", \"Salutations, Ander!\"]");
        row("formatlist(\"%s\", [])", "list[]");
        row("formatlist(\"x\")", "list[\"x\"]");
        row("formatlist(\"%s %s\", [\"a\"], [\"b\", \"c\"])", "ERROR: Invalid value for \"args\" parameter: argument 2 has length 2, which is inconsistent with argument 1 of length 1.");
        row("formatlist(\"%d\", [\"a\"])", "ERROR: Call to function \"formatlist\" failed: error on format iteration 0: unsupported value for \"%d\" at 0: a number is required.");
    }
    void format()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        QCOMPARE(run(expr), expected);
    }

    void regex_data()
    {
        addColumns();
        row("regex(\"[a-z]+\", \"53453453.345345aaabbbccc23454\")", "\"aaabbbccc\"");
        row("regex(\"(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)\", \"2019-02-01\")", "[\"2019\", \"02\", \"01\"]");
        row("regex(\"^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?\", \"https://terraform.io/docs/\")",
            "{authority=\"terraform.io\", scheme=\"https\"}");
        row("regex(\"(a)|(b)\", \"b\")", "[null:string, \"b\"]");
        row("regex(\"[a-z]+\", \"123\")", "ERROR: Call to function \"regex\" failed: pattern did not match any part of the given string.");
        row("regex(\"(a)(?P<n>b)\", \"ab\")", "ERROR: Invalid value for \"pattern\" parameter: invalid regexp pattern: cannot mix both named and unnamed capture groups.");
        row("regex(\"(a\", \"ab\")", "ERROR: Invalid value for \"pattern\" parameter: invalid regexp pattern: missing closing ) in (a.");
        row("regex(\"a(?=b)\", \"ab\")", "ERROR: Invalid value for \"pattern\" parameter: invalid regexp pattern: invalid or unsupported Perl syntax in (?=.");
        row("regex(\"a$\", \"a\\n\")", "ERROR: Call to function \"regex\" failed: pattern did not match any part of the given string.");
        row("regexall(\"[a-z]+\", \"1234abcd5678efgh9\")", "list[\"abcd\", \"efgh\"]");
        row("regexall(\"[a-z]+\", \"123\")", "list[]");
        row("regexall(\"a*\", \"baaa\")", "list[\"\", \"aaa\"]");
        row("length(regexall(\"[0-9]\", \"a1b2\"))", "2");
        row("regex_replace(\"hello world\", \"o\", \"0\")", "\"hell0 w0rld\"");
        row("regex_replace(\"2019-02-01\", \"(\\\\d+)-(\\\\d+)-(\\\\d+)\", \"$3/$2/$1\")", "\"01/02/2019\"");
        row("regex_replace(\"abc\", \"(?P<x>b)\", \"[$${x}]\")", "\"a[b]c\"");
        row("regex_replace(\"abc\", \"b\", \"$$\")", "\"a$c\"");
        row("regex_replace(\"abc\", \"x*\", \"-\")", "\"-a-b-c-\"");
        row("regex_replace(\"abc\", \"(\", \"-\")", "ERROR: Call to function \"regex_replace\" failed: error parsing regexp: missing closing ): `(`.");
    }
    void regex()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        QCOMPARE(run(expr), expected);
    }

    void marksSurviveStringFunctions()
    {
        const QMap<QString, Value> vars {{QStringLiteral("secret"), Value::string(QStringLiteral("pw")).mark(Value::sensitiveMark())}};
        QCOMPARE(run(QStringLiteral("upper(secret)"), {}, vars), QStringLiteral("\"PW\"!"));
        QCOMPARE(run(QStringLiteral("format(\"%s-x\", secret)"), {}, vars), QStringLiteral("\"pw-x\"!"));
        QCOMPARE(run(QStringLiteral("join(\",\", [secret, \"a\"])"), {}, vars), QStringLiteral("\"pw,a\"!"));
    }

    void unknownArguments()
    {
        const QMap<QString, Value> vars {{QStringLiteral("u"), Value::unknown(Type::string())}};
        QCOMPARE(run(QStringLiteral("upper(u)"), {}, vars), QStringLiteral("?string"));
        QCOMPARE(run(QStringLiteral("format(\"%s\", u)"), {}, vars), QStringLiteral("?string"));
        QCOMPARE(run(QStringLiteral("regex(u, \"x\")"), {}, vars), QStringLiteral("?any"));
    }
};

QTEST_GUILESS_MAIN(TestStringFunctions)
#include "tst_functions_string.moc"

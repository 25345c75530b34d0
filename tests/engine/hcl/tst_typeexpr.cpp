// Type expressions (ext/typeexpr): parsing type constraints, optional
// attributes with defaults and their application, error wording and ranges, and
// printing types back as type expressions.

#include "EvalTestSupport.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/eval/TypeConvertFunction.h"
#include "engine/hcl/eval/TypeExpr.h"
#include "engine/hcl/value/Convert.h"

#include <QtTest>

Q_DECLARE_METATYPE(kiln::hcl::Type)

using namespace kiln::hcl;
using namespace kiln::hcl::test;

class TestTypeExpr : public QObject
{
    Q_OBJECT

private slots:
    void constraints_data();
    void constraints();
    void exactTypes();
    void errors_data();
    void errors();
    void optionalAttributes();
    void defaultsApply_data();
    void defaultsApply();
    void defaultsKeepMarksAndNulls();
    void typeStrings_data();
    void typeStrings();
    void convertFunction_data();
    void convertFunction();
};

void TestTypeExpr::constraints_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("printed");
    QTest::newRow("string") << "string"
                            << "string";
    QTest::newRow("number") << "number"
                            << "number";
    QTest::newRow("bool") << "bool"
                          << "bool";
    QTest::newRow("any") << "any"
                         << "any";
    QTest::newRow("list") << "list(string)"
                          << "list(string)";
    QTest::newRow("set") << "set(number)"
                         << "set(number)";
    QTest::newRow("map of any") << "map(any)"
                                << "map(any)";
    QTest::newRow("nested") << "list(map(list(bool)))"
                            << "list(map(list(bool)))";
    QTest::newRow("tuple") << "tuple([string, number, any])"
                           << "tuple([string,number,any])";
    QTest::newRow("empty tuple") << "tuple([])"
                                 << "tuple([])";
    QTest::newRow("object sorted") << "object({b = number, a = string})"
                                   << "object({a=string,b=number})";
    QTest::newRow("empty object") << "object({})"
                                  << "object({})";
    QTest::newRow("object of list") << "object({tags = list(string)})"
                                    << "object({tags=list(string)})";
    QTest::newRow("optional") << "object({a = optional(string)})"
                              << "object({a=string})";
}

void TestTypeExpr::constraints()
{
    QFETCH(QString, expr);
    QFETCH(QString, printed);
    Diagnostics diags;
    const Type t = typeConstraintFromExpr(parseExpr(expr.toUtf8()), diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(typeString(t), printed);
}

void TestTypeExpr::exactTypes()
{
    Diagnostics diags;
    QCOMPARE(typeFromExpr(parseExpr("map(number)"), diags), Type::map(Type::number()));
    QVERIFY(!diags.hasErrors());

    const QByteArray src = "list(any)";
    typeFromExpr(parseExpr(src), diags);
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].summary, QStringLiteral("Invalid type specification"));
    QCOMPARE(diags[0].detail,
        QStringLiteral("The keyword \"any\" cannot be used in this type specification: an exact "
                       "type is required."));
    QCOMPARE(rangeText(src, diags[0].subject), QStringLiteral("any"));

    diags.clear();
    const QByteArray opt = "object({a = optional(string)})";
    typeFromExpr(parseExpr(opt), diags);
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].detail,
        QStringLiteral(
            "Optional attribute modifier is only for type constraints, not for exact types."));
    QCOMPARE(rangeText(opt, diags[0].subject), QStringLiteral("optional"));
}

void TestTypeExpr::errors_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("subject");
    auto row = [](const char *name, const char *expr, const char *detail, const char *subject) {
        QTest::newRow(name) << QString::fromUtf8(expr) << QString::fromUtf8(detail)
                            << QString::fromUtf8(subject);
    };
    row("bare list", "list",
        "The list type constructor requires one argument specifying the element type.", "list");
    row("bare object", "object",
        "The object type constructor requires one argument specifying the attribute types and "
        "values as a map.",
        "object");
    row("bare tuple", "tuple",
        "The tuple type constructor requires one argument specifying the element types as a list.",
        "tuple");
    row("unknown keyword", "strin", R"(The keyword "strin" is not a valid type specification.)",
        "strin");
    row("primitive with args", "string(1)",
        R"(Primitive type keyword "string" does not expect arguments.)", "(1)");
    row("any with args", "any()", R"(Type constraint keyword "any" does not expect arguments.)",
        "()");
    row("list two args", "list(string, number)",
        "The list type constructor requires one argument specifying the element type.", "number");
    row("map no args", "map()",
        "The map type constructor requires one argument specifying the element type.", "()");
    row("not a type", R"("string")",
        "A type specification is either a primitive type keyword (bool, number, string) or a "
        "complex type constructor call, like list(string).",
        R"("string")");
    row("unknown constructor", "lisst(string)",
        R"(Keyword "lisst" is not a valid type constructor.)", "lisst(string)");
    row("optional outside object", "optional(string)",
        R"(Keyword "optional" is valid only as a modifier for object type attributes.)",
        "optional");
    row("object not a map", "object([string])",
        "Object type constructor requires a map whose keys are attribute names and whose values "
        "are the corresponding attribute types.",
        "[string]");
    row("object bad key", R"(object({(a) = string}))",
        "Object constructor map keys must be attribute names.", "(a)");
    row("object quoted key", R"(object({"a" = string}))",
        "Object constructor map keys must be attribute names.", R"("a")");
    row("object duplicate key", "object({a = string, a = number})",
        "Object constructor map keys must be unique.", "a");
    row("tuple not a list", "tuple(string)",
        "Tuple type constructor requires a list of element types.", "string");
    row("optional too many without defaults", "object({a = optional(string, \"x\")})",
        "Optional attribute modifier expects only one argument: the attribute type.",
        "(string, \"x\")");
    row("optional empty", "object({a = optional()})",
        "Optional attribute modifier requires the attribute type as its argument.", "()");
    row("nested error", "map(list(strng))",
        R"(The keyword "strng" is not a valid type specification.)", "strng");
}

void TestTypeExpr::errors()
{
    QFETCH(QString, expr);
    QFETCH(QString, detail);
    QFETCH(QString, subject);
    const QByteArray src = expr.toUtf8();
    Diagnostics diags;
    typeConstraintFromExpr(parseExpr(src), diags);
    QVERIFY(diags.hasErrors());
    QCOMPARE(diags[0].summary, QStringLiteral("Invalid type specification"));
    QCOMPARE(diags[0].detail, detail);
    QCOMPARE(rangeText(src, diags[0].subject), subject);
}

void TestTypeExpr::optionalAttributes()
{
    Diagnostics diags;
    TypeDefaultsPtr defaults;
    const QByteArray src = R"(object({
        name = string
        port = optional(number, 22)
        tags = optional(list(string))
        disk = optional(object({size = optional(number, 10), kind = string}), {kind = "ssd"})
    }))";
    const Type t = typeConstraintFromExpr(parseExpr(src), diags, &defaults);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(t.optionalAttributes(), (QSet<QString>{"port", "tags", "disk"}));
    QCOMPARE(t.attributeType("disk").optionalAttributes(), QSet<QString>{"size"});
    QVERIFY(defaults);
    QCOMPARE(render(defaults->defaultValues.value("port")), QStringLiteral("22"));
    // The default is converted to the attribute's type (the object's "size"
    // becomes a null number).
    QCOMPARE(render(defaults->defaultValues.value("disk")),
        QStringLiteral(R"({kind="ssd", size=null:number})"));
    QVERIFY(defaults->children.contains("disk"));
    QVERIFY(!defaults->children.contains("tags"));

    // Without a defaults out-parameter, optional() takes only the type.
    diags.clear();
    typeConstraintFromExpr(parseExpr(src), diags);
    QVERIFY(diags.hasErrors());

    // A default that does not fit its attribute type.
    diags.clear();
    const QByteArray bad = R"(object({a = optional(number, "x")}))";
    typeConstraintFromExpr(parseExpr(bad), diags, &defaults);
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].summary, QStringLiteral("Invalid default value for optional attribute"));
    QCOMPARE(diags[0].detail,
        QStringLiteral("This default value is not compatible with the attribute's type "
                       "constraint: a number is required."));
    QCOMPARE(rangeText(bad, diags[0].subject), QStringLiteral(R"("x")"));

    // Defaults are evaluated without a context: references are errors.
    diags.clear();
    typeConstraintFromExpr(parseExpr("object({a = optional(string, var.x)})"), diags, &defaults);
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].summary, QStringLiteral("Variables not allowed"));

    // A type without optional defaults has no defaults tree.
    diags.clear();
    typeConstraintFromExpr(parseExpr("list(object({a = optional(string)}))"), diags, &defaults);
    QVERIFY(!diags.hasErrors());
    QVERIFY(!defaults);
}

void TestTypeExpr::defaultsApply_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing attribute") << "object({a = string, b = optional(number, 2)})"
                                       << R"({a = "x"})"
                                       << R"({a="x", b=2})";
    QTest::newRow("null attribute") << "object({a = string, b = optional(number, 2)})"
                                    << R"({a = "x", b = null})"
                                    << R"({a="x", b=2})";
    QTest::newRow("present attribute kept") << "object({b = optional(number, 2)})"
                                            << "{b = 7}"
                                            << "{b=7}";
    QTest::newRow("nested object")
        << "object({d = optional(object({s = optional(number, 10), k = string}), {k = \"ssd\"})})"
        << "{}"
        << R"({d={k="ssd", s=10}})";
    QTest::newRow("nested given")
        << "object({d = optional(object({s = optional(number, 10), k = string}), {k = \"ssd\"})})"
        << R"({d = {k = "hdd"}})"
        << R"({d={k="hdd", s=10}})";
    QTest::newRow("list of objects") << "list(object({n = optional(number, 1)}))"
                                     << "[{}, {n = 5}]"
                                     << "[{n=1}, {n=5}]";
    QTest::newRow("map of objects") << "map(object({n = optional(number, 1)}))"
                                    << "{x = {}, y = {n = 3}}"
                                    << "{x={n=1}, y={n=3}}";
    QTest::newRow("tuple elements") << "tuple([object({n = optional(number, 1)}), string])"
                                    << R"([{}, "s"])"
                                    << R"([{n=1}, "s"])";
    QTest::newRow("empty list") << "list(object({n = optional(number, 1)}))"
                                << "[]"
                                << "[]";
}

void TestTypeExpr::defaultsApply()
{
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    Diagnostics diags;
    TypeDefaultsPtr defaults;
    const Type t = typeConstraintFromExpr(parseExpr(type.toUtf8()), diags, &defaults);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QVERIFY(defaults);
    const Value v = evaluate(parseExpr(value.toUtf8()), nullptr, diags);
    QVERIFY(!diags.hasErrors());
    const Value applied = defaults->apply(v);
    QCOMPARE(render(applied), expected);
    // The point of applying defaults first: the result then converts.
    QString why;
    QVERIFY2(convert(applied, t, &why).has_value(), qPrintable(why));
}

void TestTypeExpr::defaultsKeepMarksAndNulls()
{
    Diagnostics diags;
    TypeDefaultsPtr defaults;
    typeConstraintFromExpr(parseExpr("object({b = optional(number, 2)})"), diags, &defaults);
    QVERIFY(defaults);
    const Value marked = Value::emptyObject().mark(Value::sensitiveMark());
    QCOMPARE(render(defaults->apply(marked)), QStringLiteral("{b=2}!"));
    QCOMPARE(render(defaults->apply(Value::dynamicNull())), QStringLiteral("null"));
    QCOMPARE(render(defaults->apply(Value::unknown(Type::dynamic()))), QStringLiteral("?any"));
}

void TestTypeExpr::typeStrings_data()
{
    QTest::addColumn<Type>("type");
    QTest::addColumn<QString>("printed");
    QTest::newRow("dynamic") << Type::dynamic() << "any";
    QTest::newRow("set") << Type::set(Type::boolean()) << "set(bool)";
    QTest::newRow("odd key") << Type::object(
        {{QStringLiteral("a b"), Type::string()}, {QStringLiteral("c"), Type::number()}})
                             << R"(object({"a b"=string,c=number}))";
    QTest::newRow("tuple") << Type::tuple({Type::string(), Type::list(Type::dynamic())})
                           << "tuple([string,list(any)])";
}

void TestTypeExpr::typeStrings()
{
    QFETCH(Type, type);
    QFETCH(QString, printed);
    QCOMPARE(typeString(type), printed);
}

void TestTypeExpr::convertFunction_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("expected"); // a rendered value, or "error: <detail>"
    QTest::newRow("to list") << R"(convert(["a", "b"], list(string)))"
                             << R"(list["a", "b"])";
    QTest::newRow("to map of any") << "convert({a = 1, b = 2}, map(any))"
                                   << "map{a=1, b=2}";
    QTest::newRow("number from string") << R"(convert("12", number))"
                                        << "12";
    QTest::newRow("optional attribute") << "convert({}, object({a = optional(string)}))"
                                        << "{a=null:string}";
    QTest::newRow("null") << "convert(null, string)"
                          << "null:string";
    QTest::newRow("unknown") << "convert(unk, set(string))"
                             << "?set(string)";
    QTest::newRow("sensitive") << "convert(secret, number)"
                               << "5!";
    QTest::newRow("bad value")
        << R"(convert("x", number))"
        << R"(error: Invalid value for "value" parameter: a number is required.)";
    QTest::newRow("bad type") << R"(convert(1, strin))"
                              << R"(error: The keyword "strin" is not a valid type specification.)";
}

void TestTypeExpr::convertFunction()
{
    QFETCH(QString, expr);
    QFETCH(QString, expected);
    EvalContext ctx;
    auto fns = std::make_shared<FunctionTable>();
    fns->insert(QStringLiteral("convert"), typeConvertFunction());
    ctx.functions = fns;
    ctx.variables.insert(QStringLiteral("unk"), Value::dynamicUnknown());
    ctx.variables.insert(
        QStringLiteral("secret"), Value::string(QStringLiteral("5")).mark(Value::sensitiveMark()));
    Diagnostics diags;
    const Value v = evaluate(parseExpr(expr.toUtf8()), &ctx, diags);
    if (expected.startsWith(QStringLiteral("error: "))) {
        QVERIFY(diags.hasErrors());
        QCOMPARE(QStringLiteral("error: ") + diags[0].detail, expected);
    } else {
        QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
        QCOMPARE(render(v), expected);
    }
}

QTEST_APPLESS_MAIN(TestTypeExpr)
#include "tst_typeexpr.moc"

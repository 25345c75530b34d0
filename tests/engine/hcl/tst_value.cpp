// Value: construction, cty's equality rules, marks, set order and the console text.
// Set orders and console texts were checked against `packer console` (1.6.6).

#include "engine/hcl/value/Value.h"

#include <QTest>

using kiln::hcl::Number;
using kiln::hcl::Type;
using kiln::hcl::Value;

namespace {

Value str(const char *s)
{
    return Value::string(QString::fromUtf8(s));
}

Value num(const char *s)
{
    return Value::number(*Number::parse(QString::fromLatin1(s)));
}

QStringList texts(const Value &v)
{
    QStringList out;
    for (const Value &e : v.elements())
        out << e.debugString();
    return out;
}

// The Bool result of equals as text: "true", "false" or "unknown".
QString eq(const Value &a, const Value &b)
{
    const Value r = a.equals(b).unmarked();
    if (!r.isKnown())
        return QStringLiteral("unknown");
    return r.asBool() ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

class TestValue : public QObject
{
    Q_OBJECT

private slots:
    void primitives()
    {
        QCOMPARE(Value::string("abc").asString(), QStringLiteral("abc"));
        QCOMPARE(Value::string("abc").type(), Type::string());
        QCOMPARE(Value::number(3).asNumber().toInt64(), std::optional<qint64>(3));
        QVERIFY(Value::trueValue().asBool());
        QVERIFY(!Value::falseValue().asBool());
        QVERIFY(Value().isNull());
        QVERIFY(Value().type().isDynamic());
        QVERIFY(Value::null(Type::string()).isNull());
        QCOMPARE(Value::null(Type::string()).type(), Type::string());
        QVERIFY(!Value::unknown(Type::number()).isKnown());
        QVERIFY(Value::unknown(Type::number()).type() == Type::number());
        QVERIFY(!Value::dynamicUnknown().isWhollyKnown());
    }

    void stringsAreNfc()
    {
        // "e" + combining acute becomes the single code point é.
        const Value v = Value::string(QStringLiteral("e\u0301"));
        QCOMPARE(v.asString(), QStringLiteral("\u00e9"));
        QCOMPARE(v.asString().size(), 1);
        const Value m = Value::map({{QStringLiteral("e\u0301"), Value::number(1)}});
        QVERIFY(m.hasAttribute(QStringLiteral("\u00e9")));
        const Value o = Value::object({{QStringLiteral("e\u0301"), Value::number(1)}});
        QVERIFY(o.type().hasAttribute(QStringLiteral("\u00e9")));
    }

    void collections()
    {
        const Value l = Value::list({str("a"), str("b")});
        QCOMPARE(l.type(), Type::list(Type::string()));
        QCOMPARE(l.length(), 2);
        // The element type comes from the first element not of Dynamic type.
        const Value withUnknown = Value::list({Value::dynamicUnknown(), str("x")});
        QCOMPARE(withUnknown.type(), Type::list(Type::string()));
        QCOMPARE(Value::listEmpty(Type::number()).type(), Type::list(Type::number()));
        QCOMPARE(Value::listEmpty(Type::number()).length(), 0);
        const Value m = Value::map({{"b", Value::number(2)}, {"a", Value::number(1)}});
        QCOMPARE(m.type(), Type::map(Type::number()));
        QCOMPARE(m.attributes().firstKey(), QStringLiteral("a"));
        QCOMPARE(m.elements().first().asNumber().toInt64(), std::optional<qint64>(1));
        QCOMPARE(m.attribute("b").asNumber().toInt64(), std::optional<qint64>(2));
        QVERIFY(m.attribute("zz").isNull());
        const Value t = Value::tuple({str("a"), Value::number(1)});
        QCOMPARE(t.type(), Type::tuple({Type::string(), Type::number()}));
        QCOMPARE(Value::emptyTuple().length(), 0);
        const Value o = Value::object({{"name", str("x")}, {"n", Value::number(1)}});
        QCOMPARE(o.type(), Type::object({{"name", Type::string()}, {"n", Type::number()}}));
        QCOMPARE(o.length(), 2);
        QVERIFY(o.hasAttribute("name"));
        QCOMPARE(o.attribute("name").asString(), QStringLiteral("x"));
        // Attributes of a null or unknown object are null or unknown of their type.
        const Type ot = Type::object({{"a", Type::string()}});
        QVERIFY(Value::unknown(ot).attribute("a").type() == Type::string());
        QVERIFY(!Value::unknown(ot).attribute("a").isKnown());
        QVERIFY(Value::null(ot).attribute("a").isNull());
    }

    void knownAndNull()
    {
        const Value nested = Value::list({Value::tuple({Value::unknown(Type::string())})});
        QVERIFY(nested.isKnown());
        QVERIFY(!nested.isWhollyKnown());
        QVERIFY(Value::list({str("a")}).isWhollyKnown());
        QVERIFY(Value::tuple({Value::null(Type::string())}).hasNull());
        QVERIFY(!Value::tuple({str("a")}).hasNull());
        QVERIFY(Value::dynamicNull().hasNull());
    }

    void setOrder_data()
    {
        QTest::addColumn<QList<Value>>("elements");
        QTest::addColumn<QStringList>("order");
        QTest::newRow("strings") << QList<Value>{str("b"), str("a"), str("c"), str("a")}
                                 << QStringList{"a", "b", "c"};
        QTest::newRow("numbers numerically") << QList<Value>{num("3"), num("1"), num("10"),
            num("2")} << QStringList{"1", "2", "3", "10"};
        QTest::newRow("negative numbers")
            << QList<Value>{num("0.5"), num("-2"), num("-10")} << QStringList{"-10", "-2", "0.5"};
        QTest::newRow("bools") << QList<Value>{Value::trueValue(), Value::falseValue()}
                               << QStringList{"false", "true"};
        QTest::newRow("strings by code point")
            << QList<Value>{str("\xef\xbd\x81"), str("\xf0\x9f\x98\x80"), str("Z"), str("a")}
            << QStringList{"Z", "a", "\uff41", QString::fromUtf8("\xf0\x9f\x98\x80")};
        // Non-primitive elements sort by cty's hash serialisation ("[1;3;]" < "[1;]").
        QTest::newRow("lists") << QList<Value>{Value::list({num("2")}), Value::list({num("1")}),
            Value::list({num("1"), num("3")})}
                               << QStringList{"[\n  1,\n  3,\n]", "[\n  1,\n]", "[\n  2,\n]"};
        // Orders Packer prints for setunion(...) of these.
        const auto ab = [](const char *a, const char *b) {
            return Value::object({{"a", num(a)}, {"b", str(b)}});
        };
        QTest::newRow("objects by hash")
            << QList<Value>{ab("10", "x"), ab("2", "a"), ab("1.5", "z")}
            << QStringList{"{\n  \"a\" = 1.5\n  \"b\" = \"z\"\n}",
                   "{\n  \"a\" = 10\n  \"b\" = \"x\"\n}", "{\n  \"a\" = 2\n  \"b\" = \"a\"\n}"};
        QTest::newRow("numbers with fractions") << QList<Value>{num("0.5"), num("-1"), num("1e3"),
            num("0.25"), num("2")} << QStringList{"-1", "0.25", "0.5", "2", "1000"};
        QTest::newRow("unicode strings")
            << QList<Value>{str("\xc3\xa9"), str("e"), str("Z"), str("\xc3\xa4"),
                   str("\xf0\x9f\x98\x80"), str("\xef\xbd\x9a")}
            << QStringList{"Z", "e", QString::fromUtf8("\xc3\xa4"), QString::fromUtf8("\xc3\xa9"),
                   QString::fromUtf8("\xef\xbd\x9a"), QString::fromUtf8("\xf0\x9f\x98\x80")};
        // Numbers inside hash the way big.Float.String() prints them ("1.23456789e+11").
        QTest::newRow("lists of numbers by hash") << QList<Value>{Value::list({num("1e30")}),
            Value::list({num("123456789012")}), Value::list({num("0.1")}), Value::list({num("-5")})}
                                                  << QStringList{"[\n  -5,\n]", "[\n  0.1,\n]",
                                                         "[\n  123456789012,\n]", "[\n  1e+30,\n]"};
        QTest::newRow("equal numbers collapse")
            << QList<Value>{num("1"), num("1.0"), Value::number(1)} << QStringList{"1"};
    }

    void setOrder()
    {
        QFETCH(QList<Value>, elements);
        QFETCH(QStringList, order);
        QCOMPARE(texts(Value::set(elements)), order);
    }

    void setUnknownsAndNulls()
    {
        const Value s = Value::set({Value::null(Type::string()), Value::unknown(Type::string()),
            str("b"), Value::unknown(Type::string()), str("a")});
        // Known values first, then unknowns (never merged), then the null.
        QCOMPARE(s.length(), 5);
        QCOMPARE(s.elements()[0].asString(), QStringLiteral("a"));
        QCOMPARE(s.elements()[1].asString(), QStringLiteral("b"));
        QVERIFY(!s.elements()[2].isKnown());
        QVERIFY(!s.elements()[3].isKnown());
        QVERIFY(s.elements()[4].isNull());
    }

    void setMovesMarksToTheSet()
    {
        const Value s = Value::set({str("a").mark("sensitive"), str("b")});
        QVERIFY(s.isSensitive());
        QVERIFY(!s.elements()[0].isMarked());
        QCOMPARE(Value::setEmpty(Type::string()).type(), Type::set(Type::string()));
    }

    void equals_data()
    {
        QTest::addColumn<Value>("a");
        QTest::addColumn<Value>("b");
        QTest::addColumn<QString>("result");
        const Value unkStr = Value::unknown(Type::string());
        QTest::newRow("strings") << str("a") << str("a") << "true";
        QTest::newRow("strings differ") << str("a") << str("b") << "false";
        QTest::newRow("numbers by value") << num("1") << num("1.0") << "true";
        QTest::newRow("int and literal") << Value::number(5) << num("5") << "true";
        QTest::newRow("float64 and literal")
            << Value::number(Number::fromDouble(0.1)) << num("0.1") << "true";
        QTest::newRow("number and string") << num("1") << str("1") << "false";
        QTest::newRow("null null")
            << Value::null(Type::string()) << Value::null(Type::number()) << "true";
        QTest::newRow("null value") << Value::null(Type::string()) << str("") << "false";
        QTest::newRow("unknown") << unkStr << str("a") << "unknown";
        QTest::newRow("unknown other type") << unkStr << num("1") << "false";
        QTest::newRow("unknown dynamic") << Value::dynamicUnknown() << num("1") << "unknown";
        QTest::newRow("unknown vs null") << unkStr << Value::null(Type::string()) << "unknown";
        QTest::newRow("both unknown") << unkStr << unkStr << "unknown";
        QTest::newRow("lists") << Value::list({str("a")}) << Value::list({str("a")}) << "true";
        QTest::newRow("lists length")
            << Value::list({str("a")}) << Value::list({str("a"), str("a")}) << "false";
        QTest::newRow("list unknown elem")
            << Value::list({unkStr}) << Value::list({str("a")}) << "unknown";
        QTest::newRow("list vs tuple")
            << Value::list({str("a")}) << Value::tuple({str("a")}) << "false";
        QTest::newRow("maps") << Value::map({{"a", num("1")}}) << Value::map({{"a", num("1.0")}})
                              << "true";
        QTest::newRow("maps keys")
            << Value::map({{"a", num("1")}}) << Value::map({{"b", num("1")}}) << "false";
        QTest::newRow("objects") << Value::object({{"a", str("x")}})
                                 << Value::object({{"a", str("x")}}) << "true";
        QTest::newRow("objects differ")
            << Value::object({{"a", str("x")}}) << Value::object({{"a", str("y")}}) << "false";
        QTest::newRow("sets") << Value::set({str("a"), str("b")})
                              << Value::set({str("b"), str("a")}) << "true";
        QTest::newRow("sets differ") << Value::set({str("a")}) << Value::set({str("b")}) << "false";
        QTest::newRow("set unknown") << Value::set({unkStr}) << Value::set({str("b")}) << "unknown";
        QTest::newRow("nested dynamic unknown, types cannot conform")
            << Value::tuple({Value::dynamicUnknown()}) << Value::tuple({str("a"), str("b")})
            << "false";
        QTest::newRow("nested dynamic unknown")
            << Value::tuple({Value::dynamicUnknown()}) << Value::tuple({str("a")}) << "unknown";
    }

    void equals()
    {
        QFETCH(Value, a);
        QFETCH(Value, b);
        QFETCH(QString, result);
        QCOMPARE(eq(a, b), result);
        QCOMPARE(eq(b, a), result);
    }

    void equalsCarriesMarks()
    {
        const Value secret = str("a").mark("sensitive");
        QVERIFY(secret.equals(str("a")).isSensitive());
        QVERIFY(secret.equals(str("a")).asBool());
        // Nested marks come out on the result too.
        const Value l = Value::list({secret});
        QVERIFY(l.equals(Value::list({str("a")})).isSensitive());
        // Comparing with null keeps only top-level marks.
        QVERIFY(!l.equals(Value::null(l.type())).isSensitive());
        QVERIFY(!l.equals(Value::null(l.type())).asBool());
    }

    void rawEquals()
    {
        QVERIFY(str("a").rawEquals(str("a")));
        QVERIFY(!str("a").rawEquals(str("a").mark("sensitive")));
        QVERIFY(str("a").mark("sensitive").rawEquals(str("a").mark("sensitive")));
        QVERIFY(Value::unknown(Type::string()).rawEquals(Value::unknown(Type::string())));
        QVERIFY(!Value::unknown(Type::string()).rawEquals(Value::unknown(Type::number())));
        QVERIFY(!Value::unknown(Type::string()).rawEquals(str("a")));
        QVERIFY(Value::null(Type::string()).rawEquals(Value::null(Type::string())));
        QVERIFY(!Value::null(Type::string()).rawEquals(Value::null(Type::number())));
        QVERIFY(Value::list({num("1")}).rawEquals(Value::list({num("1.0")})));
        QVERIFY(!Value::list({str("a").mark("x")}).rawEquals(Value::list({str("a")})));
        QVERIFY(Value::map({{"a", num("1")}}).rawEquals(Value::map({{"a", num("1")}})));
        QVERIFY(!Value::map({{"a", num("1")}}).rawEquals(Value::map({{"b", num("1")}})));
        QVERIFY(Value::set({str("b"), str("a")}).rawEquals(Value::set({str("a"), str("b")})));
        QVERIFY(Value::object({{"a", str("x")}}).rawEquals(Value::object({{"a", str("x")}})));
    }

    void marks()
    {
        const Value s = str("pw").mark(Value::sensitiveMark());
        QVERIFY(s.isMarked());
        QVERIFY(s.isSensitive());
        QCOMPARE(s.asString(), QStringLiteral("pw"));
        QVERIFY(!s.unmarked().isMarked());
        const Value both = s.withMarks({"other"});
        QCOMPARE(both.marks(), (QSet<QString>{"sensitive", "other"}));
        const Value nested = Value::object({{"a", Value::list({s})}, {"b", str("x").mark("m2")}});
        QVERIFY(!nested.isMarked());
        QVERIFY(nested.containsMarked());
        QSet<QString> found;
        const Value clean = nested.unmarkedDeep(&found);
        QCOMPARE(found, (QSet<QString>{"sensitive", "m2"}));
        QVERIFY(!clean.containsMarked());
        QCOMPARE(clean.attribute("a").elements().first().asString(), QStringLiteral("pw"));
        // Shallow unmark leaves nested marks alone.
        QVERIFY(nested.mark("top").unmarked().containsMarked());
        QVERIFY(str("x").withMarks({}).marks().isEmpty());
    }

    void debugString_data()
    {
        QTest::addColumn<Value>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("string unquoted") << str("x") << "x";
        QTest::newRow("int") << num("10") << "10";
        QTest::newRow("negative zero") << num("-0") << "0";
        QTest::newRow("1/3 as float64")
            << Value::number(*Number::parse(u"1") / *Number::parse(u"3")) << "0.3333333333333333";
        QTest::newRow("1e21") << num("1e21") << "1e+21";
        QTest::newRow("huge integer") << num("100000000000000000000000000000001") << "1e+32";
        QTest::newRow("small") << num("1.5e-7") << "1.5e-07";
        QTest::newRow("1e-5") << num("1e-5") << "1e-05";
        QTest::newRow("0.0001") << num("0.0001") << "0.0001";
        QTest::newRow("123456.5") << num("123456.5") << "123456.5";
        QTest::newRow("exponent from 6 digits") << num("12345678912.5") << "1.23456789125e+10";
        QTest::newRow("negative exponent form") << num("-5.5e30") << "-5.5e+30";
        QTest::newRow("infinity") << Value::number(Number::infinity(1)) << "+Inf";
        QTest::newRow("bool") << Value::trueValue() << "true";
        QTest::newRow("null") << Value::dynamicNull() << "null";
        QTest::newRow("unknown") << Value::unknown(Type::string()) << "<unknown>";
        QTest::newRow("nested unknown")
            << Value::list({Value::unknown(Type::string())}) << "<unknown>";
        QTest::newRow("empty list") << Value::listEmpty(Type::string()) << "[]";
        QTest::newRow("empty object") << Value::emptyObject() << "{}";
        QTest::newRow("tuple") << Value::tuple({num("1"), str("a")}) << "[\n  1,\n  \"a\",\n]";
        QTest::newRow("nested list") << Value::tuple({str("a"), Value::tuple({str("b")})})
                                     << "[\n  \"a\",\n  [\n    \"b\",\n  ],\n]";
        QTest::newRow("object") << Value::object({{"a", num("1")}, {"b", str("x")}})
                                << "{\n  \"a\" = 1\n  \"b\" = \"x\"\n}";
        QTest::newRow("object drops nulls")
            << Value::object({{"a", Value::dynamicNull()}, {"b", num("1")}}) << "{\n  \"b\" = 1\n}";
        QTest::newRow("list keeps nulls")
            << Value::tuple({Value::dynamicNull(), str("x")}) << "[\n  null,\n  \"x\",\n]";
        QTest::newRow("deep object")
            << Value::object({{"a", Value::object({{"b", Value::tuple({num("1")})}})}})
            << "{\n  \"a\" = {\n    \"b\" = [\n      1,\n    ]\n  }\n}";
        QTest::newRow("go quoting")
            << Value::tuple({str("a\nb"), str("\xc3\xa9\xc2\xa0"), str("t\"q\\")})
            << QString::fromUtf8("[\n  \"a\\nb\",\n  \"\xc3\xa9\\u00a0\",\n  \"t\\\"q\\\\\",\n]");
        QTest::newRow("quoted keys") << Value::object({{"b c", num("1")}, {"a\"", num("2")}})
                                     << "{\n  \"a\\\"\" = 2\n  \"b c\" = 1\n}";
        QTest::newRow("sensitive printed plainly") << str("pw").mark("sensitive") << "pw";
    }

    void debugString()
    {
        QFETCH(Value, value);
        QFETCH(QString, text);
        QCOMPARE(value.debugString(), text);
    }
};

QTEST_GUILESS_MAIN(TestValue)
#include "tst_value.moc"

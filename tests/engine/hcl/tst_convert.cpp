// cty/convert: every conversion path, its result and its error message. Messages
// were checked against Packer 1.6.6 variable type errors where Packer can show them.

#include "engine/hcl/value/Convert.h"

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

const Type S = Type::string();
const Type N = Type::number();
const Type B = Type::boolean();
const Type Dyn = Type::dynamic();

Type obj(const QMap<QString, Type> &attrs, const QSet<QString> &optional = {})
{
    return Type::object(attrs, optional);
}

} // namespace

class TestConvert : public QObject
{
    Q_OBJECT

private slots:
    void succeeds_data()
    {
        QTest::addColumn<Value>("in");
        QTest::addColumn<Type>("want");
        QTest::addColumn<Value>("expected");
        QTest::newRow("number to string") << num("1.5") << S << str("1.5");
        QTest::newRow("big number to string") << num("1e21") << S << str("1000000000000000000000");
        QTest::newRow("int to string") << Value::number(-5) << S << str("-5");
        QTest::newRow("bool to string") << Value::trueValue() << S << str("true");
        QTest::newRow("false to string") << Value::falseValue() << S << str("false");
        QTest::newRow("string to number") << str("12.5") << N << num("12.5");
        QTest::newRow("string exp to number") << str("1e3") << N << num("1000");
        QTest::newRow("string to bool") << str("true") << B << Value::trueValue();
        QTest::newRow("1 to bool") << str("1") << B << Value::trueValue();
        QTest::newRow("0 to bool") << str("0") << B << Value::falseValue();
        QTest::newRow("same type") << str("x") << S << str("x");
        QTest::newRow("to dynamic") << num("1") << Dyn << num("1");
        QTest::newRow("tuple to list") << Value::tuple({num("1"), Value::trueValue()})
                                       << Type::list(S) << Value::list({str("1"), str("true")});
        QTest::newRow("tuple to list(any) unifies") << Value::tuple(
            {num("1"), str("a")}) << Type::list(Dyn) << Value::list({str("1"), str("a")});
        QTest::newRow("empty tuple to list")
            << Value::emptyTuple() << Type::list(S) << Value::listEmpty(S);
        QTest::newRow("tuple to set") << Value::tuple({str("b"), str("a"), str("b")})
                                      << Type::set(S) << Value::set({str("a"), str("b")});
        QTest::newRow("list to set") << Value::list({str("b"), str("a"), str("b")}) << Type::set(S)
                                     << Value::set({str("a"), str("b")});
        QTest::newRow("set to list") << Value::set({num("3"), num("1")}) << Type::list(N)
                                     << Value::list({num("1"), num("3")});
        QTest::newRow("list elements") << Value::list({num("1"), num("2")}) << Type::list(S)
                                       << Value::list({str("1"), str("2")});
        QTest::newRow("empty list to list")
            << Value::listEmpty(N) << Type::list(S) << Value::listEmpty(S);
        QTest::newRow("map elements")
            << Value::map({{"a", str("1")}}) << Type::map(N) << Value::map({{"a", num("1")}});
        QTest::newRow("object to map")
            << Value::object({{"a", num("1")}, {"b", str("x")}}) << Type::map(S)
            << Value::map({{"a", str("1")}, {"b", str("x")}});
        QTest::newRow("object to map(any)")
            << Value::object({{"a", num("1")}, {"b", str("x")}}) << Type::map(Dyn)
            << Value::map({{"a", str("1")}, {"b", str("x")}});
        QTest::newRow("empty object to map")
            << Value::emptyObject() << Type::map(S) << Value::mapEmpty(S);
        QTest::newRow("object to object")
            << Value::object({{"a", num("1")}, {"extra", Value::trueValue()}}) << obj({{"a", S}})
            << Value::object({{"a", str("1")}});
        QTest::newRow("optional attribute missing")
            << Value::object({{"a", str("x")}}) << obj({{"a", S}, {"b", N}}, {"b"})
            << Value::object({{"a", str("x")}, {"b", Value::null(N)}});
        QTest::newRow("optional attribute present")
            << Value::object({{"a", str("x")}, {"b", str("2")}}) << obj({{"a", S}, {"b", N}}, {"b"})
            << Value::object({{"a", str("x")}, {"b", num("2")}});
        QTest::newRow("map to object") << Value::map({{"a", str("1")}, {"z", str("q")}})
                                       << obj({{"a", N}}) << Value::object({{"a", num("1")}});
        QTest::newRow("map to object optional")
            << Value::map({{"a", str("1")}}) << obj({{"a", N}, {"b", S}}, {"b"})
            << Value::object({{"a", num("1")}, {"b", Value::null(S)}});
        QTest::newRow("tuple to tuple")
            << Value::tuple({num("1")}) << Type::tuple({S}) << Value::tuple({str("1")});
        QTest::newRow("list of objects")
            << Value::tuple({Value::object({{"a", num("1")}}),
                   Value::object({{"a", str("x")}, {"b", str("y")}})})
            << Type::list(obj({{"a", S}}))
            << Value::list({Value::object({{"a", str("1")}}), Value::object({{"a", str("x")}})});
        QTest::newRow("tuple of objects to list(any) as maps")
            << Value::tuple({Value::object({{"a", str("x")}}), Value::object({{"b", str("y")}})})
            << Type::list(Dyn)
            << Value::list({Value::map({{"a", str("x")}}), Value::map({{"b", str("y")}})});
        QTest::newRow("object of objects to map(any)")
            << Value::object({{"a", Value::object({{"x", num("1")}})},
                   {"b", Value::object({{"y", str("s")}})}})
            << Type::map(Dyn)
            << Value::map(
                   {{"a", Value::map({{"x", str("1")}})}, {"b", Value::map({{"y", str("s")}})}});
        QTest::newRow("tuple of objects to list(any) unifies attributes")
            << Value::tuple({Value::object({{"a", num("1")}}), Value::object({{"a", str("x")}})})
            << Type::list(Dyn)
            << Value::list({Value::object({{"a", str("1")}}), Value::object({{"a", str("x")}})});
        QTest::newRow("nested optional attributes")
            << Value::tuple({Value::object({{"name", str("n")}})})
            << Type::list(obj({{"name", S}, {"tags", Type::map(S)}}, {"tags"}))
            << Value::list(
                   {Value::object({{"name", str("n")}, {"tags", Value::null(Type::map(S))}})});
        QTest::newRow("dynamic element to list(string)")
            << Value::tuple({Value::dynamicUnknown(), num("2")}) << Type::list(S)
            << Value::list({Value::unknown(S), str("2")});
        QTest::newRow("null keeps target type") << Value::null(S) << N << Value::null(N);
        QTest::newRow("dynamic null")
            << Value::dynamicNull() << Type::list(S) << Value::null(Type::list(S));
        QTest::newRow("unknown") << Value::unknown(S) << N << Value::unknown(N);
        QTest::newRow("dynamic unknown")
            << Value::dynamicUnknown() << Type::map(S) << Value::unknown(Type::map(S));
        QTest::newRow("unknown element")
            << Value::tuple({Value::unknown(S), num("1")}) << Type::list(S)
            << Value::list({Value::unknown(S), str("1")});
        QTest::newRow("null element") << Value::tuple({Value::null(N), num("1")}) << Type::list(S)
                                      << Value::list({Value::null(S), str("1")});
        QTest::newRow("unknown to list(any) keeps element type")
            << Value::unknown(Type::list(S)) << Type::list(Dyn) << Value::unknown(Type::list(S));
    }

    void succeeds()
    {
        QFETCH(Value, in);
        QFETCH(Type, want);
        QFETCH(Value, expected);
        QString error;
        const auto out = kiln::hcl::convert(in, want, &error);
        QVERIFY2(out.has_value(), qPrintable(error));
        QCOMPARE(out->type(), expected.type());
        QVERIFY2(out->rawEquals(expected), qPrintable(out->debugString()));
    }

    void fails_data()
    {
        QTest::addColumn<Value>("in");
        QTest::addColumn<Type>("want");
        QTest::addColumn<QString>("message");
        const Value ab = Value::object({{"a", str("x")}, {"b", str("y")}});
        QTest::newRow("not a number") << str("abc") << N << "a number is required";
        QTest::newRow("number with spaces") << str(" 1") << N << "a number is required";
        QTest::newRow("not a bool") << str("yes") << B << "a bool is required";
        QTest::newRow("TRUE") << str(
            "TRUE") << B << "a bool is required; to convert from string, use lowercase \"true\"";
        QTest::newRow("False") << str(
            "False") << B << "a bool is required; to convert from string, use lowercase \"false\"";
        QTest::newRow("number to bool") << num("1") << B << "bool required";
        QTest::newRow("bool to number") << Value::trueValue() << N << "number required";
        QTest::newRow("list to string") << Value::list({str("a")}) << S << "string required";
        QTest::newRow("string to list") << str("x") << Type::list(S) << "list of string required";
        QTest::newRow("object to list")
            << Value::object({{"a", num("1")}}) << Type::list(S) << "list of string required";
        QTest::newRow("tuple to map")
            << Value::tuple({num("1")}) << Type::map(N) << "map of number required";
        QTest::newRow("tuple element") << Value::tuple({Value::tuple({str("a")})}) << Type::list(S)
                                       << "element 0: string required";
        QTest::newRow("tuple element 1") << Value::tuple({str("a"), Value::tuple({})})
                                         << Type::set(S) << "element 1: string required";
        QTest::newRow("tuple element value")
            << Value::tuple({str("1"), str("x")}) << Type::list(N) << "a number is required";
        QTest::newRow("mixed list(any)")
            << Value::tuple({num("1"), Value::tuple({num("1")})}) << Type::list(Dyn)
            << "all list elements must have the same type";
        QTest::newRow("mixed set(any)")
            << Value::tuple({num("1"), Value::tuple({num("1")})}) << Type::set(Dyn)
            << "all set elements must have the same type";
        QTest::newRow("mixed map(any)")
            << Value::object({{"a", num("1")}, {"b", Value::tuple({num("1")})}}) << Type::map(Dyn)
            << "all map elements must have the same type";
        QTest::newRow("map element") << Value::object({{"a", Value::tuple({num("1")})}})
                                     << Type::map(N) << "element \"a\": number required";
        QTest::newRow("map element value")
            << Value::object({{"a", str("x")}}) << Type::map(N) << "a number is required";
        QTest::newRow("one missing") << Value::object({{"a", str("x")}})
                                     << obj({{"a", S}, {"b", N}}) << "attribute \"b\" is required";
        QTest::newRow("two missing") << Value::emptyObject() << obj({{"a", S}, {"b", N}})
                                     << "attributes \"a\" and \"b\" are required";
        QTest::newRow("three missing")
            << Value::emptyObject() << obj({{"foo", S}, {"bar", S}, {"baz", S}})
            << "attributes \"bar\", \"baz\", and \"foo\" are required";
        QTest::newRow("optional not reported")
            << Value::emptyObject() << obj({{"a", S}, {"b", N}}, {"b"})
            << "attribute \"a\" is required";
        QTest::newRow("attribute value")
            << ab << obj({{"a", S}, {"b", N}}) << "a number is required";
        QTest::newRow("attribute type") << Value::object({{"a", Value::tuple({})}})
                                        << obj({{"a", S}}) << "attribute \"a\": string required";
        QTest::newRow("nested attribute")
            << Value::object({{"baz", Value::object({{"boop", num("1")}})}})
            << obj({{"baz", obj({{"boop", N}, {"beep", B}})}})
            << "attribute \"baz\": attribute \"beep\" is required";
        QTest::newRow("tuple to object")
            << Value::tuple({num("1")}) << obj({{"a", S}}) << "object required";
        QTest::newRow("list element type")
            << Value::list({Value::emptyObject()}) << Type::list(obj({{"foo", S}}))
            << "incorrect list element type: attribute \"foo\" is required";
        QTest::newRow("set element type")
            << Value::list({Value::emptyObject()}) << Type::set(obj({{"foo", S}}))
            << "incorrect set element type: attribute \"foo\" is required";
        QTest::newRow("map element type")
            << Value::map({{"k", Value::emptyObject()}}) << Type::map(obj({{"foo", S}}))
            << "incorrect map element type: attribute \"foo\" is required";
        QTest::newRow("list of list element")
            << Value::list({Value::list({str("a")})}) << Type::list(S)
            << "incorrect list element type: string required";
        QTest::newRow("tuple elem object")
            << Value::tuple({Value::emptyObject()}) << Type::list(obj({{"foo", S}}))
            << "element 0: attribute \"foo\" is required";
        QTest::newRow("object elem object")
            << Value::object({{"boop", Value::emptyObject()}}) << Type::map(obj({{"foo", S}}))
            << "element \"boop\": attribute \"foo\" is required";
        QTest::newRow("tuple length")
            << Value::tuple({num("1")}) << Type::tuple({N, N}) << "tuple required";
        QTest::newRow("map to object missing")
            << Value::map({{"a", str("1")}}) << obj({{"a", N}, {"b", N}})
            << "map has no element for required attribute \"b\"";
        QTest::newRow("map to object value")
            << Value::map({{"a", str("x")}}) << obj({{"a", N}}) << "a number is required";
        // Further messages as Packer 1.6.6 prints them for variable type constraints.
        const Type mapOfObj = Type::map(obj({{"a", S}}));
        QTest::newRow("packer: bool from list")
            << Value::tuple({Value::trueValue()}) << B << "bool required";
        QTest::newRow("packer: short tuple")
            << Value::tuple({str("a")}) << Type::tuple({S, N}) << "tuple required";
        QTest::newRow("packer: tuple element value")
            << Value::tuple({str("a"), str("x")}) << Type::tuple({S, N}) << "a number is required";
        QTest::newRow("packer: map of object, missing")
            << Value::object({{"k", Value::emptyObject()}}) << mapOfObj
            << "element \"k\": attribute \"a\" is required";
        QTest::newRow("packer: map of object, not object")
            << Value::object({{"k", Value::object({{"a", str("x")}})}, {"j", num("1")}}) << mapOfObj
            << "element \"j\": object required";
        QTest::newRow("packer: map of object, attribute type")
            << Value::object({{"k", Value::object({{"a", Value::tuple({str("x")})}})}}) << mapOfObj
            << "element \"k\": attribute \"a\": string required";
        QTest::newRow("list with a bad string")
            << Value::list({str("1"), str("no")}) << Type::list(N) << "a number is required";
    }

    void fails()
    {
        QFETCH(Value, in);
        QFETCH(Type, want);
        QFETCH(QString, message);
        QString error;
        const auto out = kiln::hcl::convert(in, want, &error);
        QVERIFY2(!out.has_value(), qPrintable(out ? out->debugString() : QString()));
        QCOMPARE(error, message);
    }

    void marksSurviveConversion()
    {
        const auto n = kiln::hcl::convert(str("5").mark("sensitive"), N);
        QVERIFY(n.has_value());
        QVERIFY(n->isSensitive());
        QCOMPARE(n->asNumber().toInt64(), std::optional<qint64>(5));
        const auto l
            = kiln::hcl::convert(Value::tuple({num("1").mark("sensitive")}), Type::list(S));
        QVERIFY(l.has_value());
        QVERIFY(l->containsMarked());
        QVERIFY(l->elements().first().isSensitive());
        // Set elements cannot hold marks: they move to the set.
        const auto s = kiln::hcl::convert(Value::tuple({num("1").mark("sensitive")}), Type::set(S));
        QVERIFY(s.has_value());
        QVERIFY(s->isSensitive());
    }

    void unknownSetToList()
    {
        // A set with unknowns has an unknown length, so its list is wholly unknown.
        const Value set = Value::set({Value::unknown(S), str("a")});
        const auto l = kiln::hcl::convert(set, Type::list(S));
        QVERIFY(l.has_value());
        QVERIFY(!l->isKnown());
        QCOMPARE(l->type(), Type::list(S));
    }

    void unify_data()
    {
        QTest::addColumn<QList<Type>>("types");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<Type>("result");
        QTest::newRow("same") << QList<Type>{S, S} << true << S;
        QTest::newRow("string wins") << QList<Type>{N, S, B} << true << S;
        QTest::newRow("number and bool") << QList<Type>{N, B} << false << Type();
        QTest::newRow("dynamic and string") << QList<Type>{Dyn, S} << true << S;
        QTest::newRow("all dynamic") << QList<Type>{Dyn, Dyn} << true << Dyn;
        QTest::newRow("lists") << QList<Type>{Type::list(N), Type::list(S)} << true
                               << Type::list(S);
        QTest::newRow("list and dynamic") << QList<Type>{Type::list(N), Dyn} << true << Dyn;
        QTest::newRow("list and tuple")
            << QList<Type>{Type::list(S), Type::tuple({N})} << true << Type::list(S);
        QTest::newRow("map and object")
            << QList<Type>{Type::map(S), obj({{"a", N}})} << true << Type::map(S);
        QTest::newRow("objects same keys")
            << QList<Type>{obj({{"a", S}}), obj({{"a", N}})} << true << obj({{"a", S}});
        QTest::newRow("objects differ")
            << QList<Type>{obj({{"a", S}}), obj({{"b", N}})} << true << Type::map(S);
        QTest::newRow("tuples same length")
            << QList<Type>{Type::tuple({S}), Type::tuple({N})} << true << Type::tuple({S});
        QTest::newRow("tuples lengths")
            << QList<Type>{Type::tuple({S}), Type::tuple({N, N})} << true << Type::list(S);
        QTest::newRow("tuple and object")
            << QList<Type>{Type::tuple({}), obj({})} << false << Type();
        QTest::newRow("sets") << QList<Type>{Type::set(N), Type::set(B)} << false << Type();
        QTest::newRow("string and list") << QList<Type>{S, Type::list(S)} << false << Type();
        QTest::newRow("empty") << QList<Type>{} << false << Type();
    }

    void unify()
    {
        QFETCH(QList<Type>, types);
        QFETCH(bool, ok);
        QFETCH(Type, result);
        const auto u = kiln::hcl::unify(types);
        QCOMPARE(u.has_value(), ok);
        if (ok)
            QCOMPARE(u->typeExpression(), result.typeExpression());
    }

    void safety()
    {
        using kiln::hcl::conversionIsSafe;
        QVERIFY(conversionIsSafe(N, S));
        QVERIFY(conversionIsSafe(B, S));
        QVERIFY(!conversionIsSafe(S, N));
        QVERIFY(!conversionIsSafe(S, B));
        QVERIFY(conversionIsSafe(Type::set(S), Type::list(S)));
        QVERIFY(!conversionIsSafe(Type::list(S), Type::set(S)));
        QVERIFY(conversionIsSafe(Type::tuple({S, N}), Type::list(S)));
        QVERIFY(!conversionIsSafe(Type::tuple({S, S}), Type::list(N)));
        QVERIFY(conversionIsSafe(obj({{"a", N}}), Type::map(S)));
        QVERIFY(!conversionIsSafe(Type::map(S), obj({{"a", S}})));
        QVERIFY(conversionIsSafe(S, Dyn));
        QVERIFY(!conversionIsSafe(Dyn, S));
        QVERIFY(conversionIsSafe(S, S));
    }
};

QTEST_GUILESS_MAIN(TestConvert)
#include "tst_convert.moc"

// Type: construction, structural equality and cty's names for types.

#include "engine/hcl/value/Type.h"

#include <QTest>

using kiln::hcl::Type;

class TestType : public QObject
{
    Q_OBJECT

private slots:
    void names_data()
    {
        QTest::addColumn<Type>("type");
        QTest::addColumn<QString>("friendly");
        QTest::addColumn<QString>("constraint");
        QTest::addColumn<QString>("expression");
        const Type obj = Type::object({{"b", Type::number()}, {"a", Type::string()}});
        QTest::newRow("dynamic") << Type() << "dynamic"
                                 << "any type"
                                 << "any";
        QTest::newRow("string") << Type::string() << "string"
                                << "string"
                                << "string";
        QTest::newRow("number") << Type::number() << "number"
                                << "number"
                                << "number";
        QTest::newRow("bool") << Type::boolean() << "bool"
                              << "bool"
                              << "bool";
        QTest::newRow("list") << Type::list(Type::string()) << "list of string"
                              << "list of string"
                              << "list(string)";
        QTest::newRow("set") << Type::set(Type::number()) << "set of number"
                             << "set of number"
                             << "set(number)";
        QTest::newRow("map") << Type::map(Type::boolean()) << "map of bool"
                             << "map of bool"
                             << "map(bool)";
        QTest::newRow("list any") << Type::list(Type()) << "list of dynamic"
                                  << "list of any single type"
                                  << "list(any)";
        QTest::newRow("map of list any")
            << Type::map(Type::list(Type())) << "map of list of dynamic"
            << "map of list of any single type"
            << "map(list(any))";
        QTest::newRow("object") << obj << "object"
                                << "object"
                                << "object({a=string,b=number})";
        QTest::newRow("list of object") << Type::list(obj) << "list of object"
                                        << "list of object"
                                        << "list(object({a=string,b=number}))";
        QTest::newRow("tuple") << Type::tuple({Type::string(), Type::boolean()}) << "tuple"
                               << "tuple"
                               << "tuple([string,bool])";
        QTest::newRow("empty object") << Type::object({}) << "object"
                                      << "object"
                                      << "object({})";
        QTest::newRow("empty tuple") << Type::tuple({}) << "tuple"
                                     << "tuple"
                                     << "tuple([])";
        QTest::newRow("optional attr") << Type::object({{"a", Type::string()}}, {"a"}) << "object"
                                       << "object"
                                       << "object({a=optional(string)})";
        QTest::newRow("odd attr name") << Type::object({{"a b", Type::string()}}) << "object"
                                       << "object"
                                       << "object({\"a b\"=string})";
    }

    void names()
    {
        QFETCH(Type, type);
        QFETCH(QString, friendly);
        QFETCH(QString, constraint);
        QFETCH(QString, expression);
        QCOMPARE(type.friendlyName(), friendly);
        QCOMPARE(type.friendlyNameForConstraint(), constraint);
        QCOMPARE(type.typeExpression(), expression);
    }

    void kinds()
    {
        QVERIFY(Type().isDynamic());
        QVERIFY(Type::string().isPrimitive());
        QVERIFY(!Type::string().isCollection());
        QVERIFY(Type::set(Type::string()).isCollection());
        QVERIFY(Type::set(Type::string()).isListLike());
        QVERIFY(Type::tuple({}).isStructural());
        QVERIFY(Type::tuple({}).isListLike());
        QVERIFY(Type::object({}).isMapLike());
        QVERIFY(Type::map(Type::string()).isMapLike());
        QCOMPARE(Type::list(Type::number()).elementType(), Type::number());
        QCOMPARE(Type::tuple({Type::number(), Type::string()}).tupleElements().size(), 2);
        const Type obj = Type::object({{"x", Type::number()}});
        QVERIFY(obj.hasAttribute("x"));
        QVERIFY(!obj.hasAttribute("y"));
        QCOMPARE(obj.attributeType("x"), Type::number());
        QVERIFY(Type::string().attributeTypes().isEmpty());
        QVERIFY(Type::string().tupleElements().isEmpty());
    }

    void equality()
    {
        QCOMPARE(Type::list(Type::string()), Type::list(Type::string()));
        QVERIFY(Type::list(Type::string()) != Type::set(Type::string()));
        QVERIFY(Type::list(Type::string()) != Type::list(Type::number()));
        QCOMPARE(Type::object({{"a", Type::string()}}), Type::object({{"a", Type::string()}}));
        QVERIFY(Type::object({{"a", Type::string()}}) != Type::object({{"b", Type::string()}}));
        QVERIFY(
            Type::object({{"a", Type::string()}}) != Type::object({{"a", Type::string()}}, {"a"}));
        QCOMPARE(Type::tuple({Type::string()}), Type::tuple({Type::string()}));
        QVERIFY(Type::tuple({Type::string()}) != Type::tuple({Type::string(), Type::string()}));
        QCOMPARE(Type(), Type::dynamic());
        // Optional names that are not attributes are ignored.
        QCOMPARE(
            Type::object({{"a", Type::string()}}, {"zzz"}), Type::object({{"a", Type::string()}}));
    }

    void dynamicAndOptional()
    {
        QVERIFY(Type().hasDynamicTypes());
        QVERIFY(!Type::string().hasDynamicTypes());
        QVERIFY(Type::map(Type::list(Type())).hasDynamicTypes());
        QVERIFY(Type::object({{"a", Type::tuple({Type()})}}).hasDynamicTypes());
        QVERIFY(!Type::object({{"a", Type::tuple({Type::string()})}}).hasDynamicTypes());
        const Type withOpt
            = Type::list(Type::object({{"a", Type::string()}, {"b", Type::number()}}, {"b"}));
        QCOMPARE(withOpt.elementType().optionalAttributes(), QSet<QString>{"b"});
        const Type stripped = withOpt.withoutOptionalAttributesDeep();
        QVERIFY(stripped.elementType().optionalAttributes().isEmpty());
        QCOMPARE(
            stripped, Type::list(Type::object({{"a", Type::string()}, {"b", Type::number()}})));
    }
};

QTEST_GUILESS_MAIN(TestType)
#include "tst_type.moc"

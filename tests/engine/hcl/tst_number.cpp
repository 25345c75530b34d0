// Number: parsing like cty.ParseNumberVal, printing like big.Float.Text('f', -1),
// arithmetic with Go's precision rules. Expected texts were taken from Packer
// (`"x${expr}"` in `packer console` prints cty's number-to-string conversion).

#include "engine/hcl/value/Number.h"

#include <QTest>

using kiln::hcl::Number;

class TestNumber : public QObject
{
    Q_OBJECT

private:
    static Number num(const char *text)
    {
        const auto n = Number::parse(QString::fromLatin1(text));
        if (!n)
            qFatal("test literal %s does not parse", text);
        return *n;
    }

private slots:
    void parseAndPrint_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("printed");
        QTest::newRow("zero") << "0"
                              << "0";
        QTest::newRow("int") << "12"
                             << "12";
        QTest::newRow("negative") << "-1.5"
                                  << "-1.5";
        QTest::newRow("plus sign") << "+7"
                                   << "7";
        QTest::newRow("tenth") << "0.1"
                               << "0.1";
        QTest::newRow("exp") << "1e3"
                             << "1000";
        QTest::newRow("exp upper") << "2E2"
                                   << "200";
        QTest::newRow("exp plus") << "1.5e+2"
                                  << "150";
        QTest::newRow("1e21") << "1e21"
                              << "1000000000000000000000";
        QTest::newRow("1e100") << "1e100"
                               << "1000000000000000000000000000000000000000000000000000000000000000"
                                  "000000000000000000000000000000000000"
                                  "0";
        QTest::newRow("small") << "1.5e-7"
                               << "0.00000015";
        QTest::newRow("1e-10") << "1e-10"
                               << "0.0000000001";
        QTest::newRow("big odd integer") << "100000000000000000000000000000001"
                                         << "100000000000000000000000000000001";
        QTest::newRow("many digits") << "123456789.123456789"
                                     << "123456789.123456789";
        QTest::newRow("trailing zeros") << "1.2500"
                                        << "1.25";
        QTest::newRow("leading zeros") << "007"
                                       << "7";
        QTest::newRow("leading dot") << ".5"
                                     << "0.5";
        QTest::newRow("trailing dot") << "5."
                                      << "5";
        QTest::newRow("negative zero") << "-0"
                                       << "-0";
        QTest::newRow("inf") << "Inf"
                             << "+Inf";
        QTest::newRow("-inf") << "-inf"
                              << "-Inf";
        QTest::newRow("binary exponent") << "1p3"
                                         << "8";
        QTest::newRow("denormal double")
            << "5e-324"
            << QStringLiteral("0.") + QString(323, QLatin1Char('0')) + QStringLiteral("5");
        QTest::newRow("1e-400") << "1e-400"
                                << QStringLiteral("0.") + QString(399, QLatin1Char('0'))
                + QStringLiteral("1");
        QTest::newRow("int64 max") << "9223372036854775807"
                                   << "9223372036854775807";
        QTest::newRow("beyond int64") << "18446744073709551617"
                                      << "18446744073709551617";
    }

    void parseAndPrint()
    {
        QFETCH(QString, text);
        QFETCH(QString, printed);
        const auto n = Number::parse(text);
        QVERIFY(n.has_value());
        QCOMPARE(n->toString(), printed);
    }

    // big.Float's exponent is an int32: beyond it a literal is infinite or zero.
    void exponentRange()
    {
        QVERIFY(num("1e700000000").isInfinity());
        QCOMPARE(num("-1e700000000").toString(), QStringLiteral("-Inf"));
        QVERIFY(num("1e-700000000").isZero());
        QVERIFY(!num("1e600000000").isInfinity());
        QVERIFY((num("1e600000000") * num("1e600000000")).isInfinity());
    }

    void parseRejects_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad : {"", " 1", "1 ", "abc", "1e", "1e+", ".", "-", "+", "1.2.3", "0x10",
                 "1_000", "1e5.5", "infinity", "NaN", "--1", "1,5", "１"})
            QTest::newRow(bad) << QString::fromUtf8(bad);
    }

    void parseRejects()
    {
        QFETCH(QString, text);
        QVERIFY(!Number::parse(text).has_value());
    }

    void arithmetic_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("result");
        const QString third
            = QStringLiteral("0.") + QString(154, QLatin1Char('3')) + QLatin1Char('5');
        QTest::newRow("1/3") << "1"
                             << "/"
                             << "3" << third;
        QTest::newRow("-1/3") << "-1"
                              << "/"
                              << "3" << QLatin1Char('-') + third;
        QTest::newRow("1/7") << "1"
                             << "/"
                             << "7"
                             << "0."
                                "142857142857142857142857142857142857142857142857142857142857142857"
                                "142857142857142857142857"
                                "14285714285714285714285714285714285714285714285714285714285714285";
        QTest::newRow("0.1+0.2") << "0.1"
                                 << "+"
                                 << "0.2"
                                 << "0.3";
        QTest::newRow("0.1*3") << "0.1"
                               << "*"
                               << "3"
                               << "0.3";
        QTest::newRow("2*0.1") << "2"
                               << "*"
                               << "0.1"
                               << "0.2";
        QTest::newRow("10/4") << "10"
                              << "/"
                              << "4"
                              << "2.5";
        QTest::newRow("sub") << "5"
                             << "-"
                             << "7.5"
                             << "-2.5";
        QTest::newRow("7%3") << "7"
                             << "%"
                             << "3"
                             << "1";
        QTest::newRow("-7%3") << "-7"
                              << "%"
                              << "3"
                              << "-1";
        QTest::newRow("7%-3") << "7"
                              << "%"
                              << "-3"
                              << "1";
        QTest::newRow("7.5%2") << "7.5"
                               << "%"
                               << "2"
                               << "1.5";
        QTest::newRow("x%0") << "7"
                             << "%"
                             << "0"
                             << "7";
        QTest::newRow("1/0") << "1"
                             << "/"
                             << "0"
                             << "+Inf";
        QTest::newRow("-1/0") << "-1"
                              << "/"
                              << "0"
                              << "-Inf";
        QTest::newRow("inf%2") << "Inf"
                               << "%"
                               << "2"
                               << "+Inf";
        QTest::newRow("big product")
            << "123456789012345678901234567890"
            << "*"
            << "987654321098765432109876543210"
            << "121932631137021795226185032733622923332237463801111263526900";
        QTest::newRow("big sum") << "9223372036854775807"
                                 << "+"
                                 << "1"
                                 << "9223372036854775808";
        QTest::newRow("-0+0") << "-0"
                              << "+"
                              << "0"
                              << "0";
        // Random operations whose results were printed by Packer ("x${a op b}").
        QTest::newRow("packer 0") << "310965606"
                                  << "-"
                                  << "3"
                                  << "310965603";
        QTest::newRow("packer 1") << "7"
                                  << "+"
                                  << "6.02214076e23"
                                  << "602214076000000000000007";
        QTest::newRow("packer 2") << "0.125"
                                  << "*"
                                  << "99999.99999"
                                  << "12499.99999875";
        QTest::newRow("packer 3") << "123456789"
                                  << "-"
                                  << "1e10"
                                  << "-9876543211";
        QTest::newRow("packer 4") << "1e-7"
                                  << "*"
                                  << "0.23773543427348713"
                                  << "0.000000023773543427348713";
        QTest::newRow("packer 5") << "1e-7"
                                  << "/"
                                  << "10"
                                  << "0.00000001";
        QTest::newRow("packer 6") << "127630195765182382939790357034"
                                  << "*"
                                  << "0.999999"
                                  << "127630068134986617757407417243.642966";
        QTest::newRow("packer 7") << "0.2"
                                  << "-"
                                  << "1e10"
                                  << "-9999999999.8";
        QTest::newRow("packer 8") << "262713092902026"
                                  << "+"
                                  << "0.325264560979813390821149792"
                                  << "262713092902026.325264560979813390821149792";
        QTest::newRow("packer 9") << "1e10"
                                  << "-"
                                  << "1"
                                  << "9999999999";
        QTest::newRow("packer 10") << "6.02214076e23"
                                   << "-"
                                   << "1e-7"
                                   << "602214075999999999999999.9999999";
        QTest::newRow("packer 11") << "17"
                                   << "+"
                                   << "0.184289567189"
                                   << "17.184289567189";
        QTest::newRow("packer 12") << "0.3"
                                   << "-"
                                   << "2"
                                   << "-1.7";
        QTest::newRow("packer 13") << "34762276080338930909663400954221348614"
                                   << "/"
                                   << "2.5"
                                   << "13904910432135572363865360381688539445.6";
    }

    void arithmetic()
    {
        QFETCH(QString, a);
        QFETCH(QString, op);
        QFETCH(QString, b);
        QFETCH(QString, result);
        const Number x = *Number::parse(a);
        const Number y = *Number::parse(b);
        Number r;
        if (op == QLatin1String("+"))
            r = x + y;
        else if (op == QLatin1String("-"))
            r = x - y;
        else if (op == QLatin1String("*"))
            r = x * y;
        else if (op == QLatin1String("/"))
            r = x / y;
        else
            r = x % y;
        QCOMPARE(r.toString(), result);
    }

    // Precision follows the operands as in Go: an int64 has 64 bits, a float64 53.
    void precisionFollowsOperands()
    {
        // length("ab")/3 in Packer: a 64-bit integer over a 512-bit literal.
        QCOMPARE((Number::fromInt(2) / num("3")).toString(),
            QStringLiteral("0.") + QString(153, QLatin1Char('6')) + QLatin1Char('7'));
        // Two 64-bit integers divide at 64 bits.
        QCOMPARE((Number::fromInt(1) / Number::fromInt(3)).toString(),
            QStringLiteral("0.33333333333333333334"));
        QCOMPARE((Number::fromInt(2) / Number::fromInt(3)).toString(),
            QStringLiteral("0.6666666666666666667"));
        QCOMPARE((Number::fromInt(1) / Number::fromInt(7)).toString(),
            QStringLiteral("0.14285714285714285714"));
        QCOMPARE(Number::fromDouble(0.1).toString(), QStringLiteral("0.1"));
        QCOMPARE(Number::fromDouble(1.0 / 3.0).toString(), QStringLiteral("0.3333333333333333"));
        // Products of integers stay exact however large.
        Number p = Number::fromInt(1);
        for (int i = 0; i < 30; ++i)
            p = p * Number::fromInt(1000);
        QCOMPARE(p.toString(), QStringLiteral("1") + QString(90, QLatin1Char('0')));
    }

    void floatFunctions()
    {
        // cty's stdlib computes these in float64.
        QCOMPARE(num("2").pow(num("0.5")).toString(), QStringLiteral("1.4142135623730951"));
        QCOMPARE(num("8").log(num("2")).toString(), QStringLiteral("3"));
        QCOMPARE(num("2").pow(num("10")).toString(), QStringLiteral("1024"));
        QCOMPARE(num("2.7").floor().toString(), QStringLiteral("2"));
        QCOMPARE(num("-2.7").floor().toString(), QStringLiteral("-3"));
        QCOMPARE(num("2.1").ceil().toString(), QStringLiteral("3"));
        QCOMPARE(num("-2.1").ceil().toString(), QStringLiteral("-2"));
        QCOMPARE(num("-2.5").abs().toString(), QStringLiteral("2.5"));
        QCOMPARE((-num("2.5")).toString(), QStringLiteral("-2.5"));
        QCOMPARE((-num("0")).toString(), QStringLiteral("-0"));
    }

    void predicates()
    {
        QVERIFY(num("3").isInteger());
        QVERIFY(num("1e30").isInteger());
        QVERIFY(!num("3.5").isInteger());
        QVERIFY(!Number::infinity(1).isInteger());
        QVERIFY(Number::infinity(-1).isInfinity());
        QCOMPARE(Number::infinity(-1).sign(), -1);
        QVERIFY(num("-0").isZero());
        QCOMPARE(num("-0").sign(), 0);
        QCOMPARE(num("-3").sign(), -1);
        QCOMPARE(Number().toString(), QStringLiteral("0"));
        QCOMPARE(num("9223372036854775807").toInt64(),
            std::optional<qint64>(Q_INT64_C(9223372036854775807)));
        QCOMPARE(num("-9223372036854775808").toInt64(),
            std::optional<qint64>(std::numeric_limits<qint64>::min()));
        QVERIFY(!num("9223372036854775808").toInt64().has_value());
        QVERIFY(!num("1.5").toInt64().has_value());
        QCOMPARE(num("42").toInt64(), std::optional<qint64>(42));
        QCOMPARE(num("0.25").toDouble(), 0.25);
        QCOMPARE(Number::fromInt(-5).toString(), QStringLiteral("-5"));
    }

    void comparison()
    {
        QVERIFY(num("1") < num("2"));
        QVERIFY(num("-1") < num("0.5"));
        QVERIFY(num("2") == Number::fromInt(2));
        QVERIFY(num("0") == num("-0"));
        QVERIFY(num("1e21") == num("1000000000000000000000"));
        QVERIFY(num("0.1") != num("0.2"));
        QVERIFY(Number::infinity(-1) < num("-1e300"));
        QCOMPARE(num("3").compare(num("3")), 0);
        QCOMPARE(num("4").compare(num("3")), 1);
        // cty equality: non-integers that print the same are equal, so the float64
        // 0.1 equals the literal 0.1 although the binary values differ.
        QVERIFY(Number::fromDouble(0.1) == num("0.1"));
        QVERIFY(Number::fromDouble(0.1) != num("0.1000000000000000055511151231257827"));
        QVERIFY(num("0.1") + num("0.2") == num("0.3"));
    }
};

QTEST_GUILESS_MAIN(TestNumber)
#include "tst_number.moc"

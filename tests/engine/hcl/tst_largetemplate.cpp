// The structures that keep `kiln validate` fast on large templates, checked for
// the behaviour they must not change: token bytes that share the source buffer,
// the ASCII shortcut of grapheme counting, the sorted fast path of Value::object
// and the lexer's column counting shortcut for printable ASCII.

#include "engine/hcl/Lexer.h"
#include "engine/hcl/Parser.h"
#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/value/Value.h"

#include <QTest>

using namespace kiln::hcl;

class TestLargeTemplate : public QObject
{
    Q_OBJECT

private slots:
    void tokenBytesOutliveTheSource();
    void tokenBytesDetachOnWrite();
    void tokenBytesFromRawSource();
    void tokenColumnsAcrossAsciiAndUnicode();
    void graphemeCountMatchesSegmentation_data();
    void graphemeCountMatchesSegmentation();
    void objectKeysSortedAndNormalized();
    void manyTokensKeepTheirPlaces();
};

void TestLargeTemplate::tokenBytesOutliveTheSource()
{
    Tokens tokens;
    {
        QByteArray src("name = \"value\" # note\n");
        tokens = lexConfig(src, QStringLiteral("a.hcl"));
        src.fill('x'); // detaches: the tokens keep the original bytes
    }
    QStringList bytes;
    for (const Token &t : tokens)
        bytes << QString::fromUtf8(t.bytes);
    QCOMPARE(bytes,
        (QStringList{QStringLiteral("name"), QStringLiteral("="), QStringLiteral("\""),
            QStringLiteral("value"), QStringLiteral("\""), QStringLiteral("# note\n"), QString()}));
}

void TestLargeTemplate::tokenBytesDetachOnWrite()
{
    const QByteArray src("alpha beta\n");
    Tokens tokens = lexConfig(src, QString());
    QCOMPARE(tokens[0].bytes, QByteArray("alpha"));
    tokens[0].bytes.append("XYZ"); // must not write into the shared source buffer
    tokens[0].bytes[0] = 'A';
    QCOMPARE(tokens[0].bytes, QByteArray("AlphaXYZ"));
    QCOMPARE(tokens[1].bytes, QByteArray("beta"));
    QCOMPARE(src, QByteArray("alpha beta\n"));
    // A copy of a token's bytes that outlives every other owner may grow in place.
    QByteArray last = tokens[1].bytes;
    tokens.clear();
    last.append("-gamma");
    QCOMPARE(last, QByteArray("beta-gamma"));
    QCOMPARE(src, QByteArray("alpha beta\n"));
}

void TestLargeTemplate::tokenBytesFromRawSource()
{
    char buffer[] = "key = 12\n";
    Tokens tokens
        = lexConfig(QByteArray::fromRawData(buffer, qsizetype(sizeof buffer) - 1), QString());
    buffer[0] = 'X'; // raw data is not owned: tokens must have copied it
    buffer[6] = '9';
    QCOMPARE(tokens[0].bytes, QByteArray("key"));
    QCOMPARE(tokens[2].bytes, QByteArray("12"));
}

void TestLargeTemplate::tokenColumnsAcrossAsciiAndUnicode()
{
    // "e" + combining acute is one column; the emoji flag pair is one column;
    // a BOM is skipped but counted in bytes.
    const QByteArray src("\xEF\xBB\xBF"
                         "ab = \"xe\xCC\x81y\xF0\x9F\x87\xA9\xF0\x9F\x87\xAAz\"\n");
    const Tokens tokens = lexConfig(src, QStringLiteral("u.hcl"));
    QCOMPARE(tokens[0].bytes, QByteArray("ab"));
    QCOMPARE(tokens[0].range.start.column, 1);
    QCOMPARE(tokens[0].range.end.column, 3);
    QCOMPARE(tokens[0].range.start.byte, 3);
    const Token &lit = tokens[3];
    QCOMPARE(lit.type, TokenType::QuotedLit);
    QCOMPARE(lit.range.start.column, 7);
    QCOMPARE(lit.range.end.column, 7 + 5); // x, é, y, flag, z
    QCOMPARE(tokens[4].range.start.column, 12);
    QCOMPARE(tokens[5].type, TokenType::Newline);
    QCOMPARE(tokens[5].range.end.line, 2);
    QCOMPARE(tokens[5].range.end.column, 1);
}

void TestLargeTemplate::graphemeCountMatchesSegmentation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qsizetype>("count");
    QTest::newRow("empty") << QString() << qsizetype(0);
    QTest::newRow("ascii") << QStringLiteral("value-12") << qsizetype(8);
    QTest::newRow("crlf is one") << QStringLiteral("a\r\nb") << qsizetype(3);
    QTest::newRow("cr cr lf") << QStringLiteral("\r\r\n") << qsizetype(2);
    QTest::newRow("lf cr") << QStringLiteral("\n\r") << qsizetype(2);
    QTest::newRow("controls") << QStringLiteral("\t\x01\x7f") << qsizetype(3);
    QTest::newRow("combining") << QStringLiteral("e\u0301x") << qsizetype(2);
    QTest::newRow("emoji") << QStringLiteral("🤔🤷") << qsizetype(2);
    QTest::newRow("flags") << QStringLiteral("\U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7")
                           << qsizetype(2);
    QTest::newRow("ascii then combining") << QStringLiteral("ab\r\ne\u0308") << qsizetype(4);
}

void TestLargeTemplate::graphemeCountMatchesSegmentation()
{
    QFETCH(QString, text);
    QFETCH(qsizetype, count);
    QCOMPARE(functions::graphemeCount(text), count);
    QCOMPARE(functions::graphemes(text).size(), count);
}

void TestLargeTemplate::objectKeysSortedAndNormalized()
{
    // Sorted ASCII keys take the shortcut; the result is the same object.
    const Value plain = Value::object({{QStringLiteral("b"), Value::string(QStringLiteral("2"))},
        {QStringLiteral("a"), Value::number(1)}});
    QCOMPARE(plain.type().attributeTypes().keys(),
        (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(plain.attribute(QStringLiteral("b")).asString(), QStringLiteral("2"));
    QCOMPARE(plain.elements().size(), 2);
    QVERIFY(plain.type().attributeType(QStringLiteral("a")) == Type::number());

    // A decomposed key is stored in NFC, as cty does, and its value follows it.
    const QString decomposed = QStringLiteral("e\u0301t\u00e9");
    const QString composed = QStringLiteral("\u00e9t\u00e9");
    const Value v = Value::object({{decomposed, Value::string(QStringLiteral("x"))},
        {QStringLiteral("z"), Value::boolean(true)}});
    QVERIFY(v.type().hasAttribute(composed));
    QVERIFY(!v.type().hasAttribute(decomposed));
    QCOMPARE(v.attribute(composed).asString(), QStringLiteral("x"));
    QCOMPARE(v.elements().size(), 2);
    QVERIFY(v.rawEquals(Value::object({{composed, Value::string(QStringLiteral("x"))},
        {QStringLiteral("z"), Value::boolean(true)}})));
}

void TestLargeTemplate::manyTokensKeepTheirPlaces()
{
    // Far more tokens than a small reservation holds: every one keeps its bytes and place.
    QByteArray src;
    const int n = 5000;
    for (int i = 0; i < n; ++i)
        src += "v" + QByteArray::number(i) + " = \"${upper(var.s" + QByteArray::number(i)
            + ")}\"\n";
    Diagnostics diags;
    const File file = parseConfig(src, QStringLiteral("big.hcl"), diags);
    QVERIFY(!diags.hasErrors());
    const Tokens tokens = lexConfig(src, QStringLiteral("big.hcl"));
    int line = 0;
    for (const Token &t : tokens) {
        if (t.type != TokenType::Ident || t.range.start.column != 1)
            continue;
        ++line;
        QCOMPARE(t.range.start.line, line);
        QCOMPARE(t.bytes, "v" + QByteArray::number(line - 1));
    }
    QCOMPARE(line, n);
}

QTEST_GUILESS_MAIN(TestLargeTemplate)
#include "tst_largetemplate.moc"

#include "engine/hcl/json/JsonParser.h"

#include <QElapsedTimer>
#include <QTest>

using namespace kiln::hcl;
using namespace kiln::hcl::json;

namespace {

JsonParseResult parse(const char *src)
{
    return JsonParser::parse(QByteArray(src), QStringLiteral("t.json"));
}

QString pos(const SourcePos &p)
{
    return QStringLiteral("%1:%2@%3").arg(p.line).arg(p.column).arg(p.byte);
}

} // namespace

class TestJsonParser : public QObject
{
    Q_OBJECT

private slots:
    void scalars_data();
    void scalars();
    void objectKeepsOrderAndDuplicates();
    void ranges();
    void stringDecoding_data();
    void stringDecoding();
    void numberText();
    void errors_data();
    void errors();
    void invalidStringPosition();
    void startPosition();
    void graphemeColumns();
    void depthLimit();
    void largeFileIsFast();
};

void TestJsonParser::scalars_data()
{
    QTest::addColumn<QByteArray>("src");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::newRow("null") << QByteArray("null") << int(JsonValue::Kind::Null) << QString();
    QTest::newRow("true") << QByteArray(" true ") << int(JsonValue::Kind::Bool) << QString();
    QTest::newRow("number") << QByteArray("-12.5e+3") << int(JsonValue::Kind::Number)
                            << QStringLiteral("-12.5e+3");
    QTest::newRow("string") << QByteArray("\"hi\"") << int(JsonValue::Kind::String)
                            << QStringLiteral("hi");
    QTest::newRow("array") << QByteArray("[]") << int(JsonValue::Kind::Array) << QString();
    QTest::newRow("object") << QByteArray("{}") << int(JsonValue::Kind::Object) << QString();
}

void TestJsonParser::scalars()
{
    QFETCH(QByteArray, src);
    QFETCH(int, kind);
    QFETCH(QString, text);
    const JsonParseResult r = JsonParser::parse(src, QStringLiteral("t.json"));
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(int(r.value.kind()), kind);
    QCOMPARE(r.value.text(), text);
}

void TestJsonParser::objectKeepsOrderAndDuplicates()
{
    const auto r = parse(R"({"b": 1, "a": [true, false, null], "b": "x"})");
    QVERIFY(r.diagnostics.isEmpty());
    const auto &m = r.value.members();
    QCOMPARE(m.size(), size_t(3));
    QCOMPARE(m[0].key, QStringLiteral("b"));
    QCOMPARE(m[1].key, QStringLiteral("a"));
    QCOMPARE(m[2].key, QStringLiteral("b"));
    QCOMPARE(r.value.first(u"b")->value.text(), QStringLiteral("1"));
    QCOMPARE(r.value.get(u"b")->text(), QStringLiteral("x"));
    QCOMPARE(r.value.get(u"missing"), nullptr);
    const auto &arr = m[1].value.elements();
    QCOMPARE(arr.size(), size_t(3));
    QVERIFY(arr[0].boolValue());
    QVERIFY(!arr[1].boolValue());
    QVERIFY(arr[2].isNull());
}

void TestJsonParser::ranges()
{
    const auto r = parse("{\n  \"key\": [1,\n\t\"v\"]\r\n}");
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(pos(r.value.range().start), QStringLiteral("1:1@0"));
    QCOMPARE(pos(r.value.range().end), QStringLiteral("4:2@23"));
    QCOMPARE(pos(r.value.closeRange().start), QStringLiteral("4:1@22"));
    const JsonMember &m = r.value.members()[0];
    QCOMPARE(m.keyRange.filename, QStringLiteral("t.json"));
    QCOMPARE(pos(m.keyRange.start), QStringLiteral("2:3@4"));
    QCOMPARE(pos(m.keyRange.end), QStringLiteral("2:8@9"));
    QCOMPARE(pos(m.value.range().start), QStringLiteral("2:10@11"));
    QCOMPARE(pos(m.value.openRange().end), QStringLiteral("2:11@12"));
    // A tab counts two columns, a carriage return none.
    const JsonValue &v = m.value.elements()[1];
    QCOMPARE(pos(v.range().start), QStringLiteral("3:3@16"));
    QCOMPARE(pos(v.range().end), QStringLiteral("3:6@19"));
    QCOMPARE(pos(m.value.range().end), QStringLiteral("3:7@20"));
}

void TestJsonParser::stringDecoding_data()
{
    QTest::addColumn<QByteArray>("src");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QByteArray(R"("abc")") << QStringLiteral("abc");
    QTest::newRow("escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t")")
                             << QStringLiteral("\"\\/\b\f\n\r\t");
    QTest::newRow("bmp") << QByteArray(R"("\u00e9\u4E2D")") << QStringLiteral("é中");
    QTest::newRow("pair") << QByteArray(R"("\ud83d\ude00")") << QStringLiteral("😀");
    QTest::newRow("lone high") << QByteArray(R"("\ud83dx")") << QStringLiteral("\uFFFDx");
    QTest::newRow("lone low") << QByteArray(R"("\ude00")") << QStringLiteral("\uFFFD");
    QTest::newRow("high then bmp") << QByteArray(R"("\ud83d\u0041")")
                                   << QStringLiteral("\uFFFDA");
    QTest::newRow("utf8") << QByteArray("\"h\xc3\xa9 \xf0\x9f\x98\x80\"") << QStringLiteral("hé 😀");
    QTest::newRow("bad utf8") << QByteArray("\"a\xff" "b\"") << QStringLiteral("a\uFFFDb");
    QTest::newRow("escaped quote end") << QByteArray(R"("a\\")") << QStringLiteral("a\\");
}

void TestJsonParser::stringDecoding()
{
    QFETCH(QByteArray, src);
    QFETCH(QString, expected);
    const JsonParseResult r = JsonParser::parse(src, QStringLiteral("t.json"));
    QVERIFY2(r.diagnostics.isEmpty(),
             qPrintable(r.diagnostics.isEmpty() ? QString() : r.diagnostics[0].summary));
    QCOMPARE(r.value.text(), expected);
}

void TestJsonParser::numberText()
{
    const auto r = parse("[0, -0.0, 123456789012345678901234567890, 1E400, 2.50, 1e3]");
    QVERIFY(r.diagnostics.isEmpty());
    const auto &e = r.value.elements();
    QCOMPARE(e[2].text(), QStringLiteral("123456789012345678901234567890"));
    QCOMPARE(e[3].text(), QStringLiteral("1E400"));
    QCOMPARE(e[4].text(), QStringLiteral("2.50"));
    bool ok = false;
    QCOMPARE(e[5].toInt64(&ok), qint64(1000));
    QVERIFY(ok);
    e[4].toInt64(&ok);
    QVERIFY(!ok);
    QCOMPARE(e[4].toDouble(&ok), 2.5);
    QVERIFY(ok);
}

void TestJsonParser::errors_data()
{
    QTest::addColumn<QByteArray>("src");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("at"); // line:column@byte of the subject start

    const QString valueStart = QStringLiteral(
        "A JSON value must start with a brace, a bracket, a number, a string, or a keyword.");
    QTest::newRow("empty") << QByteArray("") << "Missing value" << "The JSON data ends prematurely."
                           << "1:1@0";
    QTest::newRow("keyword NaN") << QByteArray("[NaN]") << "Invalid JSON keyword"
                                 << "The JavaScript identifier \"NaN\" cannot be used in JSON."
                                 << "1:2@1";
    QTest::newRow("keyword True") << QByteArray("True") << "Invalid JSON keyword"
                                  << "\"True\" is not a valid JSON keyword. Did you mean \"true\"?"
                                  << "1:1@0";
    QTest::newRow("keyword nul") << QByteArray("{\"a\": nul}") << "Invalid JSON keyword"
                                 << "\"nul\" is not a valid JSON keyword. Did you mean \"null\"?"
                                 << "1:7@6";
    QTest::newRow("keyword far") << QByteArray("yes") << "Invalid JSON keyword"
                                 << "\"yes\" is not a valid JSON keyword." << "1:1@0";
    QTest::newRow("equals") << QByteArray("{\"a\" = 1}") << "Missing property value colon"
                            << "JSON uses a colon as its name/value delimiter, not an equals sign."
                            << "1:6@5";
    QTest::newRow("no colon") << QByteArray("{\"a\" 1}") << "Missing property value colon"
                              << "A colon must appear between an object property's name and its "
                                 "value."
                              << "1:6@5";
    QTest::newRow("no value") << QByteArray("{\"a\", \"b\"}") << "Missing object value"
                              << "A JSON object attribute must have a value, introduced by a "
                                 "colon."
                              << "1:5@4";
    QTest::newRow("trailing comma obj")
        << QByteArray("{\n  \"a\": 1,\n}") << "Trailing comma in object"
        << "JSON does not permit a trailing comma after the final property in an object."
        << "2:9@10";
    QTest::newRow("trailing comma arr")
        << QByteArray("[1, 2,]") << "Trailing comma in array"
        << "JSON does not permit a trailing comma after the final value in an array." << "1:6@5";
    QTest::newRow("unclosed obj") << QByteArray("  {\"a\": 1") << "Unclosed object"
                                  << "No closing brace was found for this JSON object."
                                  << "1:3@2";
    QTest::newRow("unclosed arr") << QByteArray("[1") << "Unclosed object"
                                  << "No closing bracket was found for this JSON array."
                                  << "1:1@0";
    QTest::newRow("mismatched braces") << QByteArray("{\"a\": 1] ") << "Mismatched braces"
                                       << "A JSON object must be closed with a brace, not a "
                                          "bracket."
                                       << "1:10@9";
    QTest::newRow("mismatched brackets") << QByteArray("[1}") << "Mismatched brackets"
                                         << "A JSON array must be closed with a bracket, not a "
                                            "brace."
                                         << "1:4@3";
    QTest::newRow("missing comma obj")
        << QByteArray("{\"a\": 1 \"b\": 2} x") << "Missing attribute seperator comma"
        << "A comma must appear between each property definition in an object." << "1:17@16";
    QTest::newRow("missing comma arr")
        << QByteArray("[1 2]") << "Missing attribute seperator comma"
        << "A comma must appear between each value in an array." << "1:6@5";
    QTest::newRow("colon in array") << QByteArray("[1: 2]") << "Invalid array value"
                                    << "A colon is not used to introduce values in a JSON array."
                                    << "1:7@6";
    QTest::newRow("bad key") << QByteArray("{1: 2}") << "Invalid object property name"
                             << "A JSON object property name must be a string" << "1:2@1";
    QTest::newRow("brace value") << QByteArray("{\"a\": }") << "Missing JSON value" << valueStart
                                 << "1:7@6";
    QTest::newRow("bracket value") << QByteArray("[1, ]") << "Trailing comma in array"
                                   << "JSON does not permit a trailing comma after the final "
                                      "value in an array."
                                   << "1:3@2";
    QTest::newRow("close bracket") << QByteArray("]") << "Missing array element value"
                                   << valueStart << "1:1@0";
    QTest::newRow("invalid start") << QByteArray("{\"a\": 'x'}") << "Invalid start of value"
                                   << valueStart << "1:7@6";
    QTest::newRow("comma start") << QByteArray(",") << "Invalid start of value" << valueStart
                                 << "1:1@0";
    QTest::newRow("bad number") << QByteArray("[01]") << "Invalid JSON number"
                                << "There is a syntax error in the given JSON number." << "1:2@1";
    QTest::newRow("bad number 2") << QByteArray("1.") << "Invalid JSON number"
                                  << "There is a syntax error in the given JSON number." << "1:1@0";
    QTest::newRow("plus number") << QByteArray("+1") << "Invalid JSON number"
                                 << "There is a syntax error in the given JSON number." << "1:1@0";
    QTest::newRow("extraneous") << QByteArray("{} {}") << "Extraneous data after value"
                                << "Extra characters appear after the JSON value." << "1:4@3";
    QTest::newRow("bad escape") << QByteArray("\"a\\qb\"") << "Invalid JSON string"
                                << "There is a syntax error in the given JSON string." << "1:5@4";
    QTest::newRow("unterminated") << QByteArray("[\"abc\n\"]") << "Invalid JSON string"
                                  << "There is a syntax error in the given JSON string."
                                  << "1:6@5";
}

void TestJsonParser::errors()
{
    QFETCH(QByteArray, src);
    QFETCH(QString, summary);
    QFETCH(QString, detail);
    QFETCH(QString, at);
    const JsonParseResult r = JsonParser::parse(src, QStringLiteral("t.json"));
    QCOMPARE(r.diagnostics.size(), 1);
    QVERIFY(r.value.isInvalid());
    const Diagnostic &d = r.diagnostics[0];
    QCOMPARE(d.severity, Severity::Error);
    QCOMPARE(d.summary, summary);
    QCOMPARE(d.detail, detail);
    QVERIFY(d.subject.has_value());
    QCOMPARE(d.subject->filename, QStringLiteral("t.json"));
    QCOMPARE(pos(d.subject->start), at);
}

void TestJsonParser::invalidStringPosition()
{
    // encoding/json reports the offset after the bad byte; the whole string
    // is the context.
    const auto r = parse("{\"k\": \"ab\\u12x4\"}");
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic &d = r.diagnostics[0];
    QCOMPARE(pos(d.subject->start), QStringLiteral("1:15@14"));
    QCOMPARE(pos(d.subject->end), QStringLiteral("1:16@15"));
    QVERIFY(d.context.has_value());
    QCOMPARE(pos(d.context->start), QStringLiteral("1:7@6"));
    QCOMPARE(pos(d.context->end), QStringLiteral("1:17@16"));
}

void TestJsonParser::startPosition()
{
    const auto r = JsonParser::parse("[1]", QStringLiteral("x"), SourcePos{5, 10, 100});
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(pos(r.value.elements()[0].range().start), QStringLiteral("5:11@101"));
}

void TestJsonParser::graphemeColumns()
{
    // "é" as e + combining acute is one column; the emoji pair one column.
    const auto r = parse("[\"e\xcc\x81\xf0\x9f\x98\x80\", 1]");
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(pos(r.value.elements()[0].range().end), QStringLiteral("1:6@10"));
    QCOMPARE(pos(r.value.elements()[1].range().start), QStringLiteral("1:8@12"));
}

void TestJsonParser::depthLimit()
{
    QByteArray deep(JsonParser::maxDepth + 1, '[');
    deep += QByteArray(JsonParser::maxDepth + 1, ']');
    const auto r = JsonParser::parse(deep, QStringLiteral("t.json"));
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics[0].summary, QStringLiteral("Nesting too deep"));
    QByteArray ok(JsonParser::maxDepth, '[');
    ok += QByteArray(JsonParser::maxDepth, ']');
    QVERIFY(JsonParser::parse(ok, QStringLiteral("t.json")).diagnostics.isEmpty());
}

void TestJsonParser::largeFileIsFast()
{
    QByteArray src = "{\n  \"builders\": [\n";
    const int items = 4000;
    for (int i = 0; i < items; ++i) {
        src += "    {\n      \"type\": \"null\",\n      \"name\": \"b" + QByteArray::number(i)
            + "\",\n      \"size\": " + QByteArray::number(i * 1.5) + "\n    }"
            + (i + 1 < items ? ",\n" : "\n");
    }
    src += "  ]\n}\n";
    QVERIFY(src.count('\n') >= 20000);
    QElapsedTimer timer;
    timer.start();
    const auto r = JsonParser::parse(src, QStringLiteral("big.json"));
    const qint64 ms = timer.elapsed();
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(r.value.get(u"builders")->elements().size(), size_t(items));
    QCOMPARE(r.value.get(u"builders")->elements().back().range().end.line, 20002);
    // Generous bound so that debug builds on a loaded machine pass too.
    QVERIFY2(ms < 500, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
    qInfo("parsed %lld lines in %lld ms", qint64(src.count('\n')), ms);
}

QTEST_GUILESS_MAIN(TestJsonParser)
#include "tst_jsonparser.moc"

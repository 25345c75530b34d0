// The HCL-generic edit layer: applying and diffing text edits, line
// geometry, item extents and the JSON text editor.

#include "engine/hcl/edit/HclWriter.h"
#include "engine/hcl/edit/ItemLines.h"
#include "engine/hcl/edit/JsonTextEditor.h"
#include "engine/hcl/edit/SourceText.h"
#include "engine/hcl/edit/TextEdit.h"
#include "engine/hcl/json/JsonParser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace kiln::hcl;
using namespace kiln::hcl::edit;

class TestTextEdit : public QObject
{
    Q_OBJECT

private slots:
    void applyInAnyOrder();
    void diffIsMinimal_data();
    void diffIsMinimal();
    void diffRoundTrips();
    void utf16Offsets();
    void indentDetection_data();
    void indentDetection();
    void itemRemoval_data();
    void itemRemoval();
    void quoting();
    void reindentLeavesHeredocs();
    void jsonEdits_data();
    void jsonEdits();
};

void TestTextEdit::applyInAnyOrder()
{
    const QList<TextEdit> edits{{{}, 6, 11, QStringLiteral("there")},
        {{}, 0, 5, QStringLiteral("Hi")}, {{}, 11, 11, QStringLiteral("!")}};
    QCOMPARE(applyEdits(QStringLiteral("hello world"), edits), QStringLiteral("Hi there!"));
}

void TestTextEdit::diffIsMinimal_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QList<TextEdit>>("edits");
    QTest::newRow("same") << QStringLiteral("a\nb\n") << QStringLiteral("a\nb\n")
                          << QList<TextEdit>{};
    QTest::newRow("value only") << QStringLiteral("x {\n  a = 1 # c\n}\n")
                                << QStringLiteral("x {\n  a = 22 # c\n}\n")
                                << QList<TextEdit>{
                                       {QStringLiteral("f"), 10, 11, QStringLiteral("22")}};
    QTest::newRow("inserted lines")
        << QStringLiteral("a\nc\n") << QStringLiteral("a\nb\nb2\nc\n")
        << QList<TextEdit>{{QStringLiteral("f"), 2, 2, QStringLiteral("b\nb2\n")}};
    QTest::newRow("two hunks") << QStringLiteral("1\n2\n3\n4\n5\n")
                               << QStringLiteral("1\n5\n3\n4\n2\n")
                               << QList<TextEdit>{{QStringLiteral("f"), 2, 3, QStringLiteral("5")},
                                      {QStringLiteral("f"), 8, 9, QStringLiteral("2")}};
    QTest::newRow("deleted last line without newline") << QStringLiteral(
        "a\nb") << QStringLiteral("a\n") << QList<TextEdit>{{QStringLiteral("f"), 2, 3, QString()}};
}

void TestTextEdit::diffIsMinimal()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QList<TextEdit>, edits);
    QCOMPARE(diffEdits(QStringLiteral("f"), before, after), edits);
}

void TestTextEdit::diffRoundTrips()
{
    // Random line soups: whatever the change, the edits reproduce it.
    QRandomGenerator rng(42);
    const QStringList vocabulary{QStringLiteral("a"), QStringLiteral("b = 1"), QStringLiteral(""),
        QStringLiteral("}"), QStringLiteral("ä😀")};
    const auto soup = [&] {
        QStringList l;
        for (int i = int(rng.bounded(12)); i > 0; --i)
            l << vocabulary[int(rng.bounded(int(vocabulary.size())))];
        return l.join(QLatin1Char('\n'));
    };
    for (int round = 0; round < 500; ++round) {
        const QString a = soup(), b = soup();
        QCOMPARE(applyEdits(a, diffEdits(QStringLiteral("f"), a, b)), b);
    }
}

void TestTextEdit::utf16Offsets()
{
    const QString text = QStringLiteral("ä😀x\n");
    const SourceText s(text.toUtf8());
    QCOMPARE(s.toUtf16(0), 0);
    QCOMPARE(s.toUtf16(2), 1); // after ä (2 bytes)
    QCOMPARE(s.toUtf16(6), 3); // after 😀 (4 bytes, a surrogate pair)
    QCOMPARE(s.toByte(3), 6);
    QCOMPARE(s.toByte(text.size()), s.size());
    QCOMPARE(text.mid(s.toUtf16(6), 1), QStringLiteral("x"));
}

void TestTextEdit::indentDetection_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("unit");
    QTest::addColumn<QByteArray>("newline");
    QTest::newRow("default") << QByteArray("a = 1\n") << QByteArray("  ") << QByteArray("\n");
    QTest::newRow("four spaces") << QByteArray("b {\n    c {\n        d = 1\n    }\n}\n")
                                 << QByteArray("    ") << QByteArray("\n");
    QTest::newRow("tabs, crlf") << QByteArray("b {\r\n\tc = 1\r\n}\r\n") << QByteArray("\t")
                                << QByteArray("\r\n");
    QTest::newRow("majority wins")
        << QByteArray("b {\n  c = [\n         1]\n  d {\n    e = 1\n  }\n}\n") << QByteArray("  ")
        << QByteArray("\n");
}

void TestTextEdit::indentDetection()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, unit);
    QFETCH(QByteArray, newline);
    const SourceText s(text);
    QCOMPARE(s.indentUnit(), unit);
    QCOMPARE(s.newline(), newline);
}

void TestTextEdit::itemRemoval_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("item"); // the item's own text, found in `text`
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("blank after taken after an opening brace") << QByteArray(
        "b {\n  x {}\n\n  y {}\n}\n") << QByteArray("x {}") << QByteArray("b {\n  y {}\n}\n");
    QTest::newRow("blank before taken before a closing brace") << QByteArray(
        "b {\n  x {}\n\n  y {}\n}\n") << QByteArray("y {}") << QByteArray("b {\n  x {}\n}\n");
    QTest::newRow("separating blank kept") << QByteArray("a = 1\nx {}\n\ny {}\n")
                                           << QByteArray("x {}") << QByteArray("a = 1\n\ny {}\n");
    QTest::newRow("comments attached, detached one stays")
        << QByteArray("# file header\n\n// about x\n/* more */\nx {} # trailing\ny {}\n")
        << QByteArray("x {}") << QByteArray("# file header\n\ny {}\n");
    QTest::newRow("one-line body keeps the rest")
        << QByteArray("b { x = 1 }\n") << QByteArray("x = 1") << QByteArray("b {  }\n");
}

void TestTextEdit::itemRemoval()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, item);
    QFETCH(QByteArray, expected);
    const SourceText s(text);
    const int start = int(text.indexOf(item));
    const ItemLines l = ItemLines::of(s, start, start + int(item.size()));
    QCOMPARE(applyByteEdits(text, {l.removal(s)}), expected);
}

void TestTextEdit::quoting()
{
    QCOMPARE(HclWriter::quote(QStringLiteral("a\"b\\c\n${x} %{y} $z")),
        QByteArray("\"a\\\"b\\\\c\\n$${x} %%{y} $z\""));
    QVERIFY(HclWriter::isIdentifier(QStringLiteral("ssh_host-1")));
    QVERIFY(!HclWriter::isIdentifier(QStringLiteral("1abc")));
    QVERIFY(!HclWriter::isIdentifier(QStringLiteral("a b")));
    QCOMPARE(
        JsonTextEditor::jsonForExpression(QStringLiteral("[1, \"a\"]")), QByteArray("[1, \"a\"]"));
    QCOMPARE(
        JsonTextEditor::jsonForExpression(QStringLiteral("var.x")), QByteArray("\"${var.x}\""));
}

void TestTextEdit::reindentLeavesHeredocs()
{
    const HclWriter w("\t", "\n");
    const QByteArray in
        = "provisioner \"shell\" {\n  inline = <<EOF\necho  hi\n  EOF\n  x = 1\n}\n";
    QCOMPARE(w.reindent(in, "\t"),
        QByteArray(
            "\tprovisioner \"shell\" {\n\t\tinline = <<EOF\necho  hi\n  EOF\n\t\tx = 1\n\t}\n"));
    QCOMPARE(HclWriter::dedent("    a {\n      b = 1\n    }\n"), QByteArray("a {\n  b = 1\n}\n"));
}

void TestTextEdit::jsonEdits_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("op");
    QTest::addColumn<QByteArray>("expected");
    // op: 0 append "z" to array "a", 1 insert at 0, 2 remove element 1, 3 move 0 -> 2, 4 set "k" =
    // 5, 5 remove member 0
    QTest::newRow("append one-line")
        << QByteArray("{\"a\": [1, 2]}") << 0 << QByteArray("{\"a\": [1, 2, \"z\"]}");
    QTest::newRow("insert first multi-line")
        << QByteArray("{\n  \"a\": [\n    1,\n    2\n  ]\n}") << 1
        << QByteArray("{\n  \"a\": [\n    \"z\",\n    1,\n    2\n  ]\n}");
    QTest::newRow("append to empty")
        << QByteArray("{\n  \"a\": []\n}") << 0 << QByteArray("{\n  \"a\": [\n    \"z\"\n  ]\n}");
    QTest::newRow("remove middle")
        << QByteArray("{\"a\": [1, 2, 3]}") << 2 << QByteArray("{\"a\": [1, 3]}");
    QTest::newRow("remove last") << QByteArray("{\"a\": [1, 2]}") << 2
                                 << QByteArray("{\"a\": [1]}");
    QTest::newRow("move first to last")
        << QByteArray("{\n  \"a\": [\n    1,\n    2,\n    3\n  ]\n}") << 3
        << QByteArray("{\n  \"a\": [\n    2,\n    3,\n    1\n  ]\n}");
    QTest::newRow("set new member") << QByteArray("{\n    \"a\": [1]\n}") << 4
                                    << QByteArray("{\n    \"a\": [1],\n    \"k\": 5\n}");
    QTest::newRow("replace member")
        << QByteArray("{\"k\": \"old\", \"a\": 1}") << 4 << QByteArray("{\"k\": 5, \"a\": 1}");
    QTest::newRow("remove only member") << QByteArray("{\"a\": [1]}") << 5 << QByteArray("{}");
}

void TestTextEdit::jsonEdits()
{
    QFETCH(QByteArray, text);
    QFETCH(int, op);
    QFETCH(QByteArray, expected);
    const auto parsed = json::JsonParser::parse(text, QStringLiteral("t.json"));
    QVERIFY(!parsed.diagnostics.hasErrors());
    const SourceText s(text);
    const JsonTextEditor ed(s);
    const json::JsonValue &root = parsed.value;
    const json::JsonValue *array = root.get(QStringLiteral("a"));
    QList<ByteEdit> edits;
    switch (op) {
    case 0:
        edits = {ed.insertElement(*array, -1, "\"z\"")};
        break;
    case 1:
        edits = {ed.insertElement(*array, 0, "\"z\"")};
        break;
    case 2:
        edits = {ed.removeElement(*array, 1)};
        break;
    case 3:
        edits = ed.moveElement(*array, 0, 2);
        break;
    case 4:
        edits = {ed.setMember(root, QStringLiteral("k"), "5")};
        break;
    case 5:
        edits = {ed.removeMember(root, 0)};
        break;
    }
    QCOMPARE(applyByteEdits(text, edits), expected);
}

QTEST_GUILESS_MAIN(TestTextEdit)
#include "tst_textedit.moc"

#include "app/ui/editor/HclHighlighter.h"

#include <QTest>

using kiln::ui::HclHighlighter;
using kiln::ui::HclScanState;
using kiln::ui::HclStyle;

Q_DECLARE_METATYPE(kiln::ui::HclStyle)

namespace {

// Styles a whole text line by line, as the lexer does, and returns one style per byte.
QByteArray styleAll(const QByteArray &text, HclScanState *endState = nullptr)
{
    HclScanState state;
    QByteArray all;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype nl = text.indexOf('\n', start);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        QByteArray styles;
        HclHighlighter::styleLine(text.mid(start, end - start), state, styles);
        all += styles;
        start = end;
    }
    if (endState)
        *endState = state;
    return all;
}

} // namespace

// Style ids at chosen positions of tricky HCL snippets. A probe names a substring (its
// first occurrence after an optional "@N" skip) and the style every byte of it must have.
class TestHclHighlighter : public QObject
{
    Q_OBJECT

private slots:
    void styles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("needle");
        QTest::addColumn<int>("occurrence");
        QTest::addColumn<HclStyle>("style");

        const QByteArray block = "source \"docker\" \"ubuntu\" {\n  image = \"ubuntu:22.04\"\n"
                                 "  commit = true\n  count = 1.5e3\n}\n";
        QTest::newRow("block type") << block << QByteArray("source") << 0 << HclStyle::BlockType;
        QTest::newRow("first label") << block << QByteArray("\"docker\"") << 0 << HclStyle::Label;
        QTest::newRow("second label") << block << QByteArray("\"ubuntu\"") << 0 << HclStyle::Label;
        QTest::newRow("attribute") << block << QByteArray("image") << 0 << HclStyle::Attribute;
        QTest::newRow("string value")
            << block << QByteArray("ubuntu:22.04") << 0 << HclStyle::String;
        QTest::newRow("bool") << block << QByteArray("true") << 0 << HclStyle::Keyword;
        QTest::newRow("number") << block << QByteArray("1.5e3") << 0 << HclStyle::Number;
        QTest::newRow("operator") << block << QByteArray("=") << 0 << HclStyle::Operator;

        const QByteArray comments = "# hash comment\n// slash comment\n/* block\n  build {\n*/\n"
                                    "build {\n  name = \"x\" # trailing\n}\n";
        QTest::newRow("hash comment")
            << comments << QByteArray("# hash comment") << 0 << HclStyle::Comment;
        QTest::newRow("slash comment")
            << comments << QByteArray("// slash") << 0 << HclStyle::Comment;
        QTest::newRow("inside block comment")
            << comments << QByteArray("build {") << 0 << HclStyle::Comment;
        QTest::newRow("after block comment")
            << comments << QByteArray("build") << 1 << HclStyle::BlockType;
        QTest::newRow("trailing comment")
            << comments << QByteArray("# trailing") << 0 << HclStyle::Comment;

        const QByteArray interp
            = "locals {\n  a = \"pre ${upper(var.x)} ${ {k = \"}\"}[\"k\"] } post\"\n"
              "  b = \"$${literal} %{ if true }yes%{ endif }\"\n  c = 1\n}\n";
        QTest::newRow("interp open") << interp << QByteArray("${") << 0 << HclStyle::Interpolation;
        QTest::newRow("function in interp")
            << interp << QByteArray("upper") << 0 << HclStyle::Function;
        QTest::newRow("reference in interp")
            << interp << QByteArray("var") << 0 << HclStyle::Reference;
        QTest::newRow("nested quote in interp")
            << interp << QByteArray("\"}\"") << 0 << HclStyle::String;
        QTest::newRow("object key in interp")
            << interp << QByteArray("k") << 0 << HclStyle::Attribute;
        QTest::newRow("closing interp brace")
            << interp << QByteArray("} post") << 0 << HclStyle::Interpolation;
        QTest::newRow("text after nested interp")
            << interp << QByteArray(" post\"") << 0 << HclStyle::String;
        QTest::newRow("escaped interp") << interp << QByteArray("$${") << 0 << HclStyle::Escape;
        QTest::newRow("literal after escape")
            << interp << QByteArray("literal}") << 0 << HclStyle::String;
        QTest::newRow("directive") << interp << QByteArray("%{") << 0 << HclStyle::Interpolation;
        QTest::newRow("directive keyword")
            << interp << QByteArray("endif") << 0 << HclStyle::Keyword;
        QTest::newRow("attribute after strings")
            << interp << QByteArray("c = 1") << 0 << HclStyle::Attribute;

        const QByteArray heredoc
            = "locals {\n  script = <<-EOT\n    echo \"${var.x}\" # not a comment\n"
              "    EOT_NOT_END\n  EOT\n  after = 2\n}\n";
        QTest::newRow("heredoc marker")
            << heredoc << QByteArray("<<-EOT") << 0 << HclStyle::Heredoc;
        QTest::newRow("heredoc text") << heredoc << QByteArray("echo") << 0 << HclStyle::String;
        QTest::newRow("heredoc hash is text")
            << heredoc << QByteArray("# not a comment") << 0 << HclStyle::String;
        QTest::newRow("heredoc interp") << heredoc << QByteArray("var") << 0 << HclStyle::Reference;
        QTest::newRow("almost the delimiter")
            << heredoc << QByteArray("EOT_NOT_END") << 0 << HclStyle::String;
        QTest::newRow("closing delimiter")
            << heredoc << QByteArray("EOT\n  after") << 0 << HclStyle::Heredoc;
        QTest::newRow("attribute after heredoc")
            << heredoc << QByteArray("after") << 0 << HclStyle::Attribute;

        const QByteArray expr = "locals {\n  l = [for s in var.list : upper(s) if s != \"\"]\n"
                                "  m = { for k, v in local.m : k => v }\n  n = null\n"
                                "  o = {\n    key = \"v\"\n    \"quoted\" = 1\n  }\n}\n";
        QTest::newRow("for keyword") << expr << QByteArray("for") << 0 << HclStyle::Keyword;
        QTest::newRow("in keyword") << expr << QByteArray("in") << 0 << HclStyle::Keyword;
        QTest::newRow("if keyword") << expr << QByteArray("if") << 0 << HclStyle::Keyword;
        QTest::newRow("null") << expr << QByteArray("null") << 0 << HclStyle::Keyword;
        QTest::newRow("fat arrow") << expr << QByteArray("=>") << 0 << HclStyle::Operator;
        QTest::newRow("not-equal") << expr << QByteArray("!=") << 0 << HclStyle::Operator;
        QTest::newRow("object key") << expr << QByteArray("key") << 0 << HclStyle::Attribute;
        QTest::newRow("quoted object key")
            << expr << QByteArray("\"quoted\"") << 0 << HclStyle::Attribute;
        QTest::newRow("name after dot") << expr << QByteArray("list") << 0 << HclStyle::Reference;

        const QByteArray nested
            = "build {\n  provisioner \"shell\" {\n    inline = [\"a\", \"b\"]\n  }\n"
              "  post-processors {\n    post-processor \"manifest\" {}\n  }\n}\n"
              "variable \"v\" {\n  default = \"x\"\n}\n";
        QTest::newRow("nested block type")
            << nested << QByteArray("provisioner") << 0 << HclStyle::BlockType;
        QTest::newRow("hyphenated block type")
            << nested << QByteArray("post-processors") << 0 << HclStyle::BlockType;
        QTest::newRow("nested label")
            << nested << QByteArray("\"manifest\"") << 0 << HclStyle::Label;
        QTest::newRow("block after nesting")
            << nested << QByteArray("variable") << 0 << HclStyle::BlockType;
        QTest::newRow("attribute after nesting")
            << nested << QByteArray("default") << 0 << HclStyle::Attribute;
        QTest::newRow("escape in string") << QByteArray("a = \"x\\\"y\\n\"\nb = 1\n")
                                          << QByteArray("\\\"") << 0 << HclStyle::Escape;
        QTest::newRow("line after escaped quote") << QByteArray("a = \"x\\\"y\\n\"\nb = 1\n")
                                                  << QByteArray("b") << 0 << HclStyle::Attribute;
        QTest::newRow("unterminated string recovers")
            << QByteArray("a = \"open\nb = 1\n") << QByteArray("b") << 0 << HclStyle::Attribute;
        QTest::newRow("utf-8 in strings")
            << QByteArray("a = \"h\xc3\xa9llo \xf0\x9f\x98\x80\"\nb = 1\n")
            << QByteArray("\xf0\x9f\x98\x80") << 0 << HclStyle::String;
    }

    void styles()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, needle);
        QFETCH(int, occurrence);
        QFETCH(HclStyle, style);
        qsizetype at = -1;
        for (int i = 0; i <= occurrence; ++i) {
            at = text.indexOf(needle, at + 1);
            QVERIFY2(at >= 0, needle.constData());
        }
        // A needle ending in context ("EOT\n  after") is checked on its first word only.
        qsizetype length = needle.size();
        for (qsizetype k = 0; k < needle.size(); ++k) {
            if (needle[k] == '\n'
                || (k > 0 && needle[k] == ' ' && needle[0] != '#' && needle[0] != '/'
                    && needle[0] != '"' && needle[0] != '\xf0' && needle[0] != ' ')) {
                length = k;
                break;
            }
        }
        const QByteArray styles = styleAll(text);
        QCOMPARE(styles.size(), text.size());
        for (qsizetype k = at; k < at + length; ++k) {
            QVERIFY2(HclStyle(styles[k]) == style,
                qPrintable(QStringLiteral("byte %1 ('%2') of \"%3\": style %4, expected %5")
                               .arg(k)
                               .arg(QChar(text[k]))
                               .arg(QString::fromUtf8(needle))
                               .arg(int(styles[k]))
                               .arg(int(style))));
        }
    }

    void crlfLineEnds()
    {
        const QByteArray text
            = "build {\r\n  name = \"x\"\r\n  s = <<EOT\r\n  t\r\nEOT\r\n  after = 1\r\n}\r\n";
        const QByteArray styles = styleAll(text);
        QCOMPARE(HclStyle(styles[text.indexOf("after")]), HclStyle::Attribute);
        QCOMPARE(HclStyle(styles[text.indexOf("EOT\r\n  after")]), HclStyle::Heredoc);
        HclScanState state;
        styleAll(text, &state);
        QCOMPARE(state.stack.size(), 1);
    }

    // Arbitrary bytes (a deterministic pseudo-random stream over HCL's special characters):
    // one style per byte, and the scanner always finishes.
    void arbitraryInput()
    {
        const QByteArray alphabet = "{}[]()\"'$%~#/*<<-EOT\n\r\\ =:.,?!&|abc019_\xc3\xa9\xf0\x9f";
        quint32 seed = 12345;
        for (int round = 0; round < 200; ++round) {
            QByteArray text;
            for (int i = 0; i < 300; ++i) {
                seed = seed * 1103515245u + 12345u;
                text += alphabet[int((seed >> 16) % alphabet.size())];
            }
            HclScanState state;
            QCOMPARE(styleAll(text, &state).size(), text.size());
            QVERIFY(!state.stack.isEmpty());
            QCOMPARE(state.stack.first().kind, HclScanState::Kind::Body);
        }
    }

    void stateAtLineEnds()
    {
        HclScanState state;
        styleAll("locals {\n  x = <<EOT\n  text\n", &state);
        QCOMPARE(state.stack.last().kind, HclScanState::Kind::Heredoc);
        QCOMPARE(state.stack.last().delimiter, QByteArray("EOT"));
        QCOMPARE(state.foldDepth(), 2);
        styleAll("/* open\n", &state);
        QCOMPARE(state.stack.last().kind, HclScanState::Kind::Comment);
        styleAll("a = \"${ {\n", &state);
        QCOMPARE(state.stack.last().kind, HclScanState::Kind::Object);
        styleAll("build {\n  a = 1\n}\n", &state);
        QCOMPARE(state.stack.size(), 1);
        QCOMPARE(state.foldDepth(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHclHighlighter)
#include "tst_hclhighlighter.moc"

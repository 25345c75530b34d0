#include "engine/hcl/Lexer.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace kiln::hcl;

namespace {

// "Type:bytes" for each token, which keeps expectations readable.
QStringList describe(const Tokens &tokens)
{
    QStringList out;
    for (const Token &t : tokens)
        out << tokenTypeName(t.type).mid(5) + QLatin1Char(':') + QString::fromUtf8(t.bytes);
    return out;
}

struct VectorToken
{
    const char *type;
    const char *bytes;
    SourcePos start;
    SourcePos end;
};

struct Vector
{
    LexMode mode;
    const char *input;
    std::vector<VectorToken> tokens;
};

const std::vector<Vector> &hclVectors()
{
    static const std::vector<Vector> vectors = {
#include "tst_lexer_vectors.inc"
    };
    return vectors;
}

QString rangeText(const SourcePos &s, const SourcePos &e)
{
    return QStringLiteral("%1:%2:%3-%4:%5:%6")
        .arg(s.byte)
        .arg(s.line)
        .arg(s.column)
        .arg(e.byte)
        .arg(e.line)
        .arg(e.column);
}

} // namespace

class TestLexer : public QObject
{
    Q_OBJECT

private slots:
    void sequences_data();
    void sequences();
    void hclVectors_data();
    void hclVectors();
    void ranges_data();
    void ranges();
    void startPosition();
    void invalidTokens_data();
    void invalidTokens();
    void invalidTokensAreRateLimited();
    void identifiers();
    void largeInput();
};

void TestLexer::sequences_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QStringList>("expected");
    const int config = int(LexMode::Config);
    const int tmpl = int(LexMode::Template);
    QTest::newRow("attribute") << QByteArray("a = 1\n") << config
                               << QStringList{
                                      "Ident:a", "Equal:=", "NumberLit:1", "Newline:\n", "EOF:"};
    QTest::newRow("string interp")
        << QByteArray("\"a${b}c\"") << config
        << QStringList{"OQuote:\"", "QuotedLit:a", "TemplateInterp:${", "Ident:b",
               "TemplateSeqEnd:}", "QuotedLit:c", "CQuote:\"", "EOF:"};
    QTest::newRow("heredoc") << QByteArray("x = <<EOT\nhi\nEOT\n") << config
                             << QStringList{"Ident:x", "Equal:=", "OHeredoc:<<EOT\n",
                                    "StringLit:hi\n", "CHeredoc:EOT", "Newline:\n", "EOF:"};
    QTest::newRow("flush heredoc with indented marker")
        << QByteArray("x = <<-EOT\n  a\n  EOT\n") << config
        << QStringList{"Ident:x", "Equal:=", "OHeredoc:<<-EOT\n", "StringLit:  a\n",
               "CHeredoc:  EOT", "Newline:\n", "EOF:"};
    QTest::newRow("heredoc marker needs start of line")
        << QByteArray("x = <<EOT\n${a}EOT\nEOT\n") << config
        << QStringList{"Ident:x", "Equal:=", "OHeredoc:<<EOT\n", "TemplateInterp:${", "Ident:a",
               "TemplateSeqEnd:}", "StringLit:EOT\n", "CHeredoc:EOT", "Newline:\n", "EOF:"};
    QTest::newRow("unterminated heredoc") << QByteArray("x = <<EOT\nabc\nEOT") << config
                                          << QStringList{"Ident:x", "Equal:=", "OHeredoc:<<EOT\n",
                                                 "StringLit:abc\n", "StringLit:EOT", "EOF:"};
    QTest::newRow("heredoc crlf") << QByteArray("<<EOT\r\nx\r\nEOT\r\n") << config
                                  << QStringList{"OHeredoc:<<EOT\r\n", "StringLit:x\r\n",
                                         "CHeredoc:EOT", "Newline:\r\n", "EOF:"};
    QTest::newRow("heredoc lone carriage return ends scanning")
        << QByteArray("<<EOT\na\rb\nEOT\n") << config
        << QStringList{"OHeredoc:<<EOT\n", "StringLit:a", "Invalid:\rb\nEOT\n", "EOF:"};
    QTest::newRow("not a heredoc")
        << QByteArray("a <<EOT b") << config
        << QStringList{"Ident:a", "LessThan:<", "LessThan:<", "Ident:EOT", "Ident:b", "EOF:"};
    QTest::newRow("unterminated string")
        << QByteArray("a = \"abc") << config
        << QStringList{"Ident:a", "Equal:=", "OQuote:\"", "QuotedLit:abc", "EOF:"};
    QTest::newRow("newline in string")
        << QByteArray("\"a\r\n\nb\"") << config
        << QStringList{"OQuote:\"", "QuotedLit:a", "QuotedNewline:\r\n\n", "QuotedLit:b",
               "CQuote:\"", "EOF:"};
    QTest::newRow("escapes") << QByteArray("\"a\\\"b\\n\"") << config
                             << QStringList{
                                    "OQuote:\"", "QuotedLit:a\\\"b\\n", "CQuote:\"", "EOF:"};
    QTest::newRow("nested braces in interpolation")
        << QByteArray("\"${ {a = 1}.a }\"") << config
        << QStringList{"OQuote:\"", "TemplateInterp:${", "OBrace:{", "Ident:a",
               "Equal:=", "NumberLit:1", "CBrace:}", "Dot:.", "Ident:a", "TemplateSeqEnd:}",
               "CQuote:\"", "EOF:"};
    QTest::newRow("string inside interpolation")
        << QByteArray("\"${f(\"}\")}\"") << config
        << QStringList{"OQuote:\"", "TemplateInterp:${", "Ident:f", "OParen:(", "OQuote:\"",
               "QuotedLit:}", "CQuote:\"", "CParen:)", "TemplateSeqEnd:}", "CQuote:\"", "EOF:"};
    QTest::newRow("control with strip markers")
        << QByteArray("\"%{~ if a ~}x%{ endif }\"") << config
        << QStringList{"OQuote:\"", "TemplateControl:%{~", "Ident:if", "Ident:a",
               "TemplateSeqEnd:~}", "QuotedLit:x", "TemplateControl:%{", "Ident:endif",
               "TemplateSeqEnd:}", "CQuote:\"", "EOF:"};
    QTest::newRow("stray strip marker")
        << QByteArray("{ ~}") << config << QStringList{"OBrace:{", "TemplateSeqEnd:~}", "EOF:"};
    QTest::newRow("comments") << QByteArray("# a\n// b\r\n/* c\n*/x /* d") << config
                              << QStringList{"Comment:# a\n", "Comment:// b\r\n",
                                     "Comment:/* c\n*/", "Ident:x", "Slash:/", "Star:*", "Ident:d",
                                     "EOF:"};
    QTest::newRow("operators")
        << QByteArray("== != <= >= && || ... => ! ? : % ** & | ^ ~ ; ` '") << config
        << QStringList{"EqualOp:==", "NotEqual:!=", "LessThanEq:<=", "GreaterThanEq:>=", "And:&&",
               "Or:||", "Ellipsis:...", "FatArrow:=>", "Bang:!", "Question:?",
               "Colon::", "Percent:%", "Star:*", "Star:*", "BitwiseAnd:&", "BitwiseOr:|",
               "BitwiseXor:^", "BitwiseNot:~", "Semicolon:;", "Backtick:`", "Apostrophe:'", "EOF:"};
    QTest::newRow("numbers") << QByteArray("1 1.5 1e3 1E+3 1.2.3 1. 1e") << config
                             << QStringList{"NumberLit:1", "NumberLit:1.5", "NumberLit:1e3",
                                    "NumberLit:1E+3", "NumberLit:1.2.3", "NumberLit:1", "Dot:.",
                                    "NumberLit:1", "Ident:e", "EOF:"};
    QTest::newRow("identifiers") << QByteArray("a-b _c ünï 名前 a1") << config
                                 << QStringList{"Ident:a-b", "Ident:_c", "Ident:ünï", "Ident:名前",
                                        "Ident:a1", "EOF:"};
    QTest::newRow("tabs are skipped") << QByteArray("\ta\t=\t1") << config
                                      << QStringList{"Ident:a", "Equal:=", "NumberLit:1", "EOF:"};
    QTest::newRow("lone carriage return")
        << QByteArray("a\rb") << config << QStringList{"Ident:a", "Invalid:\r", "Ident:b", "EOF:"};
    QTest::newRow("curly quote") << QByteArray("“a”") << config
                                 << QStringList{"Invalid:“", "Ident:a", "Invalid:”", "EOF:"};
    QTest::newRow("template trailing dollar")
        << QByteArray("a $") << tmpl << QStringList{"StringLit:a ", "StringLit:$", "EOF:"};
    QTest::newRow("template escapes")
        << QByteArray("$${a} %%{b} $x") << tmpl
        << QStringList{"StringLit:$${", "StringLit:a} ", "StringLit:%%{", "StringLit:b} ",
               "StringLit:$", "StringLit:x", "EOF:"};
    QTest::newRow("template lines") << QByteArray("a\nb\r\n") << tmpl
                                    << QStringList{"StringLit:a\n", "StringLit:b\r\n", "EOF:"};
    QTest::newRow("template strip")
        << QByteArray("hello ${~foo~} hello") << tmpl
        << QStringList{"StringLit:hello ", "TemplateInterp:${~", "Ident:foo", "TemplateSeqEnd:~}",
               "StringLit: hello", "EOF:"};
}

void TestLexer::sequences()
{
    QFETCH(QByteArray, input);
    QFETCH(int, mode);
    QFETCH(QStringList, expected);
    QCOMPARE(describe(lex(input, LexMode(mode), QString())), expected);
}

void TestLexer::hclVectors_data()
{
    QTest::addColumn<int>("index");
    const auto &all = ::hclVectors();
    for (size_t i = 0; i < all.size(); ++i)
        QTest::addRow("%d: %s", int(i),
            QByteArray(all[i].input).left(30).toPercentEncoding(" ${}~\"<>=").constData())
            << int(i);
}

// Every case of HCL's own scanner test, with exact bytes and ranges.
void TestLexer::hclVectors()
{
    QFETCH(int, index);
    const Vector &v = ::hclVectors()[size_t(index)];
    const Tokens got = lex(QByteArray(v.input), v.mode, QString());
    QStringList gotText;
    QStringList wantText;
    for (const Token &t : got)
        gotText << tokenTypeName(t.type).mid(5) + QLatin1Char(' ')
                + QString::fromLatin1(t.bytes.toPercentEncoding()) + QLatin1Char(' ')
                + rangeText(t.range.start, t.range.end);
    for (const VectorToken &t : v.tokens)
        wantText << QString::fromLatin1(t.type) + QLatin1Char(' ')
                + QString::fromLatin1(QByteArray(t.bytes).toPercentEncoding()) + QLatin1Char(' ')
                + rangeText(t.start, t.end);
    QCOMPARE(gotText, wantText);
}

void TestLexer::ranges_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("range"); // start byte:line:column - end byte:line:column
    // Columns count characters, not bytes; a combining mark joins its base.
    QTest::newRow("after multibyte") << QByteArray("\"ü\" = x") << 4 << "7:1:7-8:1:8";
    QTest::newRow("multibyte token") << QByteArray("a = \"名前\"") << 3 << "5:1:6-11:1:8";
    QTest::newRow("combining mark") << QByteArray("\"e\xcc\x81\" x") << 3 << "6:1:5-7:1:6";
    QTest::newRow("emoji with modifier")
        << QByteArray("\"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\" x") << 3 << "11:1:5-12:1:6";
    QTest::newRow("crlf") << QByteArray("a\r\nb") << 2 << "3:2:1-4:2:2";
    QTest::newRow("comment ends line") << QByteArray("# c\nx") << 1 << "4:2:1-5:2:2";
    QTest::newRow("block comment spans lines") << QByteArray("/*\n\n*/ x") << 1 << "7:3:4-8:3:5";
    QTest::newRow("heredoc lines") << QByteArray("<<EOT\nab\nEOT\n") << 2 << "9:3:1-12:3:4";
    QTest::newRow("tab counts as one column") << QByteArray("\tx") << 0 << "1:1:2-2:1:3";
    QTest::newRow("bom counted in bytes only") << QByteArray("\xef\xbb\xbfx") << 0 << "3:1:1-4:1:2";
    QTest::newRow("bad utf-8 byte") << QByteArray("a\xff b") << 1 << "1:1:2-2:1:3";
}

void TestLexer::ranges()
{
    QFETCH(QByteArray, input);
    QFETCH(int, index);
    QFETCH(QString, range);
    const Tokens tokens = lexConfig(input, QStringLiteral("f.hcl"));
    QVERIFY(size_t(index) < tokens.size());
    const Token &t = tokens[size_t(index)];
    QCOMPARE(rangeText(t.range.start, t.range.end), range);
    QCOMPARE(t.range.filename, QStringLiteral("f.hcl"));
}

// Lexing a fragment of a larger file keeps positions relative to the file.
void TestLexer::startPosition()
{
    const Tokens tokens = lexExpression("a +\n b", QStringLiteral("x.hcl"), SourcePos{10, 5, 100});
    QCOMPARE(tokens.size(), size_t(5));
    QCOMPARE(
        rangeText(tokens[0].range.start, tokens[0].range.end), QStringLiteral("100:10:5-101:10:6"));
    QCOMPARE(
        rangeText(tokens[1].range.start, tokens[1].range.end), QStringLiteral("102:10:7-103:10:8"));
    QCOMPARE(
        rangeText(tokens[3].range.start, tokens[3].range.end), QStringLiteral("105:11:2-106:11:3"));
}

void TestLexer::invalidTokens_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("messages"); // "summary|detail|line:column"
    QTest::newRow("valid") << QByteArray("a = \"b\" # c\n") << QStringList{};
    QTest::newRow("bitwise and") << QByteArray("a & b")
                                 << QStringList{
                                        "Unsupported operator|Bitwise operators are not supported. "
                                        "Did you mean boolean AND (\"&&\")?|1:3"};
    QTest::newRow("bitwise or") << QByteArray("a | b")
                                << QStringList{
                                       "Unsupported operator|Bitwise operators are not supported. "
                                       "Did you mean boolean OR (\"||\")?|1:3"};
    QTest::newRow("bitwise not") << QByteArray("~b")
                                 << QStringList{
                                        "Unsupported operator|Bitwise operators are not supported. "
                                        "Did you mean boolean NOT (\"!\")?|1:1"};
    QTest::newRow("bitwise xor") << QByteArray(
        "a ^ b") << QStringList{"Unsupported operator|Bitwise operators are not supported.|1:3"};
    QTest::newRow("single quotes")
        << QByteArray("a = 'b'")
        << QStringList{
               "Invalid character|Single quotes are not valid. Use double quotes (\") to enclose "
               "strings.|1:5"};
    QTest::newRow("backticks")
        << QByteArray("a = `b`")
        << QStringList{
               "Invalid character|The \"`\" character is not valid. To create a multi-line string, "
               "use the \"heredoc\" syntax, like \"<<EOT\".|1:5"};
    QTest::newRow("semicolon")
        << QByteArray("a = 1; b = 2;")
        << QStringList{
               "Invalid character|The \";\" character is not valid. Use newlines to separate "
               "arguments and blocks, and commas to separate items in collection values.|1:6"};
    QTest::newRow("bad utf-8") << QByteArray("a = \xff\xfe")
                               << QStringList{"Invalid character encoding|All input files must be "
                                              "UTF-8 encoded. Ensure that UTF-8 "
                                              "encoding is selected in your editor.|1:5"};
    QTest::newRow("quoted newline")
        << QByteArray("a = \"b\nc\"")
        << QStringList{
               "Invalid multi-line string|Quoted strings may not be split over multiple lines. To "
               "produce a multi-line string, either use the \\n escape to represent a newline "
               "character or use the \"heredoc\" multi-line template syntax.|1:7"};
    QTest::newRow("curly quotes")
        << QByteArray("a = “b”")
        << QStringList{
               "Invalid character|\"Curly quotes\" are not valid here. These can sometimes be "
               "inadvertently introduced when sharing code via documents or discussion forums. It "
               "might help to replace the character with a \"straight quote\".|1:5",
               "Invalid character|\"Curly quotes\" are not valid here. These can sometimes be "
               "inadvertently introduced when sharing code via documents or discussion forums. It "
               "might help to replace the character with a \"straight quote\".|1:7"};
    QTest::newRow("stray character")
        << QByteArray("a = $b")
        << QStringList{"Invalid character|This character is not used within the "
                       "language.|1:5"};
}

void TestLexer::invalidTokens()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, messages);
    QStringList got;
    for (const Diagnostic &d : checkInvalidTokens(lexConfig(input, QStringLiteral("t.hcl")))) {
        QCOMPARE(d.severity, Severity::Error);
        QVERIFY(d.subject.has_value());
        got << d.summary + u'|' + d.detail + u'|' + QString::number(d.subject->start.line) + u':'
                + QString::number(d.subject->start.column);
    }
    QCOMPARE(got, messages);
}

// As HCL: a few bitwise operators, one semicolon, every other quote.
void TestLexer::invalidTokensAreRateLimited()
{
    QCOMPARE(checkInvalidTokens(lexConfig("a & b & c & d & e & f", {})).size(), 4);
    QCOMPARE(checkInvalidTokens(lexConfig("a;b;c", {})).size(), 1);
    QCOMPARE(checkInvalidTokens(lexConfig("'a' 'b' 'c'", {})).size(), 2);
    QCOMPARE(checkInvalidTokens(lexConfig("`a` `b` `c`", {})).size(), 2);
    QCOMPARE(checkInvalidTokens(lexConfig("\xff \xff", {})).size(), 1);
    QCOMPARE(checkInvalidTokens(lexConfig("\"a\nb\nc\"", {})).size(), 2);
}

void TestLexer::identifiers()
{
    QVERIFY(isValidIdentifier("foo"));
    QVERIFY(isValidIdentifier("foo-bar_1"));
    QVERIFY(isValidIdentifier("_x"));
    QVERIFY(isValidIdentifier("ünï"));
    QVERIFY(!isValidIdentifier(""));
    QVERIFY(!isValidIdentifier("1a"));
    QVERIFY(!isValidIdentifier("-a"));
    QVERIFY(!isValidIdentifier("a b"));
    QVERIFY(!isValidIdentifier("a.b"));
}

void TestLexer::largeInput()
{
    QByteArray block("source \"null\" \"x\" {\n  communicator = \"none\" # c\n"
                     "  a = [1, 2, \"${var.x}\"]\n  b = <<EOT\nline\nEOT\n}\n");
    const QByteArray big = block.repeated(20000 / 7 + 1);
    QElapsedTimer timer;
    timer.start();
    const Tokens tokens = lexConfig(big, QStringLiteral("big.hcl"));
    const qint64 ms = timer.elapsed();
    QCOMPARE(tokens.size(), size_t(39 * (20000 / 7 + 1) + 1));
    QCOMPARE(tokens.back().range.start.line, 7 * (20000 / 7 + 1) + 1);
    qInfo("lexed %d lines in %lld ms", 7 * (20000 / 7 + 1), ms);
    // Typically a few ms; the bound only catches super-linear behaviour and
    // leaves room for a heavily loaded build machine.
    QVERIFY2(ms < 2000, "lexing 20,000 lines took too long");
}

QTEST_GUILESS_MAIN(TestLexer)
#include "tst_lexer.moc"

#include "engine/hcl/Lexer.h"

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
        .arg(s.byte).arg(s.line).arg(s.column).arg(e.byte).arg(e.line).arg(e.column);
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
};

void TestLexer::sequences_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QStringList>("expected");
    const int config = int(LexMode::Config);
    const int tmpl = int(LexMode::Template);
    QTest::newRow("attribute") << QByteArray("a = 1\n") << config
                               << QStringList{"Ident:a", "Equal:=", "NumberLit:1", "Newline:\n",
                                              "EOF:"};
    QTest::newRow("string interp")
        << QByteArray("\"a${b}c\"") << config
        << QStringList{"OQuote:\"",        "QuotedLit:a", "TemplateInterp:${", "Ident:b",
                       "TemplateSeqEnd:}", "QuotedLit:c", "CQuote:\"",         "EOF:"};
    QTest::newRow("heredoc") << QByteArray("x = <<EOT\nhi\nEOT\n") << config
                             << QStringList{"Ident:x",         "Equal:=",       "OHeredoc:<<EOT\n",
                                            "StringLit:hi\n",  "CHeredoc:EOT", "Newline:\n",
                                            "EOF:"};
    QTest::newRow("template strip")
        << QByteArray("hello ${~foo~} hello") << tmpl
        << QStringList{"StringLit:hello ", "TemplateInterp:${~", "Ident:foo",
                       "TemplateSeqEnd:~}", "StringLit: hello", "EOF:"};
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
        QTest::addRow("%d: %s", int(i), QByteArray(all[i].input).left(30).toPercentEncoding(" ${}~\"<>=").constData())
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
        gotText << tokenTypeName(t.type).mid(5) + QLatin1Char(' ') + QString::fromLatin1(t.bytes.toPercentEncoding())
                + QLatin1Char(' ') + rangeText(t.range.start, t.range.end);
    for (const VectorToken &t : v.tokens)
        wantText << QString::fromLatin1(t.type) + QLatin1Char(' ') + QString::fromLatin1(QByteArray(t.bytes).toPercentEncoding())
                + QLatin1Char(' ') + rangeText(t.start, t.end);
    QCOMPARE(gotText, wantText);
}

QTEST_GUILESS_MAIN(TestLexer)
#include "tst_lexer.moc"

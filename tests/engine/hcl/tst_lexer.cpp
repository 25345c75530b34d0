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

} // namespace

class TestLexer : public QObject
{
    Q_OBJECT

private slots:
    void sequences_data();
    void sequences();
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

QTEST_GUILESS_MAIN(TestLexer)
#include "tst_lexer.moc"

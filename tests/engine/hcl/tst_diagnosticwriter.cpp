// DiagnosticWriter against the text Packer 1.6.6 prints (captured from
// `packer validate` into tests/fixtures/broken/packer-1.6.6/), plus the
// writer's own rules: unknown sources, colour, wrapping, block context.

#include "engine/hcl/DiagnosticWriter.h"
#include "engine/hcl/Parser.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace kiln::hcl;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

SourceRange range(int line, int col, int byte, int endLine, int endCol, int endByte,
    const QString &file = QStringLiteral("a.pkr.hcl"))
{
    return SourceRange{file, SourcePos{line, col, byte}, SourcePos{endLine, endCol, endByte}};
}

} // namespace

class TestDiagnosticWriter : public QObject
{
    Q_OBJECT

private slots:
    void matchesPacker_data();
    void matchesPacker();
    void sourceNotAvailable();
    void schemaErrorWithContext();
    void multiLineContext();
    void colour();
    void emptySubject();
    void warningsAndNoSubject();
    void wrapping_data();
    void wrapping();
};

void TestDiagnosticWriter::matchesPacker_data()
{
    QTest::addColumn<QString>("name");
    // Where Kiln deliberately reports fewer diagnostics than Packer (one per
    // mistake) or uses newer hcl wording, the texts differ by design.
    const QStringList differ = {
        QStringLiteral("12-one-line-block-nested"),
        QStringLiteral("38-unclosed-interpolation"),
        QStringLiteral("39-interpolation-extra"),
        QStringLiteral("40-interpolation-colon"),
        QStringLiteral("41-bad-directive-keyword"),
        QStringLiteral("45-else-in-for"),
        QStringLiteral("46-for-directive-missing-in"),
        QStringLiteral("48-single-quotes"),
        QStringLiteral("49-bitwise-and"),
        QStringLiteral("50-semicolon"),
        QStringLiteral("51-newline-in-string"),
        QStringLiteral("57-at-sign"),
        QStringLiteral("65-unclosed-block"),
        QStringLiteral("66-unclosed-call"),
        QStringLiteral("67-unclosed-object"),
        QStringLiteral("68-unclosed-tuple"),
        QStringLiteral("71-unclosed-block-mid-file"),
        QStringLiteral("72-unclosed-nested-block"),
    };
    const QDir dir(QStringLiteral(KILN_FIXTURES_DIR "/broken/packer-1.6.6"));
    int n = 0;
    for (const QString &txt : dir.entryList({QStringLiteral("*.txt")})) {
        const QString name = txt.chopped(4);
        if (differ.contains(name))
            continue;
        QTest::newRow(qPrintable(name)) << name;
        ++n;
    }
    QVERIFY(n >= 50);
}

void TestDiagnosticWriter::matchesPacker()
{
    QFETCH(QString, name);
    const QString file = name + QStringLiteral(".pkr.hcl");
    const QByteArray src = readFile(QStringLiteral(KILN_FIXTURES_DIR "/broken/") + file);
    Diagnostics diags;
    File parsed = parseConfig(src, file, diags);
    DiagnosticWriter w({}, 80, false);
    w.addFile(parsed);
    // Packer's ui.Error adds one newline after the writer's text.
    const QString expected = QString::fromUtf8(readFile(
        QStringLiteral(KILN_FIXTURES_DIR "/broken/packer-1.6.6/") + name + QStringLiteral(".txt")));
    QCOMPARE(w.render(diags) + QLatin1Char('\n'), expected);

    // Given the bytes only, the writer parses the file itself for the block context.
    DiagnosticWriter bytesOnly({{file, src}}, 80, false);
    QCOMPARE(bytesOnly.render(diags) + QLatin1Char('\n'), expected);
}

void TestDiagnosticWriter::sourceNotAvailable()
{
    Diagnostic d = Diagnostic::error(QStringLiteral("Unsupported argument"),
        QStringLiteral("An argument named \"bogus_thing\" is not expected here."),
        range(3, 3, 40, 3, 14, 51));
    DiagnosticWriter w({}, 80, false);
    QCOMPARE(w.render(d),
        QStringLiteral("Error: Unsupported argument\n\n  on a.pkr.hcl line 3:\n  (source code not "
                       "available)\n\n"
                       "An argument named \"bogus_thing\" is not expected here.\n\n"));
}

void TestDiagnosticWriter::schemaErrorWithContext()
{
    // As `packer validate` prints a schema error inside a labelled block.
    const QByteArray src = "variable \"v\" {\n  default = 1\n  typo = 2\n}\nvariable \"w\" {\n  "
                           "defaultt = 1\n}\nbuild {\n}\n";
    Diagnostics parseDiags;
    File f = parseConfig(src, QStringLiteral("a.pkr.hcl"), parseDiags);
    QVERIFY(parseDiags.isEmpty());
    BodySchema varSchema;
    varSchema.attributes = {{QStringLiteral("description")}, {QStringLiteral("default")},
        {QStringLiteral("type")}, {QStringLiteral("sensitive")}};
    Diagnostics diags;
    for (const auto &b : f.nativeBody()->blocks)
        if (b.type == QLatin1String("variable"))
            b.body->content(varSchema, diags);
    DiagnosticWriter w({}, 80, false);
    w.addFile(f);
    QCOMPARE(w.render(diags) + QLatin1Char('\n'),
        QStringLiteral("Error: Unsupported argument\n\n  on a.pkr.hcl line 3, in variable \"v\":\n "
                       "  3:   typo = 2\n\n"
                       "An argument named \"typo\" is not expected here. Did you mean \"type\"?\n\n"
                       "Error: Unsupported argument\n\n  on a.pkr.hcl line 6, in variable \"w\":\n "
                       "  6:   defaultt = 1\n\n"
                       "An argument named \"defaultt\" is not expected here. Did you mean "
                       "\"default\"?\n\n\n"));
}

void TestDiagnosticWriter::multiLineContext()
{
    const QByteArray src = "locals {\n  x = [\n    1,\n    2\n  ] 3\n}\n";
    Diagnostics diags;
    File f = parseConfig(src, QStringLiteral("a.pkr.hcl"), diags);
    DiagnosticWriter w({}, 80, false);
    w.addFile(f);
    QCOMPARE(w.render(diags) + QLatin1Char('\n'),
        QStringLiteral(
            "Error: Missing newline after argument\n\n  on a.pkr.hcl line 5, in locals:\n   2:   x "
            "= [\n   3:     1,\n"
            "   4:     2\n   5:   ] 3\n\nAn argument definition must end with a newline.\n\n\n"));
}

void TestDiagnosticWriter::colour()
{
    const QByteArray src = "a = 1 2\n";
    Diagnostics diags;
    File f = parseConfig(src, QStringLiteral("c.hcl"), diags);
    DiagnosticWriter w({}, 0, true);
    w.addFile(f);
    QCOMPARE(w.render(diags),
        QStringLiteral(
            "\x1b[31mError\x1b[0m: Missing newline after argument\n\n  on c.hcl line 1:\n"
            "   1: a = 1 \x1b[1;4m2\x1b[0m\n\nAn argument definition must end with a "
            "newline.\n\n"));
    Diagnostic warn = Diagnostic::warning(
        QStringLiteral("W"), {}, range(1, 1, 0, 1, 2, 1, QStringLiteral("c.hcl")));
    QCOMPARE(w.render(warn),
        QStringLiteral(
            "\x1b[33mWarning\x1b[0m: W\n\n  on c.hcl line 1:\n   1: \x1b[1;4ma\x1b[0m = 1 2\n\n"));
}

void TestDiagnosticWriter::emptySubject()
{
    // A zero-width subject is widened by one character, as hcl does.
    DiagnosticWriter w({{QStringLiteral("e.hcl"), QByteArray("abc\ndef\n")}}, 0, true);
    Diagnostic d = Diagnostic::error(
        QStringLiteral("S"), {}, range(2, 2, 5, 2, 2, 5, QStringLiteral("e.hcl")));
    QCOMPARE(w.render(d),
        QStringLiteral(
            "\x1b[31mError\x1b[0m: S\n\n  on e.hcl line 2:\n   2: d\x1b[1;4me\x1b[0mf\n\n"));
    // Blank lines inside the snippet are never printed (they cannot "overlap").
    DiagnosticWriter w2({{QStringLiteral("e.hcl"), QByteArray("a\n\nb\n")}}, 0, false);
    Diagnostic span = Diagnostic::error(
        QStringLiteral("S"), {}, range(1, 1, 0, 3, 2, 4, QStringLiteral("e.hcl")));
    QCOMPARE(
        w2.render(span), QStringLiteral("Error: S\n\n  on e.hcl line 1:\n   1: a\n   3: b\n\n"));
}

void TestDiagnosticWriter::warningsAndNoSubject()
{
    DiagnosticWriter w({}, 80, false);
    Diagnostics diags;
    diags += Diagnostic::warning(QStringLiteral("Something odd"), QStringLiteral("Details here."));
    diags += Diagnostic::error(QStringLiteral("No detail"));
    QCOMPARE(w.render(diags),
        QStringLiteral("Warning: Something odd\n\nDetails here.\n\nError: No detail\n\n"));
}

void TestDiagnosticWriter::wrapping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("wrapped");
    QTest::newRow("short") << "hello world" << 80 << "hello world";
    QTest::newRow("break") << "aaa bbb ccc" << 7 << "aaa bbb\nccc";
    QTest::newRow("long word stays") << "a verylongwordhere b" << 5 << "a\nverylongwordhere\nb";
    QTest::newRow("keeps newlines") << "one two\n\nthree" << 80 << "one two\n\nthree";
    QTest::newRow("exact fit") << "abc def" << 7 << "abc def";
    QTest::newRow("multiple spaces") << "a  b" << 3 << "a\nb";
    QTest::newRow("trailing space dropped when over") << "abcd " << 4 << "abcd";
}

void TestDiagnosticWriter::wrapping()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(QString, wrapped);
    QCOMPARE(DiagnosticWriter::wrapString(text, width), wrapped);
}

QTEST_GUILESS_MAIN(TestDiagnosticWriter)
#include "tst_diagnosticwriter.moc"

#include "engine/hcl/Formatter.h"
#include "engine/hcl/Lexer.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QtTest>

using namespace kiln::hcl;

namespace {

const QString fixtures = QStringLiteral(KILN_FIXTURES_DIR "/fmt");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Names the first differing line, so a failure says where, not just "differs".
QString firstDifference(const QByteArray &got, const QByteArray &want)
{
    const QList<QByteArray> g = got.split('\n');
    const QList<QByteArray> w = want.split('\n');
    for (qsizetype i = 0; i < std::max(g.size(), w.size()); ++i) {
        const QByteArray a = i < g.size() ? g[i] : QByteArray("<missing>");
        const QByteArray b = i < w.size() ? w[i] : QByteArray("<missing>");
        if (a != b)
            return QStringLiteral("line %1:\n  got:  %2\n  want: %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(a), QString::fromUtf8(b));
    }
    return QStringLiteral("(identical)");
}

void compareFormatted(const QByteArray &input, const QByteArray &expected)
{
    const QByteArray got = formatHcl(input);
    if (got != expected)
        QFAIL(qPrintable(firstDifference(got, expected)));
    const QByteArray again = formatHcl(got);
    if (again != got)
        QFAIL(qPrintable(QStringLiteral("not idempotent, ") + firstDifference(again, got)));
}

} // namespace

class TestFormatter : public QObject
{
    Q_OBJECT

private slots:
    void corpus_data();
    void corpus();
    void cases_data();
    void cases();
    void snippets_data();
    void snippets();
    void largeInputIsFast();
};

// Every Packer HCL file in the shared corpus, against `packer fmt` 1.6.6's
// output recorded by tests/fixtures/fmt/generate.sh.
void TestFormatter::corpus_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QString corpusDir = QStringLiteral(KILN_CORPUS_DIR);
    if (!QFileInfo(corpusDir).isDir())
        QSKIP("corpus not available");
    QStringList rejected;
    for (const QByteArray &line : readAll(fixtures + "/rejected.txt").split('\n'))
        if (!line.isEmpty())
            rejected << QString::fromUtf8(line);

    QDirIterator it(corpusDir, {QStringLiteral("*.pkr.hcl"), QStringLiteral("*.pkrvars.hcl")},
        QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << QDir(corpusDir).relativeFilePath(it.next());
    files.sort();
    QVERIFY2(files.size() > 200, "corpus unexpectedly small");
    for (const QString &rel : files) {
        if (rejected.contains(rel))
            continue;
        QTest::newRow(qPrintable(rel)) << corpusDir + "/" + rel << fixtures + "/corpus/" + rel;
    }
}

void TestFormatter::corpus()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QVERIFY2(QFileInfo::exists(expected),
        "no recorded packer output; run tests/fixtures/fmt/generate.sh");
    compareFormatted(readAll(input), readAll(expected));
}

// Hand-written inputs aimed at the formatter's corners, with packer's output.
void TestFormatter::cases_data()
{
    QTest::addColumn<QString>("name");
    const QStringList inputs = QDir(fixtures + "/cases").entryList({QStringLiteral("*.in")});
    QVERIFY(inputs.size() >= 10);
    for (const QString &in : inputs)
        QTest::newRow(qPrintable(in)) << in.chopped(3);
}

void TestFormatter::cases()
{
    QFETCH(QString, name);
    const QString base = fixtures + "/cases/" + name;
    QVERIFY(QFileInfo::exists(base + ".golden"));
    compareFormatted(readAll(base + ".in"), readAll(base + ".golden"));
}

// Small inputs whose expected output is easiest to read inline, including
// ones Packer would refuse to format (the formatter itself never fails).
void TestFormatter::snippets_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("align") << QByteArray("a=1\nbbb=2\n") << QByteArray("a   = 1\nbbb = 2\n");
    QTest::newRow("blank line splits group")
        << QByteArray("a=1\n\nbbb=2\n") << QByteArray("a = 1\n\nbbb = 2\n");
    QTest::newRow("indent") << QByteArray("b {\nc {\nd=1\n}\n}\n")
                            << QByteArray("b {\n  c {\n    d = 1\n  }\n}\n");
    QTest::newRow("packer test fixture")
        << QByteArray("\nami_filter_name =\"amzn2-ami-hvm-*-x86_64-gp2\"\n"
                      "ami_filter_owners =[ \"137112412989\" ]\n\n")
        << QByteArray("\nami_filter_name   = \"amzn2-ami-hvm-*-x86_64-gp2\"\n"
                      "ami_filter_owners = [\"137112412989\"]\n\n");
    QTest::newRow("bang keeps its space as packer 1.6.6")
        << QByteArray("a = !b\n") << QByteArray("a = ! b\n");
    QTest::newRow("unterminated string") << QByteArray("a = \"x\n") << QByteArray("a = \"x\n");
    QTest::newRow("unbalanced closers") << QByteArray("}\n}\na=1\n") << QByteArray("}\n}\na = 1\n");
    QTest::newRow("trailing spaces kept at EOF") << QByteArray("a = 1  ") << QByteArray("a = 1  ");
    QTest::newRow("comment only line")
        << QByteArray("x {\n      # hi\n}\n") << QByteArray("x {\n  # hi\n}\n");
}

void TestFormatter::snippets()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    compareFormatted(input, expected);
}

void TestFormatter::largeInputIsFast()
{
    // 20,000 lines of typical template text must lex and format in time an
    // editor integration can afford (typically some tens of milliseconds).
    QByteArray block("source \"null\" \"x\" {\n  communicator = \"none\" # c\n"
                     "  a = [1, 2, \"${var.x}\"]\n  b = <<EOT\nline\nEOT\n}\n");
    QByteArray big;
    while (big.count('\n') < 20000)
        big += block;
    QElapsedTimer timer;
    timer.start();
    const Tokens tokens = lexConfig(big, QStringLiteral("big.pkr.hcl"));
    const qint64 lexMs = timer.elapsed();
    const QByteArray out = formatHcl(big);
    const qint64 totalMs = timer.elapsed();
    QVERIFY(tokens.size() > 40000);
    QVERIFY(out.size() > big.size() / 2);
    qInfo("lex %lld ms, lex+format %lld ms", lexMs, totalMs);
    // Bounds catch super-linear behaviour, not jitter on a loaded machine.
    QVERIFY2(lexMs < 2000, "lexing 20,000 lines took too long");
    QVERIFY2(totalMs < 5000, "formatting 20,000 lines took too long");
}

QTEST_GUILESS_MAIN(TestFormatter)
#include "tst_formatter.moc"

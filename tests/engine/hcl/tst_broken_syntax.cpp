// Broken native-syntax inputs: each mistake gives one diagnostic with HCL's
// wording at the right place, nothing crashes, and the body keeps every item
// around the mistake that can be salvaged. Also: the real-world corpus parses
// without syntax errors, and the hcl specsuite's syntax-error cases report
// exactly the positions the suite expects.

#include "engine/hcl/Parser.h"

#include <QDirIterator>
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

QStringList topLevelItems(const syntax::Body &body)
{
    QStringList items;
    for (const auto &a : body.attributes)
        items << a.name;
    for (const auto &b : body.blocks)
        items << b.type + QLatin1Char('.') + b.labels.join(QLatin1Char('.'));
    return items;
}

QString brokenDir()
{
    return QStringLiteral(KILN_FIXTURES_DIR "/broken");
}

qint64 numberAttr(const syntax::Body &body, const char *name)
{
    const syntax::Attribute *a = body.attribute(QLatin1String(name));
    if (!a || a->expr->kind != ExprKind::Literal)
        return -1;
    return static_cast<const LiteralExpr &>(*a->expr).value.asNumber().toInt64().value_or(-1);
}

} // namespace

class TestBrokenSyntax : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data();
    void fixtures();
    void unclosedBlockSalvage();
    void everyFixtureListed();
    void truncations();
    void corpusParsesCleanly();
    void specsuiteSyntaxErrors_data();
    void specsuiteSyntaxErrors();
};

void TestBrokenSyntax::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("items");

    const QList<QByteArray> rows
        = readFile(brokenDir() + QStringLiteral("/expected.tsv")).split('\n');
    int n = 0;
    for (const QByteArray &row : rows) {
        if (row.isEmpty() || row.startsWith('#'))
            continue;
        const QList<QByteArray> f = row.split('\t');
        QVERIFY2(f.size() >= 6, row.constData());
        QTest::newRow(f[0].constData())
            << QString::fromUtf8(f[0]) << QString::fromUtf8(f[1]) << f[2].toInt() << f[3].toInt()
            << f[4].toInt() << QString::fromUtf8(f[5]).split(QLatin1Char(','));
        ++n;
    }
    QVERIFY(n >= 60);
}

void TestBrokenSyntax::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, summary);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, count);
    QFETCH(QStringList, items);

    const QByteArray src = readFile(brokenDir() + QLatin1Char('/') + file);
    QVERIFY(!src.isEmpty());
    Diagnostics diags;
    File parsed = parseConfig(src, file, diags);
    QVERIFY(diags.hasErrors());
    QCOMPARE(diags.first().summary, summary);
    QVERIFY(diags.first().subject.has_value());
    QCOMPARE(diags.first().subject->filename, file);
    QCOMPARE(diags.first().subject->start.line, line);
    QCOMPARE(diags.first().subject->start.column, column);
    QVERIFY(!diags.first().detail.isEmpty());
    QCOMPARE(diags.size(), count);
    QVERIFY(parsed.nativeBody());
    QStringList got = topLevelItems(*parsed.nativeBody());
    got.sort();
    items.sort();
    QCOMPARE(got, items);
    // The item before the mistake is always intact.
    QVERIFY(items.contains(QStringLiteral("variable.before")));
}

// Items after an unclosed block are moved back out of it (Kiln goes beyond hcl
// here), and the block keeps what belongs to it.
void TestBrokenSyntax::unclosedBlockSalvage()
{
    const QByteArray src
        = readFile(brokenDir() + QStringLiteral("/71-unclosed-block-mid-file.pkr.hcl"));
    Diagnostics diags;
    File f = parseConfig(src, QStringLiteral("x.pkr.hcl"), diags);
    const auto body = f.nativeBody();
    QCOMPARE(body->blocks.size(), 3);
    const syntax::Block &broken = body->blocks[1];
    QCOMPARE(broken.labels.last(), QStringLiteral("broken"));
    QCOMPARE(broken.body->attributes.size(), 1);
    QCOMPARE(broken.body->attributes[0].name, QStringLiteral("communicator"));
    QVERIFY(broken.body->blocks.isEmpty());
    QCOMPARE(body->blocks[2].labels.last(), QStringLiteral("after"));
    QCOMPARE(body->blocks[2].body->attributes.size(), 1);
    QVERIFY(body->attribute(QStringLiteral("last")));
}

void TestBrokenSyntax::everyFixtureListed()
{
    const QByteArray table = readFile(brokenDir() + QStringLiteral("/expected.tsv"));
    QDirIterator it(brokenDir(), {QStringLiteral("*.pkr.hcl")});
    int n = 0;
    while (it.hasNext()) {
        it.next();
        QVERIFY2(table.contains(it.fileName().toUtf8() + '\t'), qPrintable(it.fileName()));
        ++n;
    }
    QVERIFY(n >= 60);
}

// Every prefix of a valid file is a broken file: none may crash the parser
// or leave it without a body.
void TestBrokenSyntax::truncations()
{
    const QByteArray src = "variable \"v\" {\n  default = [for k, v in {a = 1} : \"${k}%{if v > "
                           "0}+%{endif}\" if v != null]\n}\n"
                           "source \"docker\" \"x\" {\n  image = <<-EOT\n    a ${var.v[0]}\n    "
                           "EOT\n  run = f(a.*.b, c[*].d...)\n"
                           "  m = { (x) = -1, \"y\": !true ? 1 : 2 }\n}\nbuild { sources = "
                           "[\"source.docker.x\"] }\n";
    for (int i = 0; i <= src.size(); ++i) {
        Diagnostics diags;
        File f = parseConfig(src.left(i), QStringLiteral("t.hcl"), diags);
        QVERIFY(f.nativeBody());
        Diagnostics exprDiags;
        QVERIFY(parseExpression(src.mid(30, i), QStringLiteral("e.hcl"), exprDiags));
        QVERIFY(parseTemplate(src.left(i), QStringLiteral("t.tpl"), exprDiags));
    }
    Diagnostics diags;
    parseConfig(src, QStringLiteral("t.hcl"), diags);
    QVERIFY2(diags.isEmpty(), qPrintable(diags.value(0).summary));
}

void TestBrokenSyntax::corpusParsesCleanly()
{
    // Files in the corpus that Packer itself rejects for a syntax error.
    const QStringList knownInvalid = {
        QStringLiteral("hcl2template/testdata/init/duplicate_required_plugins/packer.pkr.hcl"),
    };
    QDirIterator it(QStringLiteral(KILN_CORPUS_DIR), {QStringLiteral("*.hcl")}, QDir::Files,
        QDirIterator::Subdirectories);
    int n = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QLatin1String("hcl-specsuite")))
            continue; // checked against its own expectations below
        Diagnostics diags;
        parseConfig(readFile(path), path, diags);
        const bool invalid = std::any_of(knownInvalid.begin(), knownInvalid.end(),
            [&](const QString &k) { return path.endsWith(k); });
        if (invalid)
            QVERIFY2(diags.hasErrors(), qPrintable(path));
        else
            QVERIFY2(
                diags.isEmpty(), qPrintable(path + QStringLiteral(": ") + diags.value(0).summary));
        ++n;
    }
    QVERIFY(n > 100);
}

void TestBrokenSyntax::specsuiteSyntaxErrors_data()
{
    QTest::addColumn<QString>("hcl");
    QDirIterator it(QStringLiteral(KILN_CORPUS_DIR "/hcl-specsuite"), {QStringLiteral("*.hcl")},
        QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (QFile::exists(path.chopped(4) + QStringLiteral(".t")))
            QTest::newRow(qPrintable(it.fileName())) << path;
    }
}

// The suite's .t files are HCL themselves: `diagnostics { error { from { line,
// column, byte } } }`. Diagnostics there may also come from decoding against the
// .hcldec spec, so a file without syntax errors only has to parse cleanly when
// the .t expects none; one with syntax errors must match them exactly.
void TestBrokenSyntax::specsuiteSyntaxErrors()
{
    QFETCH(QString, hcl);
    Diagnostics tDiags;
    File t = parseConfig(
        readFile(hcl.chopped(4) + QStringLiteral(".t")), QStringLiteral("spec.t"), tDiags);
    QVERIFY(tDiags.isEmpty());
    QList<SourcePos> expected;
    for (const auto &block : t.nativeBody()->blocks) {
        if (block.type != QLatin1String("diagnostics"))
            continue;
        for (const auto &err : block.body->blocks)
            for (const auto &from : err.body->blocks)
                if (from.type == QLatin1String("from"))
                    expected.append(SourcePos{int(numberAttr(*from.body, "line")),
                        int(numberAttr(*from.body, "column")),
                        int(numberAttr(*from.body, "byte"))});
    }

    Diagnostics diags;
    parseConfig(readFile(hcl), hcl, diags);
    if (!diags.hasErrors())
        return;
    QList<SourcePos> got;
    for (const auto &d : diags)
        got.append(d.subject->start);
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TestBrokenSyntax)
#include "tst_broken_syntax.moc"
